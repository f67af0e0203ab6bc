import type { SelectorList } from '../selectors';

/**
 * 千牛 web chat-HISTORY search (qn.taobao.com/home.htm/app-customer-service/toolpage/Message).
 * Source: consoles-dom.md §4.2, one Puppeteer export script (id:59074140085, CODE, 2026-05).
 * Live reception is the native AliWorkbench client (§4.1): there is no live chat page to read.
 * The class fragments are CSS-module style (chatWrap, chatTime …), so they are matched with
 * [class*=…] only. Change here when the console changes.
 */
export const TAOBAO_HISTORY_SELECTORS = {
  /** CODE: the results render in an iframe whose URL contains "im-history-search". */
  frame: ['iframe[src*="im-history-search"]'],
  /** CODE: customer results list. */
  results: ['.results-list', '[class*="results-list"]', '[class*="resultsList"]'],
  /** CODE: the script's own candidate list for customer rows, in its order. */
  customer: ['.results-list > li', '.results-list > div', '.results-list .item', '.results-list [class*="item"]'],
  /** CODE: the script's candidates for the customer name inside a row. */
  customerName: ['[class*="nick"]', '[class*="name"]', '[class*="title"] span', 'strong'],
  /** GUESSED: no source names a buyer id attribute; rows are keyed by nick when none is present. */
  customerKeyAttributes: ['data-buyer-id', 'data-uid', 'data-nick'],
  /** GUESSED: how the selected customer is marked. */
  activeCustomer: ['[class*="active"]', '[class*="selected"]', '[aria-selected="true"]'],
  /** CODE: one message, with time, sender name and text fragments. */
  message: ['[class*="chatWrap"]'],
  messageTime: ['[class*="chatTime"]'],
  messageName: ['[class*="chatName"]'],
  /** CODE names chatTextLeft (and chatText); GUESSED: a chatTextRight for our own side. */
  messageText: ['[class*="chatTextLeft"], [class*="chatTextRight"]', '[class*="chatText"]'],
  /** GUESSED: left is the other party (the buyer) when no sender name is shown. */
  buyerSide: ['[class*="chatTextLeft"]'],
  agentSide: ['[class*="chatTextRight"]'],
} as const satisfies Record<string, SelectorList>;

/** GUESSED: sender names of the shop's bot (店小蜜 is Alibaba's own, platform-rules.md §2 T2). */
export const TAOBAO_ROBOT_NAME = /店小蜜|机器人|自动回复/;

/**
 * Refund pages. Sources (consoles-dom.md §4.3 plus the code it cites):
 * - refund2 seller list: the page embeds `var disputeData = {…};` (CODE id:40942555322; the
 *   components and field positions below are that tool's), and renders
 *   .disputelist-sellerGridBodyContainer rows (CODE id:42598084561, 2022);
 * - the 新版千牛 refund list (qn.taobao.com/home.htm/trade-platform/refund-list): an Alibaba Fusion
 *   table, .next-table-body .next-table-row, with "订单号：…" and "退款编号：…" texts (CODE
 *   id:42598084561; its button bar class refund-list_box-button-list__KBNuU is OLD);
 * - the refund2 detail (dispute/detail.htm?disputeId=…, CODE id:42598084561, id:33220818806): only
 *   its URL and an embedded disputeData with logistics parts are evidenced; labels GUESSED.
 */
export const TAOBAO_AFTERSALE_SELECTORS = {
  /** CODE: inline scripts carrying the list/detail JSON. */
  inlineScript: ['script:not([src])'],
  /** CODE (id:42598084561): Fusion table body rows on the 千牛 list. */
  tableRow: ['.next-table-body .next-table-row', '[class*="next-table-body"] [class*="next-table-row"]'],
  tableBody: ['.next-table-body', '[class*="next-table-body"]'],
  /** CODE (id:42598084561): the rendered refund2 list rows, used for the observer only. */
  disputeRow: ['.disputelist-sellerGridBodyContainer'],
  /** GUESSED: the detail's status panel (title, countdown and the auto-action sentence). */
  statusPanel: ['[class*="status-panel"]', '[class*="statusPanel"]', '[class*="dispute-status"]', '[class*="status"]'],
} as const satisfies Record<string, SelectorList>;

/**
 * Component names and field positions inside disputeData (CODE id:40942555322): body parts have
 * bizName "disputeBody", id "<refundId>@…", fields.options[i].title.name with [1] amount,
 * [2] applied at, [3] reason, [5] shipping state, [6] status; the header part
 * "sellerGridHeaderContainer_<refundId>" has fields.numbers[2].value = order id,
 * numbers[0].title (售中/售后) and fields.shop.name (buyer).
 */
export const DISPUTE_DATA = {
  marker: /\bdisputeData\s*=\s*/,
  bodyBizName: 'disputeBody',
  headerPrefix: 'sellerGridHeaderContainer_',
  option: { amount: 1, appliedAt: 2, status: 6 },
  orderNumberIndex: 2,
} as const;

/** Label texts on the 千牛 list (CODE: 订单号, 退款编号) and the detail (GUESSED: the rest). */
export const TAOBAO_LABELS = {
  caseId: ['退款编号', '售后编号', '退款单号'],
  orderId: ['订单编号', '订单号'],
  amount: ['退款金额', '申请金额'],
  kind: ['退款类型', '售后类型', '服务类型'],
  status: ['退款状态', '售后状态'],
  appliedAt: ['申请时间'],
} as const;
