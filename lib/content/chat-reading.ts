import { patchChat, type ChatRead } from '../adapters/diff';
import type { ConsoleAdapter } from '../adapters/registry-types';
import { RowCache } from '../adapters/row-cache';
import type { ConversationRow } from '../domain/chat';

/** Rows read afresh per frame: a first read of a 10,000-row list, or 3,000 rows re-rendered at once, take several frames, none a long task. */
export const ROWS_PER_SLICE = 300;

/** Mutation records sorted per frame: a console re-rendering 3,000 rows at once is sorted over a few frames. */
export const RECORDS_PER_SLICE = 1_000;

/**
 * How a chat console is read batch after batch, for `observe()`: mutation records go to a row
 * cache, sorted up to 1,000 a frame; a batch that changed only rows' insides re-reads those rows,
 * up to 300 a frame, and patches the last read (`update`, then `more` while rows are left);
 * otherwise `read` reads the list with untouched rows reused, a first read of a big list in slices
 * (null until complete). The content script, the tests and the benches share it.
 */
export function cachedChatReading(
  chat: NonNullable<ConsoleAdapter['chat']>,
  doc: Document,
  clock: () => number = Date.now,
  { rowsPerSlice = ROWS_PER_SLICE, recordsPerSlice = RECORDS_PER_SLICE } = {},
) {
  const cache = new RowCache<ConversationRow>(chat.rows, chat.rowAttributesReadInside);
  return {
    read(): ChatRead | null {
      if (cache.sortPending(recordsPerSlice)) return null;
      if (cache.readQueued(clock(), rowsPerSlice)) return null;
      cache.beginSlice(rowsPerSlice);
      const read = chat.read(doc, clock(), cache);
      if (cache.incomplete) return null;
      cache.settled();
      return read;
    },
    update(last: ChatRead): ReturnType<typeof patchChat> {
      if (cache.sortPending(recordsPerSlice)) return { change: null };
      const rereads = cache.rereadTouched(clock(), rowsPerSlice);
      return rereads && patchChat(last, rereads);
    },
    /** Records to sort or touched rows to read again: go on next frame. */
    more: (): boolean => cache.touchedLeft,
    onMutations(records: MutationRecord[]): void {
      cache.touch(records);
    },
  };
}
