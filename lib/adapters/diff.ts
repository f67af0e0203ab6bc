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

/** Each read's row fingerprints, so a row is serialised once, not once per comparison. */
const fingerprints = new WeakMap<ChatRead, Map<string, string>>();

/**
 * A row's identity for change detection. A waiting-time text that ticks every second ("已等待1分31秒")
 * is not a change: what matters is when the wait started, compared in 2-second steps (the tracker's
 * own jitter tolerance). Without this, a console showing 600 waiting buyers resends all 600 each second.
 */
function fingerprint(row: ConversationRow, at: number): string {
  const waitStart = row.waitingMs === null ? null : Math.round((at - row.waitingMs) / 2000);
  return JSON.stringify({ ...row, waitingText: row.waitingText === null ? null : '', waitingMs: waitStart });
}

function fingerprintsOf(read: ChatRead): Map<string, string> {
  let map = fingerprints.get(read);
  if (!map) {
    const at = Date.now();
    map = new Map(read.conversations.map((row) => [row.key, fingerprint(row, at)]));
    fingerprints.set(read, map);
  }
  return map;
}

/** Rows that differ from the previous read, keyed by conversation; null when nothing changed. */
export function diffChat(previous: ChatRead | null, next: ChatRead): ChatDelta | null {
  if (previous === null) return { full: true, changed: next.conversations, removedKeys: [], health: next.health };
  const before = fingerprintsOf(previous);
  const after = fingerprintsOf(next);
  const changed = next.conversations.filter((row) => before.get(row.key) !== after.get(row.key));
  const nextKeys = new Set(next.conversations.map((row) => row.key));
  const removedKeys = [...before.keys()].filter((key) => !nextKeys.has(key));
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
