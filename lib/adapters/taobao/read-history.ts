import type { ConversationRow, Speaker, ThreadMessage } from '../../domain/chat';
import { parseChinaDateTime } from '../../rules/time-text';
import type { ChatRead } from '../registry-types';
import { SelectorProbe, text, firstMatch } from '../selectors';
import { TAOBAO_HISTORY_SELECTORS as S, TAOBAO_ROBOT_NAME } from './selectors';

const THREAD_MAX = 200;
const CHINA_OFFSET_MS = 8 * 3_600_000;

export interface TaobaoHistoryRead extends ChatRead {
  /** The thread shown for the selected customer, oldest first. History: it never starts a clock. */
  thread: { key: string; nick: string; messages: ThreadMessage[] } | null;
}

/**
 * Pure reader for the 千牛 web chat-HISTORY page. Live reception is not a web page (the native
 * AliWorkbench client, consoles-dom.md §4.1), so nothing here is a live waiting signal: every row
 * has `waiting: false` and no messages, and the shown thread comes back separately in `thread`.
 * Feeding rows to the reply tracker therefore never opens a deadline.
 *
 * The results live in an iframe (URL contains im-history-search). Read from inside that frame, or
 * from the top page when the frame is same-origin; a cross-origin frame is left to its own script.
 */
export function readTaobaoChatHistory(doc: Document, now: number): TaobaoHistoryRead {
  const probe = new SelectorProbe();
  const root = historyRoot(doc);
  if (root === 'elsewhere') return { conversations: [], thread: null, health: probe.report() };
  const results = probe.one(root ?? doc, 'results', S.results);
  if (!results || !root) return { conversations: [], thread: null, health: probe.report() };

  const rows = new Map<string, ConversationRow>();
  let activeKey: string | null = null;
  for (const el of probe.all(root, 'customer', S.customer, results.children.length > 0)) {
    const nick = customerNick(el, probe);
    const key = customerKey(el, nick);
    if (!key) {
      probe.unparsed.add('customer.name');
      continue;
    }
    rows.set(key, historyRow(key, nick));
    if (S.activeCustomer.some((css) => el.matches(css))) activeKey = key;
  }

  const buyerNick = activeKey ? rows.get(activeKey)!.nick : null;
  const messages = readMessages(root, probe, now, buyerNick, activeKey !== null);
  let thread: TaobaoHistoryRead['thread'] = null;
  if (activeKey) {
    thread = { key: activeKey, nick: buyerNick ?? '', messages };
    const last = messages.at(-1);
    const lastBuyer = [...messages].reverse().find((m) => m.speaker === 'buyer');
    Object.assign(rows.get(activeKey)!, { open: true, lastSpeaker: last?.speaker ?? null, lastBuyerMessageAt: lastBuyer?.at ?? null });
  } else if (messages.length > 0) {
    probe.unparsed.add('thread.buyer');
  }
  return { conversations: [...rows.values()], thread, health: probe.report() };
}

function historyRoot(doc: Document): ParentNode | 'elsewhere' | null {
  if (S.results.some((css) => doc.querySelector(css))) return doc;
  const frame = firstMatch(doc, S.frame) as HTMLIFrameElement | undefined;
  if (!frame) return null;
  try {
    const inner = frame.contentDocument;
    if (inner && S.results.some((css) => inner.querySelector(css))) return inner;
  } catch {
    // Cross-origin: the frame's own content script reads it.
  }
  return 'elsewhere';
}

function historyRow(key: string, nick: string): ConversationRow {
  return {
    key,
    nick,
    preview: '',
    lastSpeaker: null,
    lastBuyerMessageAt: null,
    waiting: false,
    waitingText: null,
    waitingMs: null,
    open: false,
    messages: [],
  };
}

function customerNick(el: Element, probe: SelectorProbe): string {
  const named = probe.maybe(el, S.customerName);
  // A bare text row (no inner elements) is its own name; anything richer needs a name element.
  const raw = named ? text(named, 128) : el.children.length === 0 ? text(el, 128) : '';
  return raw.replace(/\s+/g, ' ').trim().slice(0, 64);
}

function customerKey(el: Element, nick: string): string {
  for (const name of S.customerKeyAttributes) {
    const value = el.getAttribute(name)?.trim();
    if (value) return value.slice(0, 128);
  }
  return nick ? `nick:${nick}` : '';
}

function readMessages(root: ParentNode, probe: SelectorProbe, now: number, buyerNick: string | null, required: boolean): ThreadMessage[] {
  const messages: ThreadMessage[] = [];
  for (const wrap of probe.all(root, 'message', S.message, required).slice(-THREAD_MAX)) {
    const speaker = speakerOf(wrap, probe, buyerNick);
    if (speaker === null) {
      probe.unparsed.add('message.speaker');
      continue;
    }
    const at = historyTime(text(probe.maybe(wrap, S.messageTime), 40), now);
    if (at === null) {
      probe.unparsed.add('message.time');
      continue;
    }
    messages.push({ at, speaker });
  }
  return messages;
}

function speakerOf(wrap: Element, probe: SelectorProbe, buyerNick: string | null): Speaker | null {
  const name = text(probe.maybe(wrap, S.messageName), 128).replace(/[:：]\s*$/, '');
  if (name && TAOBAO_ROBOT_NAME.test(name)) return 'robot';
  if (name && buyerNick) return name === buyerNick ? 'buyer' : 'agent';
  if (probe.maybe(wrap, S.buyerSide)) return 'buyer';
  if (probe.maybe(wrap, S.agentSide)) return 'agent';
  return null;
}

/** "2026-05-09 10:00:01" or "05-09 10:00:01" (nearest past). A bare clock has no day here. */
function historyTime(shown: string, now: number): number | null {
  const full = parseChinaDateTime(shown);
  if (full !== null) return full;
  const m = shown.match(/(?<!\d)(\d{1,2})[-/月](\d{1,2})日?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?/);
  if (!m) return null;
  const [mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5] ?? '0'].map(Number) as [number, number, number, number, number];
  if (h > 23 || mi > 59 || s > 59) return null;
  const year = new Date(now + CHINA_OFFSET_MS).getUTCFullYear();
  for (const y of [year, year - 1]) {
    const utc = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
    if (utc.getUTCMonth() !== mo - 1) continue;
    const at = utc.getTime() - CHINA_OFFSET_MS;
    if (at <= now + 60_000) return at;
  }
  return null;
}

/** The containers the observer watches: the results list (inside the frame when readable). */
export function taobaoHistoryRoots(doc: Document): Element[] {
  const root = historyRoot(doc);
  if (root === null || root === 'elsewhere') return [];
  const results = firstMatch(root, S.results);
  const thread = root.querySelector(S.message[0])?.parentElement ?? null;
  return [results, thread].filter((el, i, all): el is Element => !!el && all.indexOf(el) === i && !(i > 0 && all[0]?.contains(el)));
}
