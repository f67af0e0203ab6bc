import type { SelectorList } from '../selectors';

/**
 * 飞鸽 workbench selectors (im.jinritemai.com/pc_seller_v2/main/workspace). Source:
 * ../shared/reference/consoles-dom.md §2.2–2.4 and §2.7. Order inside each list: durable hooks
 * first (`data-qa-id`, `data-kora`, `data-btm-id`, real ids, the `messageIsMe`/`messageNotMe`
 * classes), then "semantic prefix + build hash" classes matched by prefix (2026-06-02 redesign),
 * then the fully hashed classes of the pre-June build (OLD, last resort). Hashes rotate on every
 * deploy and the A/B "rebuilt frame" (hitWebFrameRebuild, late Aug 2026) drops some data-qa-ids,
 * so most fields also have a structural or text fallback in read-chat.ts.
 */
export const DOUYIN_CHAT_SELECTORS = {
  // §2.2 Conversation list. #chantListScrollArea (sic): LIVE (eCan site_tools.py "confirmed from
  // live DOM captures"). .list_items / .scroller: LIVE (eCan emulation mirrors the 2026-06-02
  // redeploy). ReactVirtualized__Grid: CODE (yaoyaolin711 feige_monitor_agent.py).
  conversationList: ['#chantListScrollArea', '[class*="list_items"]', '.ReactVirtualized__Grid'],
  // Row hooks: data-qa-id LIVE (may be absent on the rebuilt frame), data-kora LIVE,
  // data-cid + data-btm-id LIVE, conversationCard-<hash> prefix LIVE (2026-06-02), OLD none.
  row: [
    '[data-qa-id="qa-conversation-chat-item"]',
    '[data-kora="conversation"]',
    '[data-cid][data-btm-id]',
    '[class*="conversationCard-"]',
  ],
  /** Conversation id on the row: the key (§6.1, LIVE). Nicknames are masked and collide. */
  rowKeyAttribute: 'data-cid',
  /** `data-btm-id` suffix `.systemConv` marks the shop's system-notification row (LIVE). */
  rowListAttribute: 'data-btm-id',
  systemRowSuffix: '.systemConv',
  /** Selected row: prefix classes from the 2026-06-02 capture (FIXTURE: eCan emulation),
   *  the 2026-04-23 hash (OLD), then generic markers (guessed; the page has no `active`). */
  rowSelected: [
    '[class^="selectedNew-"]',
    '[class*=" selectedNew-"]',
    '[class^="selected-"]',
    '[class*=" selected-"]',
    '.wmvLQcpt39Hk9PSISrlN',
    '.active',
    '[aria-selected="true"]',
  ],
  /** "needReply" in the row class marks unread / awaiting reply (CODE id:61858295866). */
  rowNeedsReply: ['[class*="needReply"]'],
  // Nick: data-qa-id where present (LIVE, legacy), the nameLine title (LIVE prefix), the OLD
  // hash title, then text nodes. The first short non-numeric [title] is the structural fallback.
  nickTitle: ['[data-qa-id="qa-conversation-nickname"]', '[class*="nameLine"][title]', '.MP1bk3ccfHC9V2SnPCGD[title]'],
  nickText: ['[class*="NameContent"]', '.Jv6FtqUv5VoYARd2pp4y'],
  // Preview: msgContent prefix (LIVE 2026-06-02), data-btm="d089038" content block (CODE
  // id:56512082560), OLD hash. On the rebuilt frame all three miss: leaf-text fallback.
  preview: ['[class*="msgContent"]', '[data-btm="d089038"]', '.lF_M7QiFB0ukHWpMfQde span'],
  // Timer / time: timerParticular prefix (LIVE), OLD hashes (absolute, relative "45秒").
  timer: ['[class*="timerParticular"]', '.FDBMBK87T0SHSZ_4swP6', '.CEnLM8MEGksTdgi_8Lqf'],
  /** Known row tags that are not previews (LIVE: 服务态度预警, 重复来访; FIXTURE: 系统通知). */
  rowTags: ['服务态度预警', '重复来访', '系统通知', '星标用户'],

  // §2.3 Open conversation. #workspace-chat and #topbar-left-info are real ids (LIVE + JSDOM
  // "real" fixture id:63096660620); .messageList LIVE.
  threadPane: ['main#workspace-chat', '#workspace-chat'],
  threadHeader: ['#topbar-left-info'],
  /** Header texts that are controls, not the buyer's name (LIVE: 添加备注). */
  headerSkip: ['添加备注'],
  messageList: ['.messageList', '[class*="messageList"]'],
  // Wrapper per message: data-qa-id (sic "warpper", LIVE; dropped on the rebuilt frame),
  // .msgItemWrap (LIVE), data-qa-message-id (LIVE).
  message: ['[data-qa-id="qa-message-warpper"]', '.msgItemWrap', '[data-qa-message-id]'],
  // Side: messageIsMe / messageNotMe survive hash redesigns (LIVE, eCan). data-id message-out /
  // message-in: the JSDOM fixture variant (FIXTURE id:63096660620).
  agentBubble: ['.messageIsMe', '[class*="messageIsMe"]', '[data-id="message-out"]'],
  buyerBubble: ['.messageNotMe', '[class*="messageNotMe"]', '[data-id="message-in"]'],
  /** Structural fallback (OLD: inline row-reverse on hashed .Ie29C7uLyEjZzd8JeS8A): an avatar
   *  means a chat bubble, row-reverse means our side. */
  avatar: ['img[alt="头像"]'],
  ourSide: ['[style*="row-reverse"]'],
  bubbleText: ['pre', '.iD7SHBvMhm4OhfCsBGr1'],
  // System rows: transfer ids (LIVE), OLD hashes (notification, assign), the semantic
  // pigeon-dynamic system card container (FIXTURE: eCan emulation of the live J14N9 capture).
  systemMarker: [
    '[data-id^="transfer_staff_"]',
    '.BqNO6cexAGBsZgUmEzIE',
    '.e0Bi5IauHWvUG8773oi9',
    '[class*="system-container"]',
  ],
  transferMarker: ['[data-id^="transfer_staff_"]'],
  // Per-message time: OLD hash (bubble time, HH:MM:SS), OLD hash (system-row divider, HH:MM).
  // Both rotate; the fallback is the HH:MM(:SS) leaf text outside the bubble (§2.3, LIVE).
  messageTime: ['.O4UWWFoQxgMq4AWHMq25', '.rcHPT4n3TlQD0Nu4sSiv'],
  /** Sender line above our-side bubbles (FIXTURE: eCan emulation "智能客服", "系统消息"). */
  robotLabel: /智能客服|机器人|智能助手|小助手/,
  systemLabel: /^系统消息$/,

  // §2.3 compose. LIVE.
  input: ['textarea[data-qa-id="qa-send-message-textarea"]', '#im-input-box'],
  send: ['[data-qa-id="qa-send-message-button"]'],
} as const satisfies Record<string, SelectorList | string | RegExp>;

/**
 * §2.4 the page's own SLA texts (eCan signals.py, counted in a LIVE WS capture; sidebar previews
 * LIVE). Where they render in the DOM (system row in the thread, row preview) is partly guessed.
 */
export const DOUYIN_SIGNALS = {
  /** "用户已等待超30秒，请尽快回复", "…超5分钟…". */
  waiting: /(?:用户|客户)已?等待超\s*(\d+(?:\.\d+)?)\s*(秒钟|秒|分钟|分|小时|时)/,
  /** "客服超时未回复用户，系统关闭会话", "用户超时未回复，系统关闭会话". */
  closed: /系统关闭会话|会话已关闭/,
  /** The assign notice after 转人工: "客服XX接入" (FIXTURE), "转接" wording (guessed). */
  transfer: /客服.{0,30}接入|已?转接(?:给|至)|转人工成功/,
  /** Other system lines (FIXTURE: eCan emulation texts). */
  systemText: /系统|平台|接入|会话|正在查看商品|等待超/,
} as const;

/**
 * 抖店 after-sales selectors (fxg.jinritemai.com/ffa/maftersale/aftersale/*). Source:
 * consoles-dom.md §2.6: RPA script id:28266857591 (CODE). `auxo-` is ByteDance's component
 * library prefix (antd-shaped, shared across the console, durable). Column titles, the status
 * vocabulary and the countdown wording are NOT in any source: guessed, see read-aftersale.ts.
 */
export const DOUYIN_AFTERSALE_SELECTORS = {
  /** List page root with the 查询 button (CODE). */
  listRoot: ['#orderAppContainer', '[class*="aftersale-list"]'],
  tableBody: ['.auxo-table-tbody', 'tbody'],
  /** Column titles (guessed: auxo mirrors antd's thead). */
  tableHeader: ['.auxo-table-thead th', 'thead th'],
  /** Data rows: `data-row-key*="child"` (CODE); any keyed auxo row (guessed fallback). */
  row: ['tr[data-row-key*="child"]', 'tr.auxo-table-row[data-row-key]'],
  cell: ['td.auxo-table-cell', 'td'],
  /** Empty table (guessed: antd's placeholder / empty classes under the auxo prefix). */
  empty: ['.auxo-table-placeholder', '.auxo-empty'],
  /** Detail page label/value blocks: div[class*="item-wrapper"] (CODE). */
  detailField: ['div[class*="item-wrapper"]', '[class*="item-wrapper"]'],
  /** Logistics timeline (CODE): skipped when scanning for the countdown. */
  timeline: ['ul.auxo-timeline', '.auxo-timeline'],
  /** Detail page root (guessed). */
  detailRoot: ['#orderAppContainer', '#root', 'body'],
} as const satisfies Record<string, SelectorList>;
