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
} as const satisfies Record<string, SelectorList | string>;
