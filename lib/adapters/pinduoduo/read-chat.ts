import type { ConversationRow, Speaker, ThreadMessage } from '../../domain/chat';
import { parseChinaDateTime, parseDurationText, parseRecentClockTime } from '../../rules/time-text';
import { withOpenThread, type OpenThread } from '../open-thread';
import type { RowCache } from '../row-cache';
import type { ChatRead, RowPick } from '../registry-types';
import { SelectorProbe, text, firstMatch } from '../selectors';
import { PDD_CHAT_SELECTORS as S } from './selectors';

const THREAD_TAIL = 50;
/** Timestamps outside this range are ids, not times. */
const PLAUSIBLE_FROM = Date.UTC(2015, 0, 1);

/**
 * Pure reader: the chat workbench as it is rendered now. Never throws on strange markup. With a
 * row cache (the content script's), list rows no mutation touched since the last read are reused.
 */
export function readPddChat(doc: Document, now: number, cache?: RowCache<ConversationRow>): ChatRead {
  const probe = new SelectorProbe();
  const rows = new Map<string, ConversationRow>();
  let activeKey: string | null = null;

  const list = probe.one(doc, 'conversationList', S.conversationList);
  if (list) {
    const rowEls = probe.all(list, 'row', S.row, list.children.length > 0);
    for (const el of rowEls) {
      const row = cache ? cache.read(el, probe, now, readListRow) : readListRow(el, probe, now);
      if (!row) continue;
      rows.set(row.key, row);
      if (el.classList.contains(S.rowActiveClass)) activeKey = row.key;
    }
  }

  const thread = readThread(doc, probe, now, activeKey);
  return withOpenThread(rows, thread, probe.report(), emptyRow, true);
}

function emptyRow(key: string, nick: string): ConversationRow {
  return {
    key,
    nick,
    preview: '',
    lastSpeaker: null,
    lastBuyerMessageAt: null,
    waiting: null,
    waitingText: null,
    waitingMs: null,
    open: false,
    messages: [],
  };
}

function readListRow(el: Element, probe: SelectorProbe, now: number): ConversationRow | null {
  const key = (el.getAttribute(S.rowUidAttribute) ?? '').split('-')[0]?.trim() ?? '';
  if (!key) {
    probe.unparsed.add('row.uid');
    return null;
  }
  const row = emptyRow(key.slice(0, 128), text(probe.maybe(el, S.nick), 128));
  row.preview = text(probe.maybe(el, S.preview), 100);
  const waitingEl = probe.maybe(el, S.waiting);
  row.waiting = waitingEl !== null;
  if (waitingEl) {
    row.waitingText = text(waitingEl, 100) || null;
    if (row.waitingText && !/^已?超时$/.test(row.waitingText)) {
      row.waitingMs = parseDurationText(row.waitingText);
      if (row.waitingMs === null) probe.unparsed.add('row.waitingText');
    }
    // The list time is the newest message's; while the buyer waits that is (at latest) theirs.
    row.lastBuyerMessageAt = parseRecentClockTime(text(probe.maybe(el, S.time), 40), now);
  }
  return row;
}

function readThread(doc: Document, probe: SelectorProbe, now: number, activeKey: string | null): OpenThread | null {
  // With no conversation selected the console shows no thread at all; that is not a failure.
  const listEl = probe.one(doc, 'messageList', S.messageList, activeKey !== null);
  if (!listEl) return null;
  const uidEl = probe.maybe(listEl, S.threadUid);
  const key = (uidEl?.getAttribute(S.threadUidAttribute) ?? '').trim() || activeKey;
  if (!key) {
    if (listEl.children.length > 0) probe.unparsed.add('thread.uid');
    return null;
  }
  const nick = text(probe.maybe(doc, S.threadName), 128);
  const messages: ThreadMessage[] = [];
  let groupTime: number | null = null;
  const items = listEl.querySelectorAll(S.message.join(','));
  for (const item of Array.from(items).slice(-THREAD_TAIL * 2)) {
    const stamp = probe.maybe(item, S.messageTime);
    if (stamp) groupTime = parseChinaDateTime(text(stamp, 40)) ?? groupTime;
    const speaker = speakerOf(item, probe);
    if (speaker === null) {
      probe.unparsed.add('message.speaker');
      continue;
    }
    if (speaker === 'system') continue; // nudges, read receipts: they neither start nor stop a clock
    const at = messageTime(item, groupTime, now);
    if (at === null) {
      probe.unparsed.add('message.time');
      continue;
    }
    messages.push({ at, speaker });
  }
  return { key: key.slice(0, 128), nick, messages: messages.slice(-THREAD_TAIL) };
}

function speakerOf(item: Element, probe: SelectorProbe): Speaker | null {
  if (probe.matches(item, S.systemMarker)) return 'system';
  if (probe.maybe(item, S.buyerBubble)) return 'buyer';
  if (probe.maybe(item, S.agentBubble)) return probe.matches(item, S.robotMarker) ? 'robot' : 'agent';
  return null;
}

function messageTime(item: Element, groupTime: number | null, now: number): number | null {
  const id = item.id.startsWith(S.messageIdPrefix) ? Number(item.id.slice(S.messageIdPrefix.length)) : NaN;
  const idPlausible = Number.isFinite(id) && id >= PLAUSIBLE_FROM && id <= now + 86_400_000;
  if (idPlausible && (groupTime === null || Math.abs(id - groupTime) < 86_400_000)) return id;
  return groupTime;
}

/** The list row of a conversation, for placing its countdown chip; null when not rendered. */
export function findPddRow(doc: Document, key: string): Element | null {
  const escaped = key.replace(/["\\]/g, '\\$&');
  for (const css of S.row) {
    const el = doc.querySelector(`${css}[${S.rowUidAttribute}^="${escaped}-"]`);
    if (el) return el;
  }
  return null;
}

/** Rows for many keys in one pass over the list (chips are placed for every waiting buyer each second). */
export function findPddRows(doc: Document, keys: Set<string>, pick: RowPick = (rows) => rows): Map<string, Element> {
  const found = new Map<string, Element>();
  for (const el of pick(Array.from(doc.querySelectorAll(S.row.join(','))))) {
    const key = (el.getAttribute(S.rowUidAttribute) ?? '').split('-')[0] ?? '';
    if (keys.has(key) && !found.has(key)) found.set(key, el);
  }
  return found;
}

/** The containers the observer watches: the conversation list and the open thread. */
export function pddChatRoots(doc: Document): Element[] {
  const roots: Element[] = [];
  for (const group of [S.conversationList, S.messageList]) {
    const el = firstMatch(doc, group);
    if (el) roots.push(el);
  }
  return roots;
}
