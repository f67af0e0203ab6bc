import type { AfterSaleCase } from '../../domain/aftersale';
import { parseDeadlineText } from '../../rules/countdown';
import { parseChinaDateTime } from '../../rules/time-text';
import type { AfterSaleRead } from '../registry-types';
import { SelectorProbe, text, firstMatch } from '../selectors';
import { firstOf, leafElements, parseAmountFen } from './dom';
import { DOUYIN_AFTERSALE_SELECTORS as A } from './selectors';

type CaseKind = NonNullable<AfterSaleCase['kind']>;
type AutoAction = NonNullable<AfterSaleCase['autoAction']>;

/**
 * Words the 抖店 after-sales pages use. consoles-dom.md §2.6 gives the containers (CODE) and one
 * status tab text, 退货待商家收货; the rest of this vocabulary (kinds, statuses, countdown and
 * auto-action wording) is GUESSED from the platform's published flow (platform-rules.md §3) and
 * must be checked against a live console. Unknown words are reported, never guessed into a stage.
 */
const KINDS: readonly [RegExp, CaseKind][] = [
  [/换货/, 'exchange'],
  [/补寄|补发/, 'resend'],
  [/维修/, 'repair'],
  [/退货退款|退货/, 'return_refund'],
  [/仅退款|未发货退款|^退款$/, 'refund_only'],
];

/** Status text → AftersaleStage id (lib/rules/schema.ts), 'closed', or null (known, no clock). */
const STAGES: readonly { test: RegExp; stage: (kind: CaseKind | null) => string | null }[] = [
  { test: /退款成功|售后成功|售后完成|已完成|换货成功|补寄成功|维修完成|售后关闭|已关闭|已撤销|已取消|撤销申请/, stage: () => 'closed' },
  { test: /平台(?:介入|处理|仲裁)|客服介入|仲裁中/, stage: () => 'platform_ruling' },
  { test: /待买家(?:修改|处理|补充)|商家(?:已)?拒绝|已拒绝/, stage: () => 'buyer_amend' },
  { test: /待买家(?:退货|寄回|发货)|待退货/, stage: () => 'buyer_return_shipment' },
  {
    test: /待商家(?:确认)?收货|买家已退货|待商家验货/,
    stage: (kind) => (kind === 'exchange' ? 'seller_inspect' : 'seller_confirm_receipt'),
  },
  { test: /待商家(?:发货|换货|补寄|重新发货)/, stage: () => 'seller_ship_replacement' },
  { test: /待买家(?:确认)?收货/, stage: () => 'buyer_confirm_replacement' },
  { test: /待商家(?:处理|审核|同意)|待审核|待处理/, stage: () => 'seller_review' },
  { test: /退款中|处理中/, stage: () => null },
];

/** A countdown or overdue marker ("剩余1天23时59分", "还剩 23:59:10", "已超时 2小时"). */
const DEADLINE_CUE = /剩余|还剩|倒计时|已超时|超时\s*\d/;
/** What the platform will do ("超时未处理，系统将自动同意退款"). */
const AUTO_CUE = /自动(?:同意|通过|退款|关闭|撤销|取消|确认)/;

const CASE_ID = /售后(?:编号|单号|单|ID)\s*[:：]?\s*(\d{6,})/;
const ORDER_ID = /订单(?:编号|号)\s*[:：]?\s*(\d{6,})/;
const APPLIED = /申请时间\s*[:：]?\s*(\d{4}[年/.-]\d{1,2}[月/.-]\d{1,2}日?\s*\d{1,2}:\d{2}(?::\d{2})?)/;

/** A cell's words, one space between lines ("仅退款" + "已发货" → "仅退款 已发货"). */
function cellText(el: Element, max: number): string {
  const words = leafElements(el).map((leaf) => text(leaf, max));
  return (words.length > 0 ? words.join(' ') : text(el, max)).slice(0, max);
}

function kindOf(kindText: string): CaseKind | null {
  return KINDS.find(([re]) => re.test(kindText))?.[1] ?? null;
}

function stageOf(stageText: string, kind: CaseKind | null): { stage: string | null; known: boolean } {
  const hit = STAGES.find((s) => s.test.test(stageText));
  return hit ? { stage: hit.stage(kind), known: true } : { stage: null, known: false };
}

function autoActionOf(t: string): AutoAction | null {
  if (/自动(?:关闭|撤销|取消)/.test(t)) return 'auto_close';
  if (/自动确认/.test(t)) return 'auto_confirm';
  if (/自动(?:同意)?退款/.test(t)) return 'auto_refund';
  if (/自动(?:同意|通过)/.test(t)) return 'auto_approve';
  return null;
}

/** Pure reader for the after-sales list (售后工作台) and detail pages. Never throws. */
export function readDouyinAfterSale(doc: Document, now: number, kind: 'aftersale-list' | 'aftersale-detail'): AfterSaleRead {
  const probe = new SelectorProbe();
  const cases = kind === 'aftersale-list' ? readList(doc, now, probe) : readDetail(doc, now, probe);
  return { cases, health: probe.report() };
}

interface Columns {
  kind: number;
  amount: number;
  status: number;
  applied: number;
  count: number;
}

function readList(doc: Document, now: number, probe: SelectorProbe): AfterSaleCase[] {
  const root = probe.one(doc, 'listRoot', A.listRoot);
  const body = probe.one(root ?? doc, 'tableBody', A.tableBody);
  if (!body) return [];
  // An empty table ("暂无数据") is healthy; rows are required when the body shows something else.
  const dataLike = Array.from(body.querySelectorAll('tr')).some((tr) => !firstOf(tr, A.empty) && text(tr, 20) !== '');
  const rows = probe.all(body, 'row', A.row, dataLike);
  if (rows.length === 0) return [];
  const columns = headerColumns(root ?? doc, probe);
  const seen = new Set<string>();
  const cases: AfterSaleCase[] = [];
  for (const tr of rows) {
    const c = readListRow(tr, columns, now, probe);
    if (!c || seen.has(c.caseId)) continue; // one case with several items shares one id
    seen.add(c.caseId);
    cases.push(c);
  }
  return cases;
}

function headerColumns(scope: ParentNode, probe: SelectorProbe): Columns | null {
  const ths = probe.all(scope, 'tableHeader', A.tableHeader);
  if (ths.length === 0) return null;
  const titles = ths.map((th) => text(th, 40));
  const find = (re: RegExp) => titles.findIndex((t) => re.test(t));
  return {
    kind: find(/售后类型|类型/),
    amount: find(/退款金额|金额/),
    status: find(/售后状态|状态/),
    applied: find(/申请时间/),
    count: titles.length,
  };
}

/** A child row's case header (售后编号 / 订单编号 / 申请时间) is the keyed row just above it. */
function headerRow(tr: Element): Element | null {
  if (!/child/.test(tr.getAttribute('data-row-key') ?? '')) return null;
  for (let prev = tr.previousElementSibling; prev; prev = prev.previousElementSibling) {
    if (!/child/.test(prev.getAttribute('data-row-key') ?? '')) return prev;
  }
  return null;
}

function readListRow(tr: Element, columns: Columns | null, now: number, probe: SelectorProbe): AfterSaleCase | null {
  const head = headerRow(tr);
  const context = `${text(head, 500)} ${text(tr, 1000)}`;
  const caseId = context.match(CASE_ID)?.[1] ?? (tr.getAttribute('data-row-key') ?? '').match(/(\d{6,})/)?.[1];
  if (!caseId) {
    probe.unparsed.add('case.id');
    return null;
  }
  const cells = Array.from(tr.children).filter((el) => el.tagName === 'TD');
  const cell = (index: number | undefined): Element | null =>
    columns && index !== undefined && index >= 0 && cells.length === columns.count ? (cells[index] ?? null) : null;

  const kindCell = cell(columns?.kind);
  const kindText = kindCell ? cellText(kindCell, 50) : (KINDS.map(([re]) => context.match(re)?.[0]).find(Boolean) ?? '');
  const statusCell = cell(columns?.status);
  const stageText = statusCell
    ? (leafElements(statusCell)
        .map((leaf) => text(leaf, 100))
        .find((t) => !DEADLINE_CUE.test(t) && !AUTO_CUE.test(t)) ?? '')
    : (leafElements(tr)
        .map((leaf) => text(leaf, 100))
        .find((t) => STAGES.some((s) => s.test.test(t))) ?? '');
  const amountCell = cell(columns?.amount);
  const amountText = amountCell ? cellText(amountCell, 40) : (context.match(/[¥￥]\s*[\d,]+(?:\.\d{1,2})?/)?.[0] ?? '');
  const appliedCell = cell(columns?.applied);
  const appliedText = appliedCell ? cellText(appliedCell, 40) : (context.match(APPLIED)?.[1] ?? null);

  return buildCase(
    {
      caseId,
      orderId: context.match(ORDER_ID)?.[1] ?? null,
      kindText,
      stageText,
      amountText,
      appliedText,
      scan: [tr],
    },
    now,
    probe,
  );
}

function readDetail(doc: Document, now: number, probe: SelectorProbe): AfterSaleCase[] {
  const blocks = probe.all(doc, 'detailField', A.detailField);
  const outer = blocks.filter((el) => !blocks.some((other) => other !== el && other.contains(el)));
  const fields = new Map<string, string>();
  for (const block of outer) {
    const [labelEl, ...rest] = Array.from(block.children);
    let label = text(labelEl ?? null, 40);
    let value = rest.map((el) => text(el, 200)).join(' ').trim();
    if (!value) [label = '', value = ''] = text(block, 240).split(/[:：]\s*/, 2);
    label = label.replace(/[:：]\s*$/, '').trim();
    if (label && !fields.has(label)) fields.set(label, value);
  }
  const field = (re: RegExp): string | null => [...fields].find(([label]) => re.test(label))?.[1] ?? null;

  const caseId = field(/售后(?:编号|单号|单|ID)/)?.match(/\d{6,}/)?.[0] ?? urlCaseId(doc);
  if (!caseId) {
    if (outer.length > 0) probe.unparsed.add('case.id');
    return [];
  }
  const root = probe.maybe(doc, A.detailRoot) ?? doc.documentElement;
  return [
    buildCase(
      {
        caseId,
        orderId: field(/订单(?:编号|号)/)?.match(/\d{6,}/)?.[0] ?? null,
        kindText: field(/售后类型/) ?? '',
        stageText: field(/售后状态|当前状态/) ?? '',
        amountText: field(/退款金额|申请金额/) ?? '',
        appliedText: field(/申请时间/),
        scan: [root],
      },
      now,
      probe,
    ),
  ];
}

function urlCaseId(doc: Document): string | null {
  try {
    return new URL(doc.URL).searchParams.get('aftersale_id')?.match(/^\d{6,}$/)?.[0] ?? null;
  } catch {
    return null;
  }
}

interface RawCase {
  caseId: string;
  orderId: string | null;
  kindText: string;
  stageText: string;
  amountText: string;
  appliedText: string | null;
  /** Where to look for the countdown and the auto-action text. */
  scan: Element[];
}

function buildCase(raw: RawCase, now: number, probe: SelectorProbe): AfterSaleCase {
  const kind = kindOf(raw.kindText);
  if (kind === null) probe.unparsed.add('case.kind');
  const { stage, known } = stageOf(raw.stageText, kind);
  if (!known) probe.unparsed.add('case.stage');

  const amount = parseAmountFen(raw.amountText);
  if (amount === undefined) probe.unparsed.add('case.amount');
  let appliedAt: number | null = null;
  if (raw.appliedText !== null && raw.appliedText.trim() !== '') {
    appliedAt = parseChinaDateTime(raw.appliedText);
    if (appliedAt === null) probe.unparsed.add('case.appliedAt');
  }

  const skip = raw.scan.flatMap((el) => A.timeline.flatMap((css) => Array.from(el.querySelectorAll(css))));
  const leaves = raw.scan.flatMap((el) => leafElements(el, skip));
  let deadlineText: string | null = null;
  let pageDeadline: number | null = null;
  const cue = leaves.find((leaf) => DEADLINE_CUE.test(text(leaf, 100)));
  if (cue) {
    // The countdown may be split over spans ("剩余" + "1天23时"): fall back to the parent's text.
    for (const el of [cue, cue.parentElement]) {
      const candidate = text(el, 100);
      const parsed = candidate ? parseDeadlineText(candidate, now) : null;
      if (parsed) {
        deadlineText = candidate;
        pageDeadline = parsed.at;
        break;
      }
    }
    if (pageDeadline === null) {
      deadlineText = text(cue, 100);
      probe.unparsed.add('case.deadline');
    }
  }
  const autoActionText = leaves.map((leaf) => text(leaf, 100)).find((t) => AUTO_CUE.test(t)) ?? null;

  return {
    caseId: raw.caseId.slice(0, 64),
    orderId: raw.orderId?.slice(0, 64) ?? null,
    kind,
    kindText: raw.kindText.slice(0, 50),
    stageText: raw.stageText.slice(0, 100),
    stage,
    amountFen: amount ?? null,
    appliedAt,
    deadlineText,
    pageDeadline,
    autoAction: autoActionText === null ? null : autoActionOf(autoActionText),
    autoActionText,
  };
}

/** The containers the observer watches on an after-sales page. */
export function douyinAftersaleRoots(doc: Document): Element[] {
  for (const group of [A.listRoot, A.tableBody]) {
    const el = firstMatch(doc, group);
    if (el) return [el];
  }
  const field = firstMatch(doc, A.detailField);
  const root = field?.closest('#orderAppContainer, #root, main') ?? doc.body;
  return root ? [root] : [];
}
