import type { AfterSaleCase } from '../../domain/aftersale';
import { parseDeadlineText } from '../../rules/countdown';
import { parseChinaDateTime } from '../../rules/time-text';
import type { AfterSaleRead } from '../registry-types';
import { SelectorProbe, text, firstMatch } from '../selectors';
import { amountFen, AUTO_SENTENCE, autoAction, isDeadlineText, KIND_WORD, STAGE_WORD, taobaoKind, taobaoStage } from './case-text';
import { disputeRows, findDisputeData, type DisputeRow } from './dispute-data';
import { DISPUTE_DATA as D, TAOBAO_AFTERSALE_SELECTORS as S, TAOBAO_LABELS as L } from './selectors';

const ID = /^[A-Za-z0-9_-]{4,64}$/;

/**
 * Pure reader for Taobao refund pages: the refund2 seller list (embedded disputeData JSON), the
 * 新版千牛 refund list (Fusion table rows) and the refund2 detail (label texts). Never throws.
 */
export function readTaobaoAfterSale(doc: Document, now: number, kind: 'aftersale-list' | 'aftersale-detail'): AfterSaleRead {
  const probe = new SelectorProbe();
  let cases: AfterSaleCase[];
  if (kind === 'aftersale-detail') cases = readDetail(doc, probe, now);
  else if (listVariant(doc) === 'qianniu') cases = readQianniuList(doc, probe, now);
  else cases = readDisputeList(doc, probe, now);
  return { cases, health: probe.report() };
}

/** By URL when it tells (the content script's case), else by what the page carries. */
function listVariant(doc: Document): 'refund2' | 'qianniu' {
  const url = safeUrl(doc.URL);
  if (url?.hostname === 'refund2.taobao.com') return 'refund2';
  if (url && /\/trade-platform\/refund-list/.test(url.pathname)) return 'qianniu';
  if (findDisputeData(doc).found) return 'refund2';
  return doc.querySelector('.next-table, [class*="next-table"]') ? 'qianniu' : 'refund2';
}

type Parts = Omit<AfterSaleCase, 'caseId' | 'orderId'>;

/** Shared by every page: classify loose texts (kind, status, amount, time, countdown). */
function classify(texts: string[], probe: SelectorProbe, now: number, preferred: Partial<Record<'kind' | 'stage' | 'amount' | 'applied', string>>): Parts {
  const kindText = (preferred.kind || texts.find((t) => KIND_WORD.test(t)) || '').slice(0, 50);
  const caseKind = taobaoKind(kindText);
  if (caseKind === null) probe.unparsed.add('case.kind');

  const preferredStage = preferred.stage && taobaoStage(preferred.stage) !== null ? preferred.stage : undefined;
  const stageText = (preferredStage || texts.find((t) => STAGE_WORD.test(t) && !isDeadlineText(t)) || preferred.stage || '').slice(0, 100);
  const stage = taobaoStage(stageText);
  if (stage === null) probe.unparsed.add('case.stage');

  const amount = (preferred.amount !== undefined ? amountFen(preferred.amount) : null) ?? texts.map(amountFen).find((a) => a !== null) ?? null;
  if (amount === null) probe.unparsed.add('case.amount');

  const appliedAt = (preferred.applied !== undefined ? parseChinaDateTime(preferred.applied) : null) ?? null;
  if (preferred.applied !== undefined && appliedAt === null) probe.unparsed.add('case.appliedAt');

  let deadline: Pick<AfterSaleCase, 'deadlineText' | 'pageDeadline' | 'autoAction' | 'autoActionText'> = {
    deadlineText: null,
    pageDeadline: null,
    autoAction: null,
    autoActionText: null,
  };
  if (stage !== 'closed') {
    const shown = texts.find(isDeadlineText)?.slice(0, 100) ?? null;
    const parsed = shown === null ? null : parseDeadlineText(shown, now);
    if (shown !== null && parsed === null) probe.unparsed.add('case.deadline');
    const autoText = texts.map((t) => t.match(AUTO_SENTENCE)?.[0]?.trim()).find((t) => !!t)?.slice(0, 100) ?? null;
    deadline = { deadlineText: shown, pageDeadline: parsed?.at ?? null, autoAction: autoText ? autoAction(autoText) : null, autoActionText: autoText };
  }
  return { kind: caseKind, kindText, stageText, stage, amountFen: amount, appliedAt, ...deadline };
}

/** refund2 seller list: one case per disputeBody part of the embedded JSON. */
function readDisputeList(doc: Document, probe: SelectorProbe, now: number): AfterSaleCase[] {
  const { found, data } = findDisputeData(doc);
  if (!found) probe.missing.add('disputeData');
  if (found && data === null) probe.unparsed.add('disputeData');
  if (!data) return [];
  const cases: AfterSaleCase[] = [];
  for (const row of disputeRows(data)) {
    if (!ID.test(row.id)) {
      probe.unparsed.add('case.caseId');
      continue;
    }
    const orderId = disputeOrderId(row);
    if (orderId === null) probe.unparsed.add('case.orderId');
    const texts = [...row.options, ...row.numbers.flatMap((n) => [n.title, n.value])].filter(Boolean);
    const parts = classify(texts, probe, now, {
      stage: row.options[D.option.status],
      amount: row.options[D.option.amount],
      applied: row.options[D.option.appliedAt],
    });
    cases.push({ caseId: row.id, orderId, ...parts });
  }
  return cases;
}

function disputeOrderId(row: DisputeRow): string | null {
  const positional = row.numbers[D.orderNumberIndex];
  const candidate = positional && /订单/.test(positional.title) ? positional.value : (row.numbers.find((n) => /订单/.test(n.title))?.value ?? positional?.value ?? '');
  return ID.test(candidate) ? candidate : null;
}

/**
 * Texts of the elements that hold text directly (no element children), in page order. Button
 * labels ("拒绝退款", "同意退款") are actions, not states, and are left out.
 */
function leafTexts(root: Element): string[] {
  return Array.from(root.querySelectorAll('*'))
    .filter((el) => el.children.length === 0 && el.tagName !== 'SCRIPT' && el.tagName !== 'STYLE' && !el.closest('button'))
    .map((el) => text(el, 200))
    .filter(Boolean);
}

/** "退款编号：123" (label and value in one text) anywhere in `source`. */
function labelled(source: string, labels: readonly string[]): string | null {
  for (const label of labels) {
    const m = source.match(new RegExp(`${label}\\s*[:：]\\s*([A-Za-z0-9_-]{4,64})`));
    if (m) return m[1]!;
  }
  return null;
}

/** 新版千牛 list: Fusion table rows carrying "订单号：…" and "退款编号：…" (CODE id:42598084561). */
function readQianniuList(doc: Document, probe: SelectorProbe, now: number): AfterSaleCase[] {
  if (!probe.one(doc, 'refundTable', S.tableBody)) return [];
  const cases: AfterSaleCase[] = [];
  for (const row of probe.all(doc, 'tableRow', S.tableRow, false)) {
    const whole = text(row, 2000);
    const caseId = labelled(whole, L.caseId);
    if (!caseId) {
      probe.unparsed.add('case.caseId');
      continue;
    }
    const orderId = labelled(whole, L.orderId);
    if (orderId === null) probe.unparsed.add('case.orderId');
    const texts = leafTexts(row).filter((t) => !/^(退款编号|订单号|订单编号)\s*[:：]/.test(t));
    cases.push({ caseId, orderId, ...classify(texts, probe, now, {}) });
  }
  return cases;
}

/**
 * refund2 detail: "label：value" texts (label and value in one element, or the value in the next
 * element). The case id falls back to the URL's disputeId (the documented detail link).
 */
function readDetail(doc: Document, probe: SelectorProbe, now: number): AfterSaleCase[] {
  const fields = detailFields(doc);
  const url = safeUrl(doc.URL);
  const caseId = fields.get('caseId') ?? url?.searchParams.get('disputeId') ?? null;
  if (fields.size === 0) probe.missing.add('caseFields');
  if (!caseId || !ID.test(caseId)) {
    if (fields.size > 0) probe.unparsed.add('case.caseId');
    return [];
  }
  const orderRaw = fields.get('orderId') ?? url?.searchParams.get('bizOrderId') ?? '';
  const orderId = ID.test(orderRaw) ? orderRaw : null;
  if (orderId === null) probe.unparsed.add('case.orderId');
  const statusField = fields.get('status');
  const panel = probe.one(doc, 'statusPanel', S.statusPanel, statusField === undefined);
  const texts = panel ? leafTexts(panel) : [];
  const parts = classify(texts, probe, now, {
    kind: fields.get('kind') ?? '',
    stage: statusField,
    amount: fields.get('amount') ?? '',
    applied: fields.get('appliedAt'),
  });
  return [{ caseId, orderId, ...parts }];
}

function detailFields(doc: Document): Map<keyof typeof L, string> {
  const fields = new Map<keyof typeof L, string>();
  const leaves = doc.body
    ? Array.from(doc.body.querySelectorAll('*')).filter((el) => el.children.length === 0 && el.tagName !== 'SCRIPT' && el.tagName !== 'STYLE')
    : [];
  for (const el of leaves) {
    const own = text(el, 200);
    for (const [field, labels] of Object.entries(L) as [keyof typeof L, readonly string[]][]) {
      if (fields.has(field)) continue;
      const label = labels.find((l) => new RegExp(`^${l}\\s*[:：]`).test(own));
      if (!label) continue;
      const inline = own.replace(new RegExp(`^${label}\\s*[:：]\\s*`), '');
      const value = inline || text(el.nextElementSibling, 200);
      if (value) fields.set(field, field === 'caseId' || field === 'orderId' ? (value.match(/[A-Za-z0-9_-]+/)?.[0] ?? '') : value);
    }
  }
  return fields;
}

function safeUrl(href: string): URL | null {
  try {
    return new URL(href);
  } catch {
    return null;
  }
}

/** The containers the observer watches: the list table/rows, or the detail body. */
export function taobaoAfterSaleRoots(doc: Document): Element[] {
  for (const group of [S.tableBody, S.disputeRow]) {
    const el = firstMatch(doc, group);
    if (el) return [group === S.disputeRow ? (el.parentElement ?? el) : el];
  }
  return doc.body ? [doc.body] : [];
}
