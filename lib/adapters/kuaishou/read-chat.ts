import type { ConversationRow, ThreadMessage } from '../../domain/chat';
import { parseDurationText, parseRecentClockTime } from '../../rules/time-text';
import type { ChatRead, RowPick } from '../registry-types';
import { SelectorProbe, text, firstMatch } from '../selectors';
import { withOpenThread, type OpenThread } from '../open-thread';
import type { RowCache } from '../row-cache';
import { KUAISHOU_CHAT_SELECTORS as S, KUAISHOU_CHAT_TEXTS as T } from './selectors';
import { senderTime } from './sender-time';

const THREAD_TAIL = 50;

/**
 * Pure reader for the Kuaishou CS workbench as rendered now. Never throws on strange markup.
 * The page buckets conversations into reply groups ("请在3分钟内回复", "已超时"); that bucket is
 * the waiting signal. Kuaishou exposes no buyer id in the DOM (consoles-dom.md §6.1), so rows are
 * keyed by the normalised nick ("nick:<nick>"): two buyers with the same masked nick collide.
 */
export function readKuaishouChat(doc: Document, now: number, cache?: RowCache<ConversationRow>): ChatRead {
  const probe = new SelectorProbe();
  const rows = new Map<string, ConversationRow>();
  let activeKey: string | null = null;

  const list = probe.one(doc, 'sessionList', S.sessionList);
  if (list) {
    const groups = probe.all(list, 'group', S.group, list.children.length > 0);
    // A collapsed group keeps only its title (preload id:56119917179); cards are expected only
    // when some expanded group says it holds conversations.
    const expectCards = groups.some((g) => groupCount(g, probe) > 0 && g.children.length > 1);
    const active = probe.maybe(list, S.activeRow);
    const groupNames = new Map<Element, string | null>();
    for (const el of probe.all(list, 'row', S.row, expectCards)) {
      // The group a card sits in says whether its buyer waits: it is the cached reading's context.
      const groupName = cardGroupName(el, probe, groupNames);
      const row = cache ? cache.read(el, probe, now, cachedCard, groupName, groupNameAlone) : readCard(el, probe, now, groupName);
      if (!row) continue;
      rows.set(row.key, row);
      if (active && (el === active || el.contains(active) || active.contains(el))) activeKey = row.key;
    }
  }

  // An empty nick would make every sender line "start with" the buyer: no nick, no side.
  const thread = readThread(doc, probe, now, activeKey, (activeKey && rows.get(activeKey)!.nick) || null);
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

export function normaliseNick(raw: string): string {
  return raw.replace(/\u200b/g, '').replace(/\s+/g, ' ').replace(T.nickSuffix, '').trim().slice(0, 64);
}

/** The row key: a buyer/session id attribute if the build has one, else "nick:<nick>". */
function cardKey(el: Element, nick: string): string {
  for (const name of S.rowKeyAttributes) {
    const value = el.getAttribute(name)?.trim();
    if (value) return value.slice(0, 128);
  }
  return nick ? `nick:${nick}` : '';
}

function groupCount(group: Element, probe: SelectorProbe): number {
  const m = text(probe.maybe(group, S.groupCount), 40).match(/\d+/);
  return m ? Number(m[0]) : 0;
}

/** `readCard` in the row cache's shape: the group name is the cached reading's context. */
const cachedCard = (el: Element, probe: SelectorProbe, now: number, groupName: unknown) => readCard(el, probe, now, groupName as string | null);
const groupNameAlone = (el: Element) => cardGroupName(el, new SelectorProbe(), new Map());

function cardGroupName(el: Element, probe: SelectorProbe, seen: Map<Element, string | null>): string | null {
  const groupEl = S.group.map((css) => el.closest(css)).find((g) => g !== null) ?? null;
  if (!groupEl) return null;
  if (!seen.has(groupEl)) seen.set(groupEl, text(probe.maybe(groupEl, S.groupName), 60).replace(/\s*[(（]\d+[)）]\s*$/, ''));
  return seen.get(groupEl)!;
}

function readCard(el: Element, probe: SelectorProbe, now: number, groupName: string | null): ConversationRow | null {
  const nick = normaliseNick(text(probe.maybe(el, S.nick), 200));
  const key = cardKey(el, nick);
  if (!key) {
    probe.unparsed.add('row.nick');
    return null;
  }
  const row = emptyRow(key, nick);
  row.preview = text(probe.maybe(el, S.preview), 100);
  Object.assign(row, waitingOf(groupName, text(probe.maybe(el, S.time), 40), probe, now));
  return row;
}

type Waiting = Pick<ConversationRow, 'waiting' | 'waitingText' | 'waitingMs' | 'lastBuyerMessageAt'>;

/**
 * The group says whether the buyer waits; the card time says for how long. Card times seen in
 * code: elapsed "N秒" / "N分钟" (§3.2), "…后超时" (time left, preload id:56119917179), and
 * texts with 超时 (overdue). A clock time ("10:01") is when the buyer last wrote.
 */
function waitingOf(groupName: string | null, timeText: string, probe: SelectorProbe, now: number): Waiting {
  const windowMatch = groupName?.match(T.pendingGroup);
  const windowMs = windowMatch ? Number(windowMatch[1]) * 60_000 : T.defaultWindowMs;
  const left = timeText.match(T.timeLeft);
  const overdueText = !left && T.overdue.test(timeText);
  const pending = windowMatch != null || (groupName !== null && T.overdue.test(groupName)) || left !== null || overdueText;
  if (!pending) return { waiting: groupName === null ? null : false, waitingText: null, waitingMs: null, lastBuyerMessageAt: null };

  const result: Waiting = { waiting: true, waitingText: (timeText || groupName || '').slice(0, 100) || null, waitingMs: null, lastBuyerMessageAt: null };
  if (!timeText) return result;
  if (left) {
    const remaining = parseDurationText(left[1]!);
    if (remaining === null) probe.unparsed.add('row.waitingText');
    else result.waitingMs = Math.max(0, windowMs - remaining);
  } else if (overdueText) {
    // "已超时" alone says only that the window has passed; "已超时2分钟" says by how much.
    const beyond = parseDurationText(timeText.slice(timeText.lastIndexOf('超时') + 2));
    if (beyond !== null) result.waitingMs = windowMs + beyond;
  } else if (/^\d{1,2}:\d{2}(:\d{2})?$/.test(timeText)) {
    result.lastBuyerMessageAt = parseRecentClockTime(timeText, now);
  } else {
    result.waitingMs = parseDurationText(timeText);
    if (result.waitingMs === null) probe.unparsed.add('row.waitingText');
  }
  return result;
}

function readThread(doc: Document, probe: SelectorProbe, now: number, activeKey: string | null, activeNick: string | null): OpenThread | null {
  // With no conversation selected the pane shows no thread; that is not a failure.
  const items = probe.all(doc, 'message', S.message, activeKey !== null);
  let key = activeKey;
  let buyerNick = activeNick;
  if (!key) {
    if (items.length === 0) return null;
    buyerNick = normaliseNick(text(probe.maybe(doc, S.threadName), 200)) || null;
    key = buyerNick ? `nick:${buyerNick}` : null;
    if (!key) {
      probe.unparsed.add('thread.buyer');
      return null;
    }
  }
  const messages: ThreadMessage[] = [];
  for (const item of items.slice(-THREAD_TAIL * 2)) {
    // Centred cards and system lines: order cards, tips, closure notices. No sender, no clock.
    if (S.middleMessage.some((css) => item.matches(css))) continue;
    const body = text(probe.maybe(item, S.messageBody), 200);
    if (T.systemMarkers.some((m) => body.includes(m))) continue;
    const senderEl = probe.maybe(item, S.senderLine);
    if (!senderEl) {
      probe.unparsed.add('message.sender');
      continue;
    }
    const line = text(senderEl, 200);
    const isBuyer = buyerNick !== null && line.startsWith(buyerNick) && senderTime(line.slice(buyerNick.length), now) !== null;
    const at = isBuyer ? senderTime(line.slice(buyerNick!.length), now) : senderTime(line, now);
    if (at === null) {
      probe.unparsed.add('message.time');
      continue;
    }
    if (T.robotMarkers.some((m) => body.includes(m) || line.includes(m))) messages.push({ at, speaker: 'robot' });
    else if (isBuyer) messages.push({ at, speaker: 'buyer' });
    else if (buyerNick !== null) messages.push({ at, speaker: 'agent' });
    else probe.unparsed.add('message.speaker');
  }
  return { key, nick: buyerNick ?? '', messages: messages.slice(-THREAD_TAIL) };
}

/** The card of a conversation, for placing its countdown chip; null when not rendered. */
export function findKuaishouRow(doc: Document, key: string): Element | null {
  for (const css of S.row) {
    for (const el of Array.from(doc.querySelectorAll(css))) {
      const nick = normaliseNick(text(el.querySelector(S.nick.join(',')), 200));
      if (cardKey(el, nick) === key) return el;
    }
  }
  return null;
}

/** Rows for many keys in one pass over the list. */
export function findKuaishouRows(doc: Document, keys: Set<string>, pick: RowPick = (rows) => rows): Map<string, Element> {
  const found = new Map<string, Element>();
  for (const css of S.row) {
    for (const el of pick(Array.from(doc.querySelectorAll(css)))) {
      const key = cardKey(el, normaliseNick(text(el.querySelector(S.nick.join(',')), 200)));
      if (keys.has(key) && !found.has(key)) found.set(key, el);
    }
  }
  return found;
}

/** The containers the observer watches: the session list and the open thread. */
export function kuaishouChatRoots(doc: Document): Element[] {
  const roots: Element[] = [];
  const list = firstMatch(doc, S.sessionList);
  if (list) roots.push(list);
  const items = S.message.map((css) => doc.querySelectorAll(css)).find((found) => found.length > 0);
  if (items) {
    const first = items[0]!;
    const last = items[items.length - 1]!;
    let thread = first.parentElement;
    while (thread && !thread.contains(last)) thread = thread.parentElement;
    if (thread && thread !== doc.body && !roots.some((r) => r.contains(thread!) || thread!.contains(r))) roots.push(thread);
  }
  return roots;
}
