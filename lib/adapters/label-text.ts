/**
 * Reading after-sales pages by their label texts ("售后编号：", "退款金额："), which outlive class
 * renames (consoles-dom.md §1.8 for PDD; §5.5 for JD, whose DOM fallback reads row text by labels).
 * Shared by the PDD and JD after-sales readers.
 */
import { text } from './selectors';

export type LabelSet<K extends string> = Record<K, readonly string[]>;

/** Text directly inside `el`, not in its child elements. */
function ownText(el: Element): string {
  let out = '';
  for (const node of Array.from(el.childNodes)) if (node.nodeType === 3) out += node.textContent ?? '';
  return out.replace(/\s+/g, ' ').trim();
}

function afterLabel(full: string, label: string): string | null {
  if (!full.startsWith(label)) return null;
  const rest = full.slice(label.length);
  if (rest !== '' && !/^[\s:：]/.test(rest)) return null; // "订单号码" is not "订单号"
  return rest.replace(/^[\s:：]+/, '').trim();
}

/**
 * For each field, the value next to the first element that starts with one of its labels: the
 * rest of that element ("售后编号：2311…") or, when the label stands alone, the next element's
 * text (`<div>售后编号：</div><div>2311…</div>`, `<dt>…</dt><dd>…</dd>`). One pass over `root`.
 */
export function readLabelled<K extends string>(root: ParentNode, labels: LabelSet<K>): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  const fields = Object.keys(labels) as K[];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const own = ownText(el);
    if (!own) continue;
    for (const field of fields) {
      if (out[field] !== undefined) continue;
      for (const label of labels[field]) {
        if (afterLabel(own, label) === null) continue;
        const value = afterLabel(text(el, 300), label) || text(el.nextElementSibling, 300);
        if (value) out[field] = value.slice(0, 200);
        break;
      }
    }
  }
  return out;
}

/** A value printed inline after one of `labels` in running text: "售后编号：2311…" → the `value` match. */
export function valueInText(rowText: string, labels: readonly string[], value: RegExp): string | null {
  for (const label of labels) {
    const at = rowText.indexOf(label);
    if (at < 0) continue;
    const m = rowText.slice(at + label.length, at + label.length + 80).match(new RegExp(`^\\s*[:：]?\\s*(${value.source})`));
    if (m?.[1]) return m[1];
  }
  return null;
}

/** "¥65.00", "￥1,280.5", "65.00元" → fen; null when there is no amount. */
export function parseAmountFen(value: string): number | null {
  const m = value.match(/[¥￥]\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?/) ?? value.match(/(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s*元/);
  if (!m) return null;
  const yuan = Number(m[1]!.replace(/,/g, ''));
  const fen = Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(yuan) ? yuan * 100 + fen : null;
}

/** What the page says the platform does on timeout: "系统将自动退款" → auto_refund. */
export function autoActionOf(value: string): 'auto_refund' | 'auto_approve' | 'auto_close' | 'auto_confirm' | null {
  if (/自动(?:退款|同意并退款)/.test(value)) return 'auto_refund';
  if (/自动确认收货|自动确认/.test(value)) return 'auto_confirm';
  if (/自动(?:同意|审核通过|通过)/.test(value)) return 'auto_approve';
  if (/自动(?:关闭|撤销|取消)/.test(value)) return 'auto_close';
  return null;
}

/** The clause naming the automatic action: after the countdown when there is one ("未处理，系统将自动退款"). */
export function autoActionClause(rowText: string, timerText: string): string | null {
  const at = timerText ? rowText.indexOf(timerText) : -1;
  if (at >= 0) {
    const after = rowText.slice(at + timerText.length).match(/^[\s）)，,]*([^（()）。；;\n]*?自动[^（()）。；;，,\s]*)/);
    if (after?.[1]) return after[1].trim().slice(0, 100);
  }
  const anywhere = rowText.match(/[^（()）。；;，,\s:：]*自动[^（()）。；;，,\s]*/);
  return anywhere ? anywhere[0].slice(0, 100) : null;
}

/**
 * The first short leaf text that `accepts` (a status cell printed without a label), skipping the
 * countdown sentence, whose "自动审核通过" / "自动退款" would read as a status.
 */
export function leafText(root: ParentNode, accepts: (value: string) => boolean): string | null {
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (el.children.length > 0) continue;
    const value = text(el, 60);
    if (!value || value.length > 30 || /自动|剩余|倒计时/.test(value)) continue;
    if (accepts(value)) return value;
  }
  return null;
}

/** Whitespace removed, for matching status words the page spaces out ("完 成"). */
export function compact(value: string): string {
  return value.replace(/[\s\u3000]+/g, '');
}
