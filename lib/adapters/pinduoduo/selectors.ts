import type { SelectorList } from '../selectors';

/**
 * Chat workbench selectors. Source: ../shared/reference/consoles-dom.md §1.2–1.4 (two LIVE
 * calibrations, 2026-09-08 and 2026-09-25, that agree). Change here when the console changes.
 */
export const PDD_CHAT_SELECTORS = {
  conversationList: ['ul.chat-list', '.chat-list'],
  row: ['.chat-item-box'],
  /** `<buyerUid>-0-<group>` on the row; the uid is the part before the first "-". */
  rowUidAttribute: 'data-random',
  rowActiveClass: 'active',
  nick: ['.nickname-span'],
  preview: ['.chat-message-content'],
  time: ['.item-note'],
  waiting: ['.chat-unreply-over-time'],
  threadName: ['.chatWindowHeader .base-info .name'],
  messageList: ['#msgListContainer > ul.msg-list', 'ul.msg-list'],
  message: ['li.onemsg'],
  /** `li.onemsg` ids are `middlePanel_list_<platform ms id>`, usable as a fallback timestamp. */
  messageIdPrefix: 'middlePanel_list_',
  messageTime: ['p.message-time'],
  agentBubble: ['.cs-item'],
  buyerBubble: ['.buyer-item'],
  robotMarker: ['.cs-item.callback', '.robot-text'],
  systemMarker: ['.msg-system', '[class^="system-msg"]', '[class*=" system-msg"]'],
  threadUid: ['[currentuid]'],
  threadUidAttribute: 'currentuid',
  input: ['textarea#replyTextarea'],
  /** §1.4: a div with text 发送 (eCan dom.py, pdd-ai-button.ts; LIVE 2026-09-08). Never clicked by us. */
  send: ['.send-btn'],
} as const satisfies Record<string, SelectorList | string>;

/**
 * After-sales list (/aftersales/aftersale_list) and detail (/aftersales-ssr/detail) selectors.
 * Source: consoles-dom.md §1.7. There is NO live or code evidence for the current after-sales DOM:
 * only FIXTURE pages (id:70923167400 list, id:71053717980 detail, both 2026-09-29) and OLD hashed
 * CSS-module classes (userscript id:48240859996, likely 2022–23). §1.8 advises reading these pages
 * by label text, so the labels below are the primary hooks and classes only find row boxes.
 */
export const PDD_AFTERSALE_SELECTORS = {
  /**
   * One row per case. OLD: `after-sales-table_order_item__3QqLW`. The `[class*=…__]` prefix form
   * survives a hash rotation; the exact OLD hash is the last resort. When neither matches, rows are
   * found by their 订单号 label (read-aftersale.ts), the route §1.8 recommends.
   */
  row: ['[class*="after-sales-table_order_item__"]', '.after-sales-table_order_item__3QqLW'],
  /** Order number cell. OLD: `table-item-header_sn__2gbGk`. Used only when the 订单号 label is absent. */
  orderSn: ['[class*="table-item-header_sn__"]', '.table-item-header_sn__2gbGk'],
  /** Status cell. GUESSED class fragment (no source shows where the list prints the status). */
  status: ['[class*="_status__"]', '[class*="status"]'],
  /** FIXTURE id:70923167400: the countdown is `span.timer` ("6天2时3分30秒"). Other forms GUESSED. */
  timer: ['span.timer', '.timer', '[class*="countdown"]', '[class*="count-down"]'],
  /** GUESSED: 查看详情 as a link to the detail URL of §1.1, whose `id` is the 售后单 id. */
  detailLink: ['a[href*="aftersales-ssr/detail"]'],
  /** GUESSED: an empty table states "暂无数据" in an element whose class mentions empty. */
  empty: ['[class*="empty"]', '[class*="Empty"]', '[class*="no-data"]'],
  /** FIXTURE id:71053717980 labels (detail) and id:70923167400 (list: 订单号, 申请时间). */
  labels: {
    caseId: ['售后编号', '售后单号', '售后单ID', '退款编号'],
    orderId: ['订单编号', '订单号'],
    kind: ['售后类型', '退款类型'],
    status: ['售后状态', '退款状态'],
    amount: ['退款金额', '申请金额'],
    appliedAt: ['申请时间', '发起时间'],
  },
} as const;
