import type { SelectorList } from '../selectors';

/**
 * 咚咚 web workbench (dongdong.jd.com). Source: ../shared/reference/consoles-dom.md §5.2–5.3: a CODE
 * Playwright adapter (id:69024994497) and a capture extension (id:62093072581) that agree; §5.6 notes
 * the classes are readable and unhashed. Where marked, a structure note that the same project wrote
 * from the logged-in page (id:66835435390, "真实咚咚前端采集记录", LIVE 2026-09-07; not in consoles-dom.md)
 * adds detail. Change here when the console changes.
 */
export const JD_CHAT_SELECTORS = {
  /** §5.2 CODE: sidebar `#t-alluser-wrap` (LIVE note: `#t-alluser-wrap.alluser-wrap`). */
  conversationList: ['#t-alluser-wrap', '.alluser-wrap'],
  /**
   * §5.2 CODE: the visible pane. LIVE note: inactive panes keep their rows in the DOM, so rows are
   * read from this pane only, never from every `.c_stream-content`.
   */
  activePane: ['.c_tabs-tabpane:not(.c_tabs-tab_inactive)'],
  /** §5.2 CODE; LIVE note: `.c_stream-item-w > .alluser-item-content > .alluser-item`. */
  row: ['.alluser-item'],
  /** §5.2 CODE (id:62093072581): `u_<pin>imcustomer<venderId>` (or `imwaiter`), on the row or an ancestor. */
  rowIdPattern: '^u_(.+?)(?:imcustomer|imwaiter)(.+)$',
  /** §5.2 CODE: the name's `title` holds the buyer pin. */
  nick: ['.alluser-item-name'],
  pinAttribute: 'title',
  /** CODE id:69024994497 tries these `data-*` keys before falling back to the name. */
  rowKeyAttributes: ['data-user-id', 'data-uid', 'data-userid', 'data-customer-id', 'data-key'],
  /** §5.2 CODE: preview (sic "breif"), date. */
  preview: ['.alluser-item-breifdesc'],
  time: ['.alluser-item-date-w'],
  /** §5.2 CODE: selected row; LIVE note adds `alluser-current`. */
  rowActive: ['.alluser-item_check', '.t-item-ck', '.alluser-current'],
  /** §5.3 CODE: header name (LIVE note: `.chat-head-title > .chat-head-name` with the name in the first span). */
  threadName: ['.chat-head-name > span', '.chat-head-title span', '.chat-head-name', '.chat-head-title'],
  /** §5.3 CODE: scroll root. LIVE note: messages under `#t-chat-scroll > div(sc-*) > .c-wrap > .c-c`. */
  messageList: ['#t-chat-scroll', '.chat-scroll-wrap'],
  message: ['.message'],
  /** §5.3 CODE: the side element carries the message id as its `id` (LIVE note: `s_` prefix). */
  buyerSide: ['.message_left'],
  agentSide: ['.message_right'],
  /** §5.3 CODE, LIVE note: dividers `.message_center`, system rows `.message__system_wrap` / `.message__system`. */
  systemMarker: ['.message_center', '.message__system_wrap', '.message__system'],
  /** §5.3 CODE; LIVE note: inside `.message__nickname`. Text format GUESSED (see read-chat.ts). */
  messageTime: ['.message__time_str'],
  /** §5.3 CODE: contenteditable editor (LIVE note: `<div class="EditorContent " contenteditable="true">`). */
  input: ['.EditorContent[contenteditable=true]', '.EditorContent'],
  /** §5.3 CODE; LIVE note: `span.send-button`, no button role. Never clicked by us. */
  send: ['.SendButtonGroup > .send-button', '.send-button'],
} as const satisfies Record<string, SelectorList | string>;

/**
 * 京麦 自主售后 list and detail (shop.jd.com/jdm/trade/after-sale/independent-after-sale/…).
 * Source: consoles-dom.md §5.5, CODE id:57650675492: no row classes are known; its DOM fallback reads
 * generic rows whose text carries 售后单号/服务单号. The `jd-` UI-kit prefix is CODE evidence from the
 * same console (`.jd-pagination__button-next`, §5.5; `.jd-tabs__item`, `.jd-select-dropdown__item`,
 * id:70543843277, 2026-09-27); `jd-table__*` row classes are GUESSED from that kit's Element-UI naming.
 */
export const JD_AFTERSALE_SELECTORS = {
  /** GUESSED kit classes first, then CODE id:57650675492's generic candidates (filtered by the id label). */
  row: ['.jd-table__body tr.jd-table__row', 'tr.jd-table__row', '.service-list-item', '.list-row', '.table-row', 'tbody tr', 'tr'],
  /** GUESSED: countdown wording/markup is not in any source (§5.5 "Countdown wording: not found"). */
  timer: ['[class*="countdown"]', '[class*="count-down"]', '[class*="remain"]'],
  /** GUESSED: the kit's empty-table text (Element-UI `el-table__empty-text` naming). */
  empty: ['.jd-table__empty-text', '.jd-table__empty-block', '[class*="empty"]'],
  /** §5.5 CODE labels (售后单号/服务单号, 订单号/订单编号); 客户期望 and 售后状态 are the list's filter labels (id:70543843277). */
  labels: {
    caseId: ['服务单号', '售后单号', '服务单ID'],
    orderId: ['订单编号', '订单号'],
    kind: ['客户期望', '售后类型', '服务类型'],
    status: ['售后状态', '服务单状态', '审核状态'],
    amount: ['退款金额', '申请金额', '应退金额'],
    appliedAt: ['申请时间', '提交时间'],
  },
} as const;
