import type { ConversationRow, Speaker, ThreadMessage } from '../../domain/chat';
import { parseChinaDateTime, parseRecentClockTime } from '../../rules/time-text';
import type { ChatRead, RowPick } from '../registry-types';
import { SelectorProbe, text, firstMatch } from '../selectors';
import { withOpenThread, type OpenThread } from '../open-thread';
import type { RowCache } from '../row-cache';
import { JD_CHAT_SELECTORS as S } from './selectors';

const THREAD_TAIL = 50;
const ROW_ID = new RegExp(S.rowIdPattern, 'i');
const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * Pure reader: the 咚咚 workbench as rendered now. The conversation key is the buyer pin (§5.2:
 * row id `u_<pin>imcustomer<venderId>`, or the name's `title`). The page shows no reply-timer
 * signal in any source, so `waiting` is null (no signal), never false. Never throws on strange markup.
 */
export function readJdChat(doc: Document, now: number, cache?: RowCache<ConversationRow>): ChatRead {
  const probe = new SelectorProbe();
  const rows = new Map<string, ConversationRow>();
  let activeKey: string | null = null;

  const list = probe.one(doc, 'conversationList', S.conversationList);
  const pane = list ? probe.one(list, 'activePane', S.activePane) : null;
  if (pane) {
    // An empty pane is normal: nobody is consulting (LIVE note: 正在咨询 and 留言 both 0).
    for (const el of probe.all(pane, 'row', S.row, false)) {
      const key = rowKey(el);
      if (!key) {
        probe.unparsed.add('row.pin');
        continue;
      }
      // The key may come from a wrapper above the row, so it is the cached reading's context.
      const row = rows.has(key) ? null : cache ? cache.read(el, probe, now, cachedListRow, key, rowKey) : listRow(key, el, probe);
      if (row) rows.set(key, row);
      if (S.rowActive.some((css) => el.matches(css))) activeKey = key;
    }
  }

  const thread = readThread(doc, probe, now, activeKey);
  return withOpenThread(rows, thread, probe.report(), emptyRow, false);
}

/** The buyer pin of a list row: row id, then the name's title, then a `data-*` key. */
export function rowKey(el: Element): string | null {
  // The id sits on the row or a wrapper close above it (.c_stream-item-w > .alluser-item-content).
  for (let holder: Element | null = el, up = 0; holder && up < 3; holder = holder.parentElement, up++) {
    const fromId = holder.id.match(ROW_ID)?.[1];
    if (fromId) return fromId.slice(0, 128);
  }
  const title = el.querySelector(S.nick.join(','))?.getAttribute(S.pinAttribute)?.trim();
  if (title) return title.slice(0, 128);
  for (const attr of S.rowKeyAttributes) {
    const value = el.getAttribute(attr)?.trim();
    if (value) return value.slice(0, 128);
  }
  return null;
}

function emptyRow(key: string, nick: string): ConversationRow {
  return { key, nick, preview: '', lastSpeaker: null, lastBuyerMessageAt: null, waiting: null, waitingText: null, waitingMs: null, open: false, messages: [] };
}

/** `listRow` in the row cache's shape: the key is the cached reading's context. */
const cachedListRow = (el: Element, probe: SelectorProbe, _now: number, key: unknown) => listRow(key as string, el, probe);

function listRow(key: string, el: Element, probe: SelectorProbe): ConversationRow {
  const row = emptyRow(key, text(probe.maybe(el, S.nick), 128));
  const preview = probe.maybe(el, S.preview);
  row.preview = (preview?.getAttribute('title') || text(preview, 100)).slice(0, 100);
  return row;
}

function readThread(doc: Document, probe: SelectorProbe, now: number, activeKey: string | null): OpenThread | null {
  // With no conversation selected the pane may be absent or empty; that is not a failure.
  const listEl = probe.one(doc, 'messageList', S.messageList, activeKey !== null);
  if (!listEl) return null;
  const items = Array.from(listEl.querySelectorAll(S.message.join(',')));
  const nameEl = probe.maybe(doc, S.threadName);
  const nick = text(nameEl, 128);
  // The list is virtualized (§5.2): the selected row may be scrolled out of the DOM. The header then
  // names the buyer; its title, else its text, is the pin (CODE id:62093072581 falls back the same way).
  const key = activeKey ?? ((nameEl?.getAttribute('title')?.trim() || nick) || null);
  if (!key) {
    if (items.length > 0) probe.unparsed.add('thread.key');
    return null;
  }
  const messages: ThreadMessage[] = [];
  for (const item of items.slice(-THREAD_TAIL * 2)) {
    const side = speakerOf(item, probe);
    if (side === null) {
      probe.unparsed.add('message.speaker');
      continue;
    }
    if (side === 'system') continue; // dividers and notices neither start nor stop a clock
    const at = parseJdTime(text(probe.maybe(item, S.messageTime), 40), now);
    if (at === null) {
      probe.unparsed.add('message.time');
      continue;
    }
    messages.push({ at, speaker: side });
  }
  return { key: key.slice(0, 128), nick, messages: messages.slice(-THREAD_TAIL) };
}

function speakerOf(item: Element, probe: SelectorProbe): Speaker | null {
  if (probe.maybe(item, S.agentSide)) return 'agent';
  if (probe.maybe(item, S.buyerSide)) return 'buyer';
  if (probe.matches(item, S.systemMarker)) return 'system';
  return null;
}

/**
 * `.message__time_str` texts. The format is not documented: the project's replica prints
 * "MM-DD HH:mm:ss" (FIXTURE id:66542738374); a full date and a bare clock time are accepted too.
 * A year-less date is the latest such instant not after `now` (plus a minute of clock skew).
 */
export function parseJdTime(value: string, now: number): number | null {
  const full = parseChinaDateTime(value);
  if (full !== null) return full;
  const m = value.match(/^(\d{1,2})[-/月](\d{1,2})日?\s+(\d{1,2}:\d{2}(?::\d{2})?)$/);
  if (!m) return parseRecentClockTime(value, now);
  const year = new Date(now + CHINA_OFFSET_MS).getUTCFullYear();
  for (const y of [year, year - 1]) {
    const at = parseChinaDateTime(`${y}-${m[1]}-${m[2]} ${m[3]}`);
    if (at !== null && at <= now + 60_000) return at;
  }
  return null;
}

/** The list row of a conversation, for placing its chip; null when not rendered (virtualized). */
export function findJdRow(doc: Document, key: string): Element | null {
  const list = firstMatch(doc, S.conversationList);
  const pane = list && firstMatch(list, S.activePane);
  if (!pane) return null;
  for (const el of Array.from(pane.querySelectorAll(S.row.join(',')))) if (rowKey(el) === key) return el;
  return null;
}

/** Rows for many keys in one pass over the active pane. */
export function findJdRows(doc: Document, keys: Set<string>, pick: RowPick = (rows) => rows): Map<string, Element> {
  const found = new Map<string, Element>();
  const list = firstMatch(doc, S.conversationList);
  const pane = list && firstMatch(list, S.activePane);
  if (!pane) return found;
  for (const el of pick(Array.from(pane.querySelectorAll(S.row.join(','))))) {
    const key = rowKey(el);
    if (key !== null && keys.has(key) && !found.has(key)) found.set(key, el);
  }
  return found;
}

/** The containers the observer watches: the sidebar and the open thread. */
export function jdChatRoots(doc: Document): Element[] {
  const roots: Element[] = [];
  for (const group of [S.conversationList, S.messageList]) {
    const el = firstMatch(doc, group);
    if (el) roots.push(el);
  }
  return roots;
}
