import type { SelectorList } from '../selectors';

/**
 * Kuaishou 快手小店 CS workbench (im.kwaixiaodian.com/workbench). Source: consoles-dom.md §3.2–3.3.
 * Evidence is CODE only: one Playwright worker (id:61485658333), one Electron preload
 * (id:56119917179) and a CDP probe (id:68995940288); nobody states a live calibration date.
 * The class names are readable BEM-style tokens, not hashes; the `[class*=…]` candidates keep
 * matching if a build appends a hash suffix. Change here when the console changes.
 */
export const KUAISHOU_CHAT_SELECTORS = {
  // CODE (§3.1, preload id:56119917179): the logged-in app root and the workbench container.
  appRoot: ['#main_root', '.new-workbench-container'],
  // CODE (preload id:56119917179): groups live in .SessionListGroup > .SessionListGroup-FolderSessions.
  sessionList: ['.SessionListGroup-FolderSessions', '.SessionListGroup'],
  // CODE (§3.2, worker id:61485658333): one group per reply bucket ("请在3分钟内回复", "已超时").
  group: ['.SessionListGroupItem', '[class*="SessionListGroupItem"]:not([class*="SessionListGroupItem-"])'],
  groupName: ['.SessionListGroupItem-groupName', '[class*="SessionListGroupItem-groupName"]', '.SessionListGroupItem-title'],
  groupCount: ['.SessionListGroupItem-count', '[class*="SessionListGroupItem-count"]'],
  // CODE (§3.2; preload: .SessionListGroup .SessionBaseCard-Static, worker: .SessionBaseCard).
  row: ['.SessionBaseCard-Static', '.SessionBaseCard'],
  nick: ['.SessionBaseCard-topHeadName', '[class*="topHeadName"]'],
  time: ['.SessionBaseCard-topHeadTime', '[class*="topHeadTime"]'],
  preview: ['.SessionBaseCard-lastMessage', '[class*="lastMessage"]'],
  /** CODE: the unread dot. Not a waiting signal (a tool notes the bold nick is not one either). */
  unread: ['.SessionBaseCard-unread-rot'],
  /**
   * GUESSED: no source names a buyer id in the DOM (§6.1: "Kuaishou: none found"). Read if a
   * build ever exposes one; otherwise rows are keyed by the normalised nick.
   */
  rowKeyAttributes: ['data-session-id', 'data-user-id', 'data-target-id'],
  /** GUESSED: how the selected card is marked (the CDP probe id:68995940288 tests /\bactive\b/). */
  activeRow: [
    '.SessionBaseCard-Static.active',
    '.SessionBaseCard.active',
    '.SessionBaseCard-Static[class*="active"]',
    '.SessionBaseCard[class*="active"]',
    '.SessionBaseCard-Static[class*="selected"]',
  ],
  /** GUESSED: a thread header naming the buyer, used only when no card is marked active. */
  threadName: ['[class*="ChatHeader"] [class*="nick"]', '[class*="ChatHeader"] [class*="Name"]'],
  // CODE (§3.3, worker id:61485658333): sender-line rows, and centred cards/system lines, in page order.
  message: [
    '.kwaishop-cs-LayoutDefaultWrapper_msgMain, .kwaishop-cs-LayoutMiddleWrapper_msgBody',
    '[class*="LayoutDefaultWrapper_msgMain"], [class*="LayoutMiddleWrapper_msgBody"]',
  ],
  middleMessage: ['.kwaishop-cs-LayoutMiddleWrapper_msgBody', '[class*="LayoutMiddleWrapper_msgBody"]'],
  /** CODE: sender nick + "M-D HH:MM:SS", e.g. "测试顾客2-22 18:55:20". */
  senderLine: ['.kwaishop-cs-LayoutDefaultWrapper_beforeMsgBody', '[class*="LayoutDefaultWrapper_beforeMsgBody"]'],
  messageBody: ['.kwaishop-cs-LayoutDefaultWrapper_msgBody', '[class*="LayoutDefaultWrapper_msgBody"]'],
  // CODE (§3.3): Quill editor, antd primary button labelled 发送.
  input: ['div.ql-editor'],
  send: ['button.ant-btn.ant-btn-primary'],
} as const satisfies Record<string, SelectorList>;

/** CODE (§3.2–3.3, worker id:61485658333 and preload id:56119917179): texts the page prints. */
export const KUAISHOU_CHAT_TEXTS = {
  /** Group of conversations still inside the reply window; the number is the window. */
  pendingGroup: /请在\s*(\d+)\s*分钟内回复/,
  /** Group (and card time) of conversations past the window. "N后超时" is time left, not overdue. */
  overdue: /超时/,
  timeLeft: /^(.*?)\s*后超时$/,
  /** §3.4: the bot assumes a 180 000 ms window when the page does not name one. */
  defaultWindowMs: 180_000,
  /** The nick may end in "下单数(N)", which bots strip. */
  nickSuffix: /\s*下单数\s*[(（]\d+[)）]\s*$/,
  /** Closure notices, tips and platform notices: they neither start nor stop a clock. */
  systemMarkers: ['[系统消息]', '客服超时未回复，会话关闭', '买家超时未回复，会话关闭', '【防诈贴士】'],
  /** The platform's auto-reply on the shop's behalf. */
  robotMarkers: ['[系统自动回复消息]'],
} as const;

/**
 * Refund detail (s.kwaixiaodian.com/zone/refund/detail…). Source: consoles-dom.md §3.5, one OLD
 * userscript (id:48240859996) reading hashed React label/value pairs; nothing newer exists.
 */
export const KUAISHOU_AFTERSALE_SELECTORS = {
  /**
   * Label cells, ordered: GUESSED antd Descriptions (the page is antd: ant-steps, ant-tabs), then
   * OLD `label__<hash>` matched hash-agnostically, then the exact OLD hash.
   */
  fieldLabel: [
    '.ant-descriptions-item-label',
    '[class^="label__"], [class*=" label__"]',
    '.label__BFlU4',
  ],
  /** The value cell paired with each label (same candidate index). */
  fieldValue: [
    '.ant-descriptions-item-content',
    '[class^="content__"], [class*=" content__"]',
    '.content__Rf0s7',
  ],
  /** OLD (id:48240859996): antd steps on the page; GUESSED: the current one carries the stage. */
  currentStep: ['.ant-steps-item-process .ant-steps-item-title', '.ant-steps-item-active .ant-steps-item-title'],
  /** GUESSED: where a countdown would be (antd Statistic.Countdown, or a countdown-named block). */
  countdown: ['.ant-statistic-content', '[class*="countdown"]', '[class*="CountDown"]', '[class*="countDown"]'],
} as const satisfies Record<string, SelectorList>;

/** Label texts. OLD (id:48240859996): 订单编号, 售后单号, 退款金额, 售后类型. GUESSED: the rest. */
export const KUAISHOU_AFTERSALE_LABELS = {
  caseId: ['售后单号', '售后编号', '退款单号'],
  orderId: ['订单编号', '订单号'],
  amount: ['退款金额', '申请金额'],
  kind: ['售后类型', '退款类型'],
  status: ['售后状态', '退款状态'],
  appliedAt: ['申请时间'],
} as const;
