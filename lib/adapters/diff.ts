import type { AdapterHealth, ConversationRow } from '../domain/chat';

export interface ChatRead {
  conversations: ConversationRow[];
  health: AdapterHealth;
}

export interface ChatDelta {
  /** True on the first report, when every visible row is included. */
  full: boolean;
  changed: ConversationRow[];
  removedKeys: string[];
  health: AdapterHealth;
}

interface ReadIndex {
  /** When the read was fingerprinted (right after it was taken). */
  at: number;
  rows: Map<string, ConversationRow>;
  /** Everything but the waiting time, which is compared on its own. */
  fingerprints: Map<string, string>;
}

/** Each read's index, so a row is serialised once, not once per comparison. */
const indexes = new WeakMap<ChatRead, ReadIndex>();

function indexOf(read: ChatRead): ReadIndex {
  let index = indexes.get(read);
  if (!index) {
    index = {
      at: Date.now(),
      rows: new Map(read.conversations.map((row) => [row.key, row])),
      fingerprints: new Map(read.conversations.map((row) => [row.key, JSON.stringify({ ...row, waitingText: null, waitingMs: null })])),
    };
    indexes.set(read, index);
  }
  return index;
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

/** Rows that differ from the previous read, keyed by conversation; null when nothing changed. */
export function diffChat(previous: ChatRead | null, next: ChatRead): ChatDelta | null {
  if (previous === null) return { full: true, changed: next.conversations, removedKeys: [], health: next.health };
  const before = indexOf(previous);
  const after = indexOf(next);
  const changed = next.conversations.filter((row) => {
    const old = before.rows.get(row.key);
    return !old || before.fingerprints.get(row.key) !== after.fingerprints.get(row.key) || !sameWait(old, before.at, row, after.at);
  });
  const nextKeys = new Set(next.conversations.map((row) => row.key));
  const removedKeys = [...before.rows.keys()].filter((key) => !nextKeys.has(key));
  const healthChanged = JSON.stringify(previous.health) !== JSON.stringify(next.health);
  if (changed.length === 0 && removedKeys.length === 0 && !healthChanged) return null;
  return { full: false, changed, removedKeys, health: next.health };
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
