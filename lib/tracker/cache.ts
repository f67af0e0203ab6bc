import type { ConversationRecord, DeadlineRecord } from '../store/db';

/**
 * What the worker already knows of the store, so a repeated 2,000-row snapshot costs no reads.
 * Filled lazily from IndexedDB (a restarted worker starts empty) and updated only after a
 * transaction commits. Valid because the tracker is the only writer of these two tables and runs
 * its jobs one at a time; anything else that writes them (a future import) must call `forget()`.
 */
export class StoreCache {
  readonly conversations = new Map<string, ConversationRecord>();
  /** Open deadlines by `${conversationId}|${ruleId}`; null until first loaded. */
  openClocks: Map<string, DeadlineRecord> | null = null;
  /**
   * The newest page read applied per conversation. Kept exactly here; the stored `observedAt` is
   * written only with other changes (to keep repeated snapshots free), so after a restart it may
   * lag by up to a minute.
   */
  readonly observedAt = new Map<string, number>();

  forget(): void {
    this.conversations.clear();
    this.openClocks = null;
    this.observedAt.clear();
  }

  commit(conversations: ConversationRecord[], deadlines: DeadlineRecord[]): void {
    for (const record of conversations) this.conversations.set(record.id, record);
    if (!this.openClocks) return;
    for (const deadline of deadlines) {
      const key = clockKey(deadline.conversationId, deadline.ruleId);
      if (deadline.state === 'open') this.openClocks.set(key, deadline);
      else if (this.openClocks.get(key)?.id === deadline.id) this.openClocks.delete(key);
    }
  }
}

export const clockKey = (conversationId: string, ruleId: string) => `${conversationId}|${ruleId}`;
