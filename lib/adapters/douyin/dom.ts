import { text, type SelectorList } from '../selectors';

/**
 * Small structural helpers for pages whose class names rotate: read leaf texts in document order
 * instead of trusting a hashed class. Pure, never throw.
 */

/** Elements with no element children and some text, in document order, skipping `skip` subtrees. */
export function leafElements(root: ParentNode, skip: readonly Element[] = []): Element[] {
  const out: Element[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (el.childElementCount > 0) continue;
    const tag = el.tagName;
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE' || tag === 'IMG' || tag === 'TEXTAREA') continue;
    if (skip.some((s) => s === el || s.contains(el))) continue;
    if (text(el, 200) === '') continue;
    out.push(el);
  }
  return out;
}

/** The first element under `root` (or `root` itself) matching any candidate, in candidate order. */
export function firstOf(root: Element, candidates: SelectorList): Element | null {
  for (const css of candidates) {
    if (root.matches(css)) return root;
    const found = root.querySelector(css);
    if (found) return found;
  }
  return null;
}

export function matchesAny(el: Element, candidates: SelectorList): boolean {
  return candidates.some((css) => el.matches(css));
}

/** "¥65.00", "￥1,280.5", "65元" → fen; null for no amount ("—", ""); undefined when not understood. */
export function parseAmountFen(raw: string): number | null | undefined {
  const s = raw.replace(/\s+/g, '');
  if (s === '' || /^[-—–－/]+$/.test(s) || s === '无') return null;
  const m = s.match(/[¥￥]([\d,]+(?:\.\d{1,2})?)/) ?? s.match(/([\d,]+(?:\.\d{1,2})?)元/) ?? s.match(/^([\d,]+(?:\.\d{1,2})?)$/);
  if (!m) return undefined;
  const [yuan, cents = ''] = m[1]!.replace(/,/g, '').split('.');
  const fen = Number(yuan) * 100 + Number(cents.padEnd(2, '0') || '0');
  return Number.isFinite(fen) ? fen : undefined;
}
