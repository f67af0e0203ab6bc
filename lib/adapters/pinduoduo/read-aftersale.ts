import type { AfterSaleCase } from '../../domain/aftersale';
import { parseDeadlineText } from '../../rules/countdown';
import { parseChinaDateTime } from '../../rules/time-text';
import type { AfterSaleRead } from '../registry-types';
import { SelectorProbe, text, firstMatch } from '../selectors';
import { pddKindOf, pddStageOf } from './aftersale-vocab';
import { autoActionClause, autoActionOf, leafText, parseAmountFen, readLabelled, valueInText } from '../label-text';
import { PDD_AFTERSALE_SELECTORS as S } from './selectors';

/** 订单号 like 260909-672850297221479 (§1.6 `orderSn`). */
const ORDER_SN = /\d{6}-\d{6,20}/;
/** 售后单 ids are 14 digits in the API sample (§1.6); accept any long digit run. */
const CASE_ID = /\d{8,30}/;
const MAX_CASES = 2000;

/** Pure reader for the after-sales list or detail page. Never throws on strange markup. */
export function readPddAfterSale(doc: Document, now: number, kind: 'aftersale-list' | 'aftersale-detail'): AfterSaleRead {
  const probe = new SelectorProbe();
  const cases = kind === 'aftersale-list' ? readList(doc, probe, now) : readDetail(doc, probe, now);
  return { cases, health: probe.report() };
}

function readList(doc: Document, probe: SelectorProbe, now: number): AfterSaleCase[] {
  const rows = probe.all(doc, 'row', S.row, false);
  if (rows.length === 0) rows.push(...rowsByLabel(doc));
  if (rows.length === 0) {
    // An empty table says so; a page with neither rows nor that statement is not understood.
    if (!isEmptyList(doc)) probe.missing.add('row');
    return [];
  }
  const byId = new Map<string, AfterSaleCase>();
  for (const row of rows) {
    if (byId.size >= MAX_CASES) break;
    const found = readCase(row, probe, now, null);
    if (found && !byId.has(found.caseId)) byId.set(found.caseId, found);
  }
  return [...byId.values()];
}

function readDetail(doc: Document, probe: SelectorProbe, now: number): AfterSaleCase[] {
  const root = doc.body ?? doc.documentElement;
  if (!root) {
    probe.missing.add('labels.caseId');
    return [];
  }
  const labelled = readLabelled(root, { caseId: S.labels.caseId });
  if (labelled.caseId === undefined) {
    probe.missing.add('labels.caseId');
    return [];
  }
  const found = readCase(root, probe, now, idFromUrl(doc));
  return found ? [found] : [];
}

function idFromUrl(doc: Document): string | null {
  try {
    const url = new URL(doc.URL);
    return url.pathname.includes('/aftersales-ssr/detail') ? url.searchParams.get('id') : null;
  } catch {
    return null;
  }
}

/**
 * Rows found by their 订单号 label when no row class matches: each label's highest ancestor that
 * holds no other 订单号 label is one case's box.
 */
function rowsByLabel(doc: Document): Element[] {
  const body = doc.body;
  if (!body) return [];
  const labels = Array.from(body.querySelectorAll('*')).filter((el) =>
    Array.from(el.childNodes).some((n) => n.nodeType === 3 && /^\s*订单(?:编)?号\s*[:：]?/.test(n.textContent ?? '')),
  );
  const counts = new Map<Element, number>();
  for (const label of labels) for (let el: Element | null = label; el && el !== body; el = el.parentElement) counts.set(el, (counts.get(el) ?? 0) + 1);
  const rows = new Set<Element>();
  for (const label of labels) {
    let box: Element = label;
    for (let el = label.parentElement; el && el !== body && counts.get(el) === 1; el = el.parentElement) box = el;
    rows.add(box);
  }
  return [...rows];
}

function isEmptyList(doc: Document): boolean {
  return S.empty.some((css) => Array.from(doc.querySelectorAll(css)).some((el) => /暂无|无数据|没有/.test(text(el, 100))));
}

function readCase(root: Element, probe: SelectorProbe, now: number, fallbackId: string | null): AfterSaleCase | null {
  const rowText = text(root, 2000);
  const labelled = readLabelled(root, S.labels);

  const orderId =
    (labelled.orderId ?? '').match(ORDER_SN)?.[0] ?? text(probe.maybe(root, S.orderSn), 64).match(ORDER_SN)?.[0] ?? rowText.match(ORDER_SN)?.[0] ?? null;
  if (orderId === null) probe.unparsed.add('case.orderId');

  const linkId = (probe.maybe(root, S.detailLink)?.getAttribute('href') ?? '').match(/[?&]id=(\d+)/)?.[1];
  let caseId =
    (labelled.caseId ?? '').match(CASE_ID)?.[0] ?? valueInText(rowText, S.labels.caseId, CASE_ID) ?? linkId ?? fallbackId ?? null;
  if (caseId === null) {
    if (orderId === null) return null; // nothing identifies this box as a case
    // Tracked under the order until the page shows the case id; the report says so.
    probe.unparsed.add('case.caseId');
    caseId = `order:${orderId}`;
  }

  let kindText = labelled.kind ?? '';
  const kind = kindText ? pddKindOf(kindText) : pddKindOf(rowText, true);
  if (!kindText && kind) kindText = rowText.match(/退货退款|仅退款|换货|补寄|补发|维修/)?.[0] ?? '';
  if (kindText && !kind) probe.unparsed.add('case.kind');

  let amountFen: number | null = null;
  if (labelled.amount !== undefined) {
    amountFen = parseAmountFen(labelled.amount);
    if (amountFen === null) probe.unparsed.add('case.amount');
  } else amountFen = parseAmountFen(rowText);

  let appliedAt: number | null = null;
  const appliedText = labelled.appliedAt ?? valueInText(rowText, S.labels.appliedAt, /\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*\d{1,2}:\d{2}(?::\d{2})?/) ?? '';
  if (appliedText) {
    appliedAt = parseChinaDateTime(appliedText);
    if (appliedAt === null) probe.unparsed.add('case.appliedAt');
  }

  const timer = probe.maybe(root, S.timer);
  const deadlineText = timer ? text(timer, 100) || null : null;
  const deadline = deadlineText ? parseDeadlineText(deadlineText, now) : null;
  if (deadlineText && !deadline) probe.unparsed.add('case.deadline');
  // "…，系统将自动退款": kept when it names a known action, or sits right after the countdown.
  const clause = autoActionClause(rowText, deadlineText ?? '');
  const autoAction = clause ? autoActionOf(clause) : null;
  const autoActionText = autoAction !== null || (clause !== null && deadlineText !== null) ? clause : null;
  if (autoActionText !== null && autoAction === null) probe.unparsed.add('case.autoAction');

  // Status: its label, a status cell, a short cell holding a known status, or a known phrase in the text.
  let stageText = labelled.status ?? text(probe.maybe(root, S.status), 100);
  if (!stageText) stageText = leafText(root, (value) => pddStageOf(value).known) ?? '';
  let stage = pddStageOf(stageText);
  if (!stageText) {
    stage = pddStageOf(rowText.replace(clause ?? '', '').replace(deadlineText ?? '', ''));
    stageText = stage.phrase;
  }
  if (!stage.known) probe.unparsed.add('case.stage');

  return {
    caseId: caseId.slice(0, 64),
    orderId,
    kind,
    kindText: kindText.slice(0, 50),
    stageText: stageText.slice(0, 100),
    stage: stage.stage,
    amountFen,
    appliedAt,
    deadlineText,
    pageDeadline: deadline?.at ?? null,
    autoAction,
    autoActionText,
  };
}

/** The containers an observer watches: the list rows' parent, or the detail page body. */
export function pddAftersaleRoots(doc: Document): Element[] {
  const row = firstMatch(doc, S.row);
  const root = row?.parentElement ?? doc.body;
  return root ? [root] : [];
}
