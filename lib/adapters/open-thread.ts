import type { AdapterHealth, ConversationRow, ThreadMessage } from '../domain/chat';
import { withOpenMerge } from './diff';
import type { ChatRead } from './registry-types';

/** The open conversation as its thread pane shows it. */
export interface OpenThread {
  key: string;
  nick: string;
  messages: ThreadMessage[];
}

/**
 * A chat read: the list rows, with the open thread merged into its row (or into a row of its own
 * when the list does not show it). Who spoke last and when the buyer last wrote come from the
 * thread; where it has no such message, from the list row when `listTells`, else unknown.
 */
export function withOpenThread(
  rows: Map<string, ConversationRow>,
  thread: OpenThread | null,
  health: AdapterHealth,
  emptyRow: (key: string, nick: string) => ConversationRow,
  listTells: boolean,
): ChatRead {
  if (!thread) return { conversations: [...rows.values()], health };
  const last = thread.messages.at(-1);
  let lastBuyer: ThreadMessage | undefined;
  for (const message of thread.messages) if (message.speaker === 'buyer') lastBuyer = message;
  const merge = (listed: ConversationRow): ConversationRow => ({
    ...listed,
    open: true,
    messages: thread.messages,
    lastSpeaker: last?.speaker ?? (listTells ? listed.lastSpeaker : null),
    lastBuyerMessageAt: lastBuyer?.at ?? (listTells ? listed.lastBuyerMessageAt : null),
  });
  const listed = rows.get(thread.key);
  rows.set(thread.key, merge(listed ?? emptyRow(thread.key, thread.nick)));
  return withOpenMerge({ conversations: [...rows.values()], health }, listed, merge);
}
