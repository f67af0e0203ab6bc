import type { AdapterHealth, ConversationRow } from '../domain/chat';
import type { ChatRead } from './registry-types';

export type { ChatRead };

/** The open conversation's list row as a read found it, and how the read merged its thread into it. */
interface OpenMerge {
  listed: ConversationRow;
  merge: (listed: ConversationRow) => ConversationRow;
}

const openMerges = new WeakMap<ChatRead, OpenMerge>();

/**
 * A reader notes how it merged the open thread into its list row: a list row read again alone (its
 * waiting time ticking) is then merged the same way instead of asking for a full read. Only for a
 * merge that depends on nothing but that row and the thread.
 */
export function withOpenMerge<T extends ChatRead>(read: T, listed: ConversationRow | undefined, merge: ((listed: ConversationRow) => ConversationRow) | null): T {
  if (listed && merge) openMerges.set(read, { listed, merge });
  return read;
}

export interface ChatDelta {
  /** True on the first report, when every visible row is included. */
  full: boolean;
  changed: ConversationRow[];
  removedKeys: string[];
  health: AdapterHealth;
}

/** Each read's row positions by key, built once per read (patched reads keep their positions). */
const indexes = new WeakMap<ChatRead, Map<string, number>>();

function positionsOf(read: ChatRead): Map<string, number> {
  let positions = indexes.get(read);
  if (!positions) {
    positions = new Map();
    for (let i = 0; i < read.conversations.length; i++) positions.set(read.conversations[i]!.key, i);
    indexes.set(read, positions);
  }
  return positions;
}

/** Everything but the waiting time (compared on its own). Rows reused from a row cache are the same objects read after read: serialised once, when first compared. */
const prints = new WeakMap<ConversationRow, string>();
/** When each row was first diffed, right after it was read: its waiting time is as of then. */
const seenAt = new WeakMap<ConversationRow, number>();

function printOf(row: ConversationRow): string {
  let print = prints.get(row);
  if (print === undefined) {
    print = JSON.stringify({ ...row, waitingText: null, waitingMs: null });
    prints.set(row, print);
  }
  return print;
}

function seen(row: ConversationRow, now: number): number {
  let at = seenAt.get(row);
  if (at === undefined) {
    at = now;
    seenAt.set(row, at);
  }
  return at;
}

/**
 * A waiting time is a change only when it says the wait started at a different moment: the same
 * text is no change, and a text that ticks with the clock ("已等待1分31秒") implies the same start
 * within the tracker's 2 s jitter. Without this, a console showing 600 waiting buyers would
 * resend all 600 every second.
 */
function sameWait(before: ConversationRow, beforeAt: number, after: ConversationRow, afterAt: number): boolean {
  if (before.waitingText === after.waitingText && before.waitingMs === after.waitingMs) return true;
  if (before.waitingMs === null || after.waitingMs === null) return false;
  return Math.abs(beforeAt - before.waitingMs - (afterAt - after.waitingMs)) <= 2_000;
}

function rowChanged(before: ConversationRow | undefined, after: ConversationRow, now: number): boolean {
  if (before === after) return false; // reused untouched from the row cache: the page did not change it
  seen(after, now);
  if (!before) return true;
  return printOf(before) !== printOf(after) || !sameWait(before, seen(before, now), after, seen(after, now));
}

/** Rows that differ from the previous read, keyed by conversation; null when nothing changed. */
export function diffChat(previous: ChatRead | null, next: ChatRead): ChatDelta | null {
  const now = Date.now();
  if (previous === null) {
    for (const row of next.conversations) seen(row, now);
    return { full: true, changed: next.conversations, removedKeys: [], health: next.health };
  }
  const before = positionsOf(previous);
  const after = positionsOf(next);
  const rowBefore = (key: string) => {
    const at = before.get(key);
    return at === undefined ? undefined : previous.conversations[at];
  };
  const changed = next.conversations.filter((row) => rowChanged(rowBefore(row.key), row, now));
  const removedKeys = [...before.keys()].filter((key) => !after.has(key));
  const healthChanged = JSON.stringify(previous.health) !== JSON.stringify(next.health);
  if (changed.length === 0 && removedKeys.length === 0 && !healthChanged) return null;
  return { full: false, changed, removedKeys, health: next.health };
}

/**
 * The last read with some list rows read again (a row cache's `rereadTouched`), patched in place:
 * the change to report, costing what changed rather than the whole list. The open conversation's
 * row is merged with its thread again as the read did (`withOpenMerge`), if its nick, which the
 * thread's reading may depend on, is unchanged. Null when the patch does not apply — a row is not
 * in the read as it was read, or came back under another key — and a full read is needed.
 */
export function patchChat(read: ChatRead, rereads: readonly { before: ConversationRow; after: ConversationRow }[]): { change: ChatDelta | null } | null {
  const positions = positionsOf(read);
  const open = openMerges.get(read);
  const isOpen = ({ before, after }: { before: ConversationRow; after: ConversationRow }) => open !== undefined && open.listed === before && after.nick === before.nick;
  for (const reread of rereads) {
    const { before, after } = reread;
    if (before.key !== after.key) return null;
    const current = read.conversations[positions.get(before.key) ?? -1];
    if (current !== before && !(current !== undefined && isOpen(reread))) return null;
  }
  const changed: ConversationRow[] = [];
  const now = Date.now();
  for (const reread of rereads) {
    const at = positions.get(reread.before.key)!;
    const current = read.conversations[at]!;
    let next = reread.after;
    if (current !== reread.before) {
      next = open!.merge(reread.after);
      open!.listed = reread.after;
    }
    read.conversations[at] = next;
    if (rowChanged(current, next, now)) changed.push(next);
  }
  return { change: changed.length === 0 ? null : { full: false, changed, removedKeys: [], health: read.health } };
}

/** Split a large delta so every message stays within the protocol's row limits. */
export function chunkDelta(delta: ChatDelta, size = 1000): ChatDelta[] {
  if (delta.changed.length <= size && delta.removedKeys.length <= size) return [delta];
  const chunks: ChatDelta[] = [];
  for (let i = 0; i < Math.max(delta.changed.length, delta.removedKeys.length); i += size) {
    chunks.push({ ...delta, full: delta.full && i === 0, changed: delta.changed.slice(i, i + size), removedKeys: delta.removedKeys.slice(i, i + size) });
  }
  return chunks;
}
