import type { AfterSaleCase } from '../../domain/aftersale';
import { parseDeadlineText } from '../../rules/countdown';
import { parseChinaDateTime } from '../../rules/time-text';
import type { AfterSaleRead } from '../registry-types';
import { SelectorProbe, text } from '../selectors';
import { jdKindOf, jdStageOf } from './aftersale-vocab';
import { autoActionClause, autoActionOf, leafText, parseAmountFen, readLabelled, valueInText } from '../label-text';
import { JD_AFTERSALE_SELECTORS as S } from './selectors';

/** 服务单号 as CODE id:57650675492 reads it (`[A-Za-z0-9\-]{6,}`); JD's are ~10 digits (4048292768). */
const CASE_ID = /[A-Za-z0-9][A-Za-z0-9-]{5,39}/;
/** JD order ids are long digit runs (3557439004118866). */
const ORDER_ID = /\d{6,30}/;
const DATE_TIME = /\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*\d{1,2}:\d{2}(?::\d{2})?/;
/** Words that mark a sentence as time left, where no countdown element is found (GUESSED wording). */
const REMAIN_CUE = /剩余|倒计时/;
const MAX_CASES = 2000;

/** Pure reader for the 自主售后 list or a service-order detail page. Never throws on strange markup. */
export function readJdAfterSale(doc: Document, now: number, kind: 'aftersale-list' | 'aftersale-detail'): AfterSaleRead {
  const probe = new SelectorProbe();
  const cases = kind === 'aftersale-list' ? readList(doc, probe, now) : readDetail(doc, probe, now);
  return { cases, health: probe.report() };
}

const CASE_LABELS = new RegExp(S.labels.caseId.join('|'), 'g');

/**
 * Rows of the first candidate that yields rows carrying exactly one 服务单号: header and spacer rows
 * carry none, and a layout row wrapping the whole table carries many.
 */
function caseRows(doc: Document): Element[] {
  for (const css of S.row) {
    const rows = Array.from(doc.querySelectorAll(css)).filter((el) => {
      const rowText = text(el, 2000);
      return rowText.match(CASE_LABELS)?.length === 1 && valueInText(rowText, S.labels.caseId, CASE_ID) !== null;
    });
    if (rows.length > 0) return rows;
  }
  return [];
}

function readList(doc: Document, probe: SelectorProbe, now: number): AfterSaleCase[] {
  const rows = caseRows(doc);
  if (rows.length === 0) {
    const empty = S.empty.some((css) => Array.from(doc.querySelectorAll(css)).some((el) => /暂无|无数据|没有/.test(text(el, 100))));
    if (!empty) probe.missing.add('row');
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
  if (!root || readLabelled(root, { caseId: S.labels.caseId }).caseId === undefined) {
    probe.missing.add('labels.caseId');
    return [];
  }
  const found = readCase(root, probe, now, idFromUrl(doc));
  return found ? [found] : [];
}

function idFromUrl(doc: Document): string | null {
  try {
    const url = new URL(doc.URL);
    return url.pathname.endsWith('/independent-after-sale/detail') ? url.searchParams.get('afsServiceId') : null;
  } catch {
    return null;
  }
}

function countdownText(root: Element, probe: SelectorProbe): string | null {
  const timer = probe.maybe(root, S.timer);
  if (timer) return text(timer, 100) || null;
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (el.children.length > 0) continue;
    const value = text(el, 100);
    if (value.length <= 40 && REMAIN_CUE.test(value)) return value;
  }
  return null;
}

function readCase(root: Element, probe: SelectorProbe, now: number, fallbackId: string | null): AfterSaleCase | null {
  const rowText = text(root, 2000);
  const labelled = readLabelled(root, S.labels);

  const caseId = (labelled.caseId ?? '').match(CASE_ID)?.[0] ?? valueInText(rowText, S.labels.caseId, CASE_ID) ?? fallbackId;
  if (!caseId) {
    probe.unparsed.add('case.caseId');
    return null;
  }
  const orderId = (labelled.orderId ?? '').match(ORDER_ID)?.[0] ?? valueInText(rowText, S.labels.orderId, ORDER_ID);
  if (orderId === null) probe.unparsed.add('case.orderId');

  let kindText = labelled.kind ?? '';
  const kind = kindText ? jdKindOf(kindText) : jdKindOf(rowText, true);
  if (!kindText && kind) kindText = rowText.replace(/\s+/g, '').match(/退货退款|换货|维修|补件|未收货退款|仅退款/)?.[0] ?? '';
  if (kindText && !kind) probe.unparsed.add('case.kind');


  let amountFen: number | null;
  if (labelled.amount !== undefined) {
    amountFen = parseAmountFen(labelled.amount);
    if (amountFen === null) probe.unparsed.add('case.amount');
  } else amountFen = parseAmountFen(rowText);

  const appliedText = labelled.appliedAt ?? valueInText(rowText, S.labels.appliedAt, DATE_TIME) ?? '';
  const appliedAt = appliedText ? parseChinaDateTime(appliedText) : null;
  if (appliedText && appliedAt === null) probe.unparsed.add('case.appliedAt');

  const deadlineText = countdownText(root, probe);
  const deadline = deadlineText ? parseDeadlineText(deadlineText, now) : null;
  if (deadlineText && !deadline) probe.unparsed.add('case.deadline');
  const clause = autoActionClause(rowText, deadlineText ?? '');
  const autoAction = clause ? autoActionOf(clause) : null;
  const autoActionText = autoAction !== null || (clause !== null && deadlineText !== null) ? clause : null;
  if (autoActionText !== null && autoAction === null) probe.unparsed.add('case.autoAction');

  // Status: its label, a short cell holding a known status (the list prints it in a column without
  // a label), or a known phrase in the text outside the countdown sentence.
  let stageText = labelled.status ?? leafText(root, (value) => jdStageOf(value, kind).known) ?? '';
  let stage = jdStageOf(stageText, kind);
  if (!stageText) {
    stage = jdStageOf(rowText.replace(clause ?? '', '').replace(deadlineText ?? '', ''), kind);
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

/** The containers an observer watches: the case rows' parent, or the detail page body. */
export function jdAftersaleRoots(doc: Document): Element[] {
  const root = caseRows(doc)[0]?.parentElement ?? doc.body;
  return root ? [root] : [];
}
