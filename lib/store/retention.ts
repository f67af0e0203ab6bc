import Dexie from 'dexie';
import type { KefuDB } from './db';

const DAY = 86_400_000;
/** Default retention: the metrics dashboard looks back 30 days; nothing about a buyer is kept longer. */
export const DEFAULT_RETENTION_DAYS = 30;

export interface PurgeResult {
  conversations: number;
  deadlines: number;
  warnings: number;
  cases: number;
  checklists: number;
  audit: number;
}

/**
 * Delete what identifies buyers once it is older than the retention period: conversations (nick,
 * last message preview) not seen since, their finished reply clocks and alert log, and cases not
 * seen since with their checklist progress, and the audit log's older entries. Anything still open (a running clock, a case with a
 * deadline ahead) is kept whatever its age. One transaction: a purge is all or nothing.
 */
export async function purgeExpired(db: KefuDB, now: number, retentionDays = DEFAULT_RETENTION_DAYS): Promise<PurgeResult> {
  const cutoff = now - retentionDays * DAY;
  return db.transaction('rw', [db.conversations, db.deadlines, db.warnings, db.cases, db.checklists, db.audit], async () => {
    const openClocks = new Set(
      (await db.deadlines.where('[state+dueAt]').between(['open', Dexie.minKey], ['open', Dexie.maxKey]).toArray()).map((d) => d.conversationId),
    );
    const oldConversations = (await db.conversations.where('lastSeenAt').below(cutoff).primaryKeys()).filter((id) => !openClocks.has(id));
    const oldDeadlines = oldConversations.length === 0 ? [] : await db.deadlines.where('conversationId').anyOf(oldConversations).primaryKeys();
    const oldCases = await db.cases
      .where('lastSeenAt')
      .below(cutoff)
      .filter((c) => c.dueAt === null || c.dueAt < cutoff)
      .primaryKeys();
    const caseLadders = oldCases.map((id) => `case|${id}|`);
    const oldWarnings = [
      ...(oldDeadlines.length === 0 ? [] : await db.warnings.where('deadlineId').anyOf(oldDeadlines).primaryKeys()),
      ...(caseLadders.length === 0 ? [] : await db.warnings.where('deadlineId').startsWithAnyOf(caseLadders).primaryKeys()),
    ];
    const oldChecklists = oldCases.length === 0 ? [] : await db.checklists.where('caseId').anyOf(oldCases).primaryKeys();
    await db.conversations.bulkDelete(oldConversations);
    await db.deadlines.bulkDelete(oldDeadlines);
    await db.warnings.bulkDelete(oldWarnings);
    await db.cases.bulkDelete(oldCases);
    await db.checklists.bulkDelete(oldChecklists);
    const audit = await db.audit.where('at').below(cutoff).delete();
    return { conversations: oldConversations.length, deadlines: oldDeadlines.length, warnings: oldWarnings.length, cases: oldCases.length, checklists: oldChecklists.length, audit };
  });
}
