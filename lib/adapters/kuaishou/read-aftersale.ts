import type { AfterSaleCase } from '../../domain/aftersale';
import { parseDeadlineText } from '../../rules/countdown';
import { parseChinaDateTime } from '../../rules/time-text';
import type { AfterSaleRead } from '../registry-types';
import { SelectorProbe, text, firstMatch } from '../selectors';
import { amountFen, autoAction, kuaishouKind, kuaishouStage } from './case-text';
import { KUAISHOU_AFTERSALE_LABELS as L, KUAISHOU_AFTERSALE_SELECTORS as S } from './selectors';

/**
 * Pure reader for Kuaishou after-sales pages. Only the refund detail is evidenced (one OLD
 * userscript, consoles-dom.md §3.5): label/value pairs 订单编号, 售后单号, 退款金额, 售后类型.
 * No list page (URL, DOM or API) is known, so a list read reports exactly that.
 */
export function readKuaishouAfterSale(doc: Document, now: number, kind: 'aftersale-list' | 'aftersale-detail'): AfterSaleRead {
  const probe = new SelectorProbe();
  if (kind === 'aftersale-list') {
    probe.missing.add('aftersaleList');
    return { cases: [], health: probe.report() };
  }
  const fields = readFields(doc, probe);
  if (fields.size === 0) return { cases: [], health: probe.report() };
  const field = (labels: readonly string[]) => labels.map((l) => fields.get(l)).find((v) => v !== undefined) ?? null;

  const caseId = field(L.caseId)?.match(/[A-Za-z0-9_-]{4,64}/)?.[0];
  if (!caseId) {
    probe.unparsed.add('case.caseId');
    return { cases: [], health: probe.report() };
  }
  const orderText = field(L.orderId);
  const orderId = orderText?.match(/[A-Za-z0-9_-]{4,64}/)?.[0] ?? null;
  if (!orderId) probe.unparsed.add('case.orderId');

  const amountText = field(L.amount);
  const amount = amountText === null ? null : amountFen(amountText);
  if (amount === null) probe.unparsed.add('case.amount');

  const kindText = (field(L.kind) ?? '').slice(0, 50);
  const caseKind = kuaishouKind(kindText);
  if (caseKind === null) probe.unparsed.add('case.kind');

  const stageText = (field(L.status) ?? text(probe.maybe(doc, S.currentStep), 100)).slice(0, 100);
  const stage = kuaishouStage(stageText);
  if (stage === null) probe.unparsed.add('case.stage');

  const appliedText = field(L.appliedAt);
  const appliedAt = appliedText === null ? null : parseChinaDateTime(appliedText);
  if (appliedText !== null && appliedAt === null) probe.unparsed.add('case.appliedAt');

  const deadline = readDeadline(doc, probe, now, stage === 'closed');

  const found: AfterSaleCase = {
    caseId,
    orderId,
    kind: caseKind,
    kindText,
    stageText,
    stage,
    amountFen: amount,
    appliedAt,
    ...deadline,
  };
  return { cases: [found], health: probe.report() };
}

/**
 * Label → value text. Labels and values are paired by the same candidate group: the label's next
 * sibling when it is a value cell, else the value at the same index (the OLD script's pairing).
 */
function readFields(doc: Document, probe: SelectorProbe): Map<string, string> {
  const fields = new Map<string, string>();
  for (let i = 0; i < S.fieldLabel.length; i++) {
    const labels = Array.from(doc.querySelectorAll(S.fieldLabel[i]!));
    if (labels.length === 0) continue;
    const valueCss = S.fieldValue[i]!;
    const values = Array.from(doc.querySelectorAll(valueCss));
    labels.forEach((label, j) => {
      const sibling = label.nextElementSibling;
      const valueEl = sibling && sibling.matches(valueCss) ? sibling : (values[j] ?? null);
      if (!valueEl) return;
      // The value cell may carry a copy button after the value: read its first child when it has one.
      const first = valueEl.firstElementChild;
      const value = (first && text(first, 200)) || text(valueEl, 200);
      const name = text(label, 40).replace(/[:：]\s*$/, '');
      if (name && !fields.has(name)) fields.set(name, value);
    });
    return fields;
  }
  probe.missing.add('caseFields');
  return fields;
}

type Deadline = Pick<AfterSaleCase, 'deadlineText' | 'pageDeadline' | 'autoAction' | 'autoActionText'>;

function readDeadline(doc: Document, probe: SelectorProbe, now: number, closed: boolean): Deadline {
  const none: Deadline = { deadlineText: null, pageDeadline: null, autoAction: null, autoActionText: null };
  // A countdown block is optional: finished cases and stages without a timer show none.
  const el = probe.maybe(doc, S.countdown);
  const shown = text(el, 100);
  if (closed || !shown) return none;
  const parsed = parseDeadlineText(shown, now);
  if (parsed === null) probe.unparsed.add('case.deadline');
  const panel = text(el!.parentElement, 300);
  const autoText = panel.match(/[^，。；,;]*自动[^，。；,;]*/)?.[0]?.trim().slice(0, 100) ?? null;
  return {
    deadlineText: shown,
    pageDeadline: parsed?.at ?? null,
    autoAction: autoText ? autoAction(autoText) : null,
    autoActionText: autoText,
  };
}

/**
 * The container the observer watches on a refund detail: the app root around the fields (the
 * countdown and steps sit outside the field block). Empty until the fields mount.
 */
export function kuaishouAfterSaleRoots(doc: Document): Element[] {
  const label = firstMatch(doc, S.fieldLabel);
  const root = label ? (label.closest('main, #root, #main_root') ?? doc.body) : null;
  return root ? [root] : [];
}
