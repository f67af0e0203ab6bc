import type { ConversationRow, Speaker, ThreadMessage } from '../../domain/chat';
import { parseDurationText, parseRecentClockTime } from '../../rules/time-text';
import type { ChatRead, RowPick } from '../registry-types';
import { SelectorProbe, text, firstMatch } from '../selectors';
import { withOpenMerge } from '../diff';
import type { RowCache } from '../row-cache';
import { firstOf, leafElements, matchesAny } from './dom';
import { DOUYIN_CHAT_SELECTORS as S, DOUYIN_SIGNALS as SIG } from './selectors';

const THREAD_TAIL = 50;

const CLOCK = /^\d{1,2}:\d{2}(?::\d{2})?$/;
/** A wait as the list prints it: "45秒", "3分钟", "1小时5分" (§2.2, LIVE: "N秒", "N分钟"). */
const DURATION = /^(?:已等待|等待)?\s*(?:\d+\s*(?:小时|时|分钟|分|秒钟|秒)\s*)+$/;
const DATE_ONLY =
  /^(?:\d{4}[/.-])?\d{1,2}[/.-]\d{1,2}$|^\d{1,2}月\d{1,2}日$|^(?:昨天|前天|星期[一二三四五六日天]|周[一二三四五六日天])(?:\s*\d{1,2}:\d{2})?$/;
const JUST_NOW = /^刚刚$/;
const OVERDUE = /^已?超时(?:\s*\d+\s*(?:小时|时|分钟|分|秒))*$/;
const COUNT = /^\d+\+?$/;

function isTimeLike(t: string): boolean {
  return CLOCK.test(t) || DURATION.test(t) || DATE_ONLY.test(t) || JUST_NOW.test(t) || OVERDUE.test(t);
}

/**
 * Pure reader for the 飞鸽 workbench as rendered now. The conversation list is virtualized: only
 * rows on screen are in the DOM, so a row that is absent is "not rendered", never "gone".
 * Never throws on strange markup; what it cannot read is named in `health`.
 */
export function readDouyinChat(doc: Document, now: number, cache?: RowCache<ConversationRow>): ChatRead {
  const probe = new SelectorProbe();
  const rows = new Map<string, ConversationRow>();
  const byNick = new Map<string, string[]>();
  let selectedKey: string | null = null;

  const list = probe.one(doc, 'conversationList', S.conversationList);
  if (list) {
    // An empty list ("暂无会话") is healthy; rows are required only when something row-like is there.
    const rowLike = list.querySelector('[data-cid], [data-btm-id], img[alt="头像"]') !== null;
    for (const el of probe.all(list, 'row', S.row, rowLike)) {
      const row = cache ? cache.read(el, probe, now, readListRow) : readListRow(el, probe, now);
      if (!row) continue;
      rows.set(row.key, row);
      if (row.nick) byNick.set(row.nick, [...(byNick.get(row.nick) ?? []), row.key]);
      if (matchesAny(el, S.rowSelected)) selectedKey = row.key;
    }
  }

  // With no conversation selected the pane shows no thread; that is not a failure.
  const pane = probe.maybe(doc, S.threadPane);
  const messageList = probe.one(pane ?? doc, 'messageList', S.messageList, selectedKey !== null);
  const thread = messageList ? readThread(doc, messageList, probe, now) : null;
  const key = thread && threadKey(thread.nick, selectedKey, rows, byNick, probe);
  const listed = key === null ? undefined : rows.get(key);
  if (!thread || !listed) return { conversations: [...rows.values()], health: probe.report() };
  const merge = (row: ConversationRow) => mergeThread(row, thread);
  rows.set(listed.key, merge(listed));
  // Found by its nick among all rows (nothing selected): a rename of another row could change that.
  return withOpenMerge({ conversations: [...rows.values()], health: probe.report() }, listed, selectedKey === null ? null : merge);
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
    humanFrom: null,
  };
}

function readListRow(el: Element, probe: SelectorProbe, now: number): ConversationRow | null {
  if ((el.getAttribute(S.rowListAttribute) ?? '').endsWith(S.systemRowSuffix)) return null; // shop notices
  const key = (el.getAttribute(S.rowKeyAttribute) ?? '').trim();
  if (!key) {
    probe.unparsed.add('row.cid');
    return null;
  }
  const nick = rowNick(el);
  if (!nick) probe.unparsed.add('row.nick');
  const row = emptyRow(key.slice(0, 128), nick.slice(0, 128));

  const timerEl = firstOf(el, S.timer) ?? leafElements(el).find((leaf) => isTimeLike(text(leaf, 40))) ?? null;
  const timer = text(timerEl, 40);
  row.preview = rowPreview(el, nick, timerEl);
  const needsReply = matchesAny(el, S.rowNeedsReply);

  if (SIG.closed.test(row.preview)) {
    row.waiting = false; // "客服超时未回复用户，系统关闭会话": the session is over
    row.lastSpeaker = 'system';
    return row;
  }
  if (DURATION.test(timer) || JUST_NOW.test(timer)) {
    row.waiting = true;
    row.waitingText = timer;
    row.waitingMs = JUST_NOW.test(timer) ? 0 : parseDurationText(timer);
    if (row.waitingMs === null) probe.unparsed.add('row.timer');
  } else if (OVERDUE.test(timer)) {
    row.waiting = true;
    row.waitingText = timer; // past the limit: how long it waited in total is not shown
  } else if (CLOCK.test(timer) || DATE_ONLY.test(timer)) {
    // An answered row shows when it last spoke; "needReply" rows still wait (CODE id:61858295866).
    row.waiting = needsReply;
    if (needsReply && CLOCK.test(timer)) row.lastBuyerMessageAt = parseRecentClockTime(timer, now);
  } else {
    if (timer) probe.unparsed.add('row.timer');
    row.waiting = needsReply ? true : null;
  }

  const notice = row.preview.match(SIG.waiting);
  if (notice && row.waitingText === null) {
    row.waiting = true;
    row.waitingText = row.preview.slice(0, 100);
    row.waitingMs = parseDurationText(`${notice[1]}${notice[2]}`);
  }
  return row;
}

function rowNick(el: Element): string {
  for (const css of S.nickTitle) {
    const found = el.querySelector(css);
    const t = (found?.getAttribute('title') ?? '').trim() || text(found, 128);
    if (t) return t;
  }
  for (const css of S.nickText) {
    const t = text(el.querySelector(css), 128);
    if (t) return t;
  }
  // Structural fallback (§2.2): the first short, non-numeric [title].
  for (const found of Array.from(el.querySelectorAll('[title]'))) {
    const t = (found.getAttribute('title') ?? '').trim();
    if (t && t.length <= 40 && !COUNT.test(t) && !isTimeLike(t)) return t;
  }
  return '';
}

function rowPreview(el: Element, nick: string, timerEl: Element | null): string {
  for (const css of S.preview) {
    const t = text(el.querySelector(css), 500);
    if (t) return t;
  }
  // Rebuilt frame (§2.2, CODE sidebar_preview_js.py 2026-09-04): the last leaf text that is not
  // the name, a time or date, a count badge or a tag.
  const skip = timerEl ? [timerEl] : [];
  const texts = leafElements(el, skip)
    .map((leaf) => text(leaf, 500))
    .filter((t) => t !== nick && !isTimeLike(t) && !COUNT.test(t) && !(S.rowTags as readonly string[]).includes(t));
  return texts[texts.length - 1] ?? '';
}

interface ThreadItem {
  speaker: Speaker | null;
  clock: string | null;
  /** A time element whose text is not a time: the message is dropped, not given a guessed time. */
  badTime: boolean;
  at: number | null;
  transfer: boolean;
  /** The wait notice line ("用户已等待超30秒，请尽快回复") and its number and unit. */
  notice: { text: string; match: RegExpMatchArray } | null;
  closed: boolean;
}

interface ThreadRead {
  nick: string;
  messages: ThreadMessage[];
  humanFrom: number | null;
  /** "用户已等待超N秒" shown after the last agent reply. */
  notice: { text: string; ms: number | null } | null;
  /** The system closed the session after the buyer's last message. */
  closed: boolean;
}

function readThread(doc: Document, listEl: Element, probe: SelectorProbe, now: number): ThreadRead | null {
  const messageLike = listEl.querySelector('pre, img[alt="头像"], [data-id], [data-qa-message-id]') !== null;
  const wrappers = probe.all(listEl, 'message', S.message, messageLike);
  if (wrappers.length === 0) return null;
  const header = probe.one(doc, 'threadHeader', S.threadHeader);
  const nick = header ? headerNick(header) : '';

  const items = wrappers.slice(-THREAD_TAIL * 2).map((wrap) => readItem(wrap, probe));
  resolveTimes(items, now, probe);

  const messages: ThreadMessage[] = [];
  let humanFrom: number | null = null;
  let lastAgent = -1;
  let lastBuyer = -1;
  let notice: { index: number; text: string; match: RegExpMatchArray } | null = null;
  let closedAt = -1;
  for (const [index, item] of items.entries()) {
    if (item.speaker === 'buyer' || item.speaker === 'agent' || item.speaker === 'robot') {
      if (item.at === null) continue;
      messages.push({ at: item.at, speaker: item.speaker });
      if (item.speaker === 'agent') lastAgent = index;
      if (item.speaker === 'buyer') lastBuyer = index;
      continue;
    }
    if (item.transfer) {
      // The hand-over to a human: never earlier than the message before it (a HH:MM divider
      // rounds down to the minute).
      const before = messages[messages.length - 1]?.at ?? null;
      if (item.at === null) probe.unparsed.add('thread.humanFrom');
      else humanFrom = before !== null && before > item.at ? before : item.at;
    }
    if (item.notice) notice = { index, ...item.notice };
    if (item.closed) closedAt = index;
  }

  return {
    nick,
    messages: messages.slice(-THREAD_TAIL),
    humanFrom,
    notice:
      notice && notice.index > lastAgent
        ? { text: notice.text, ms: parseDurationText(`${notice.match[1]}${notice.match[2]}`) }
        : null,
    closed: closedAt >= 0 && closedAt > lastBuyer,
  };
}

function headerNick(header: Element): string {
  for (const leaf of leafElements(header)) {
    const t = text(leaf, 128);
    if (t && t.length <= 60 && !(S.headerSkip as readonly string[]).includes(t)) return t;
  }
  return '';
}

function readItem(wrap: Element, probe: SelectorProbe): ThreadItem {
  const { speaker, content } = classify(wrap);
  if (speaker === null) probe.unparsed.add('message.speaker');
  const wrapText = text(wrap, 300);
  const system = speaker === 'system';
  const timeEl = firstOf(wrap, S.messageTime);
  let clock: string | null = null;
  let badTime = false;
  if (timeEl) {
    clock = text(timeEl, 40);
    if (!CLOCK.test(clock)) {
      badTime = !system;
      if (badTime) probe.unparsed.add('message.time');
      clock = null;
    }
  } else {
    const leaf = leafElements(wrap, content ? [content] : []).find((l) => CLOCK.test(text(l, 40)));
    clock = leaf ? text(leaf, 40) : null;
  }
  return {
    speaker,
    clock,
    badTime,
    at: null,
    transfer: system && (firstOf(wrap, S.transferMarker) !== null || SIG.transfer.test(wrapText)),
    notice: system ? noticeOf(wrap) : null,
    closed: system && SIG.closed.test(wrapText),
  };
}

function noticeOf(wrap: Element): { text: string; match: RegExpMatchArray } | null {
  for (const leaf of leafElements(wrap)) {
    const line = text(leaf, 100);
    const match = line.match(SIG.waiting);
    if (match) return { text: line, match };
  }
  return null;
}

function classify(wrap: Element): { speaker: Speaker | null; content: Element | null } {
  if (firstOf(wrap, S.systemMarker)) return { speaker: 'system', content: null };
  const agent = firstOf(wrap, S.agentBubble);
  if (agent) return { speaker: ourSide(wrap, agent), content: agent };
  const buyer = firstOf(wrap, S.buyerBubble);
  if (buyer) return { speaker: 'buyer', content: buyer };
  // Structural fallback (§2.3, OLD row-reverse): an avatar marks a chat bubble (text, image or
  // product card); row-reverse puts it on our side.
  if (firstOf(wrap, S.avatar)) {
    const content = firstOf(wrap, S.bubbleText);
    return firstOf(wrap, S.ourSide) ? { speaker: ourSide(wrap, content), content } : { speaker: 'buyer', content };
  }
  const leaves = leafElements(wrap).map((leaf) => text(leaf, 200));
  if (leaves.length > 0 && (leaves.every((t) => isTimeLike(t)) || leaves.some((t) => SIG.systemText.test(t)))) {
    return { speaker: 'system', content: null };
  }
  return { speaker: null, content: null };
}

/** Our side: the shop's bot and the system welcome sit on the agent side with a sender line. */
function ourSide(wrap: Element, bubble: Element | null): Speaker {
  const label = leafElements(wrap, bubble ? [bubble] : [])
    .map((leaf) => text(leaf, 40))
    .find((t) => t.length <= 20 && !isTimeLike(t) && t !== '已读' && t !== '未读');
  if (label && S.robotLabel.test(label)) return 'robot';
  if (label && S.systemLabel.test(label)) return 'system';
  return 'agent';
}

/**
 * Bubbles print a wall-clock time only. Walking back from the newest, each time is the latest
 * such instant not after the message below it, so a thread that crosses midnight stays ordered.
 * A message without a time takes its neighbour's.
 */
function resolveTimes(items: ThreadItem[], now: number, probe: SelectorProbe): void {
  let anchor = now + 60_000;
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    if (item.clock === null) continue;
    item.at = parseRecentClockTime(item.clock, anchor - 60_000);
    if (item.at !== null) {
      // "10:01" (a divider) covers the whole minute: a bubble above it may say 10:01:10.
      anchor = item.clock.length <= 5 ? item.at + 59_999 : item.at;
    } else if (item.speaker !== 'system') {
      item.badTime = true; // "25:61": a time we do not understand, not a missing one
      probe.unparsed.add('message.time');
    }
  }
  let previous: number | null = null;
  for (const item of items) {
    if (item.at === null && !item.badTime) item.at = previous;
    previous = item.at ?? previous;
  }
  let next: number | null = null;
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    if (item.at === null && !item.badTime) item.at = next;
    next = item.at ?? next;
  }
  if (items.some((item) => item.at === null && !item.badTime && item.speaker !== null && item.speaker !== 'system')) {
    probe.unparsed.add('message.time');
  }
}

function threadKey(
  nick: string,
  selectedKey: string | null,
  rows: Map<string, ConversationRow>,
  byNick: Map<string, string[]>,
  probe: SelectorProbe,
): string | null {
  if (selectedKey !== null) {
    const listedNick = rows.get(selectedKey)?.nick ?? '';
    // Sidebar and header disagree mid-render: attributing the thread to the wrong buyer is worse
    // than not attributing it.
    if (nick && listedNick && nick !== listedNick) {
      probe.unparsed.add('thread.key');
      return null;
    }
    return selectedKey;
  }
  const keys = nick ? (byNick.get(nick) ?? []) : [];
  if (keys.length === 1) return keys[0]!;
  if (keys.length > 1) probe.unparsed.add('thread.key'); // masked nicks collide
  // No rendered row for the open conversation: the virtualized list scrolled it away.
  return null;
}

function mergeThread(listed: ConversationRow, thread: ThreadRead): ConversationRow {
  const last = thread.messages[thread.messages.length - 1];
  const lastBuyer = [...thread.messages].reverse().find((m) => m.speaker === 'buyer');
  const merged: ConversationRow = {
    ...listed,
    open: true,
    messages: thread.messages,
    lastSpeaker: last?.speaker ?? listed.lastSpeaker,
    lastBuyerMessageAt: lastBuyer?.at ?? listed.lastBuyerMessageAt,
    humanFrom: thread.humanFrom,
  };
  if (thread.notice && merged.waitingText === null) {
    merged.waiting = true;
    merged.waitingText = thread.notice.text;
    merged.waitingMs = thread.notice.ms;
  }
  if (thread.closed) {
    merged.waiting = false;
    merged.waitingText = null;
    merged.waitingMs = null;
  }
  return merged;
}

/** The list row of a conversation, for placing its chip; null when not rendered (virtualized). */
export function findDouyinRow(doc: Document, key: string): Element | null {
  // Compared as an attribute value, never spliced into a selector: keys come from the page.
  for (const el of Array.from(doc.querySelectorAll(`[${S.rowKeyAttribute}]`))) {
    if (el.getAttribute(S.rowKeyAttribute) === key && matchesAny(el, S.row)) return el;
  }
  return null;
}

/** Rows for many keys in one pass over the list. */
export function findDouyinRows(doc: Document, keys: Set<string>, pick: RowPick = (rows) => rows): Map<string, Element> {
  const found = new Map<string, Element>();
  for (const el of pick(Array.from(doc.querySelectorAll(`[${S.rowKeyAttribute}]`)))) {
    const key = el.getAttribute(S.rowKeyAttribute) ?? '';
    if (keys.has(key) && !found.has(key) && matchesAny(el, S.row)) found.set(key, el);
  }
  return found;
}

/** The containers the observer watches: the conversation list and the open thread. */
export function douyinChatRoots(doc: Document): Element[] {
  const roots: Element[] = [];
  for (const group of [S.conversationList, S.messageList]) {
    const el = firstMatch(doc, group);
    if (el) roots.push(el);
  }
  return roots;
}
