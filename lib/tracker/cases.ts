import { isHealthy } from '../domain/chat';
import type { AftersaleUpdate } from '../messaging/protocol';
import type { CaseRecord, KefuDB } from '../store/db';

/** Keep at most this many stage entries per case (a flapping page must not grow a record forever). */
const MAX_STAGE_HISTORY = 20;

/**
 * Store the cases an after-sales page shows: one record per platform + shop + case id (so a case
 * seen in two tabs merges), the stages it was seen in, and the page's own deadline.
 */
export async function ingestCases(db: KefuDB, update: AftersaleUpdate, tabId: number | null, now: number): Promise<{ degraded: boolean }> {
  const { snapshot } = update;
  const degraded = !isHealthy(snapshot.health);
  await db.transaction('rw', [db.cases, db.tabs], async () => {
    const ids = snapshot.cases.map((c) => `${snapshot.platform}:${snapshot.shop}:${c.caseId}`);
    const existing = await db.cases.bulkGet(ids);
    const writes: CaseRecord[] = snapshot.cases.map((c, i) => {
      const before = existing[i];
      const history = before?.stageHistory ?? [];
      const last = history[history.length - 1];
      const stageHistory =
        last && last.stageText === c.stageText ? history : [...history, { stage: c.stage, stageText: c.stageText, seenAt: now }].slice(-MAX_STAGE_HISTORY);
      return {
        id: ids[i]!,
        platform: snapshot.platform,
        shop: snapshot.shop,
        caseId: c.caseId,
        // A detail page may know less than the list did: keep what is already known.
        orderId: c.orderId ?? before?.orderId ?? null,
        kind: c.kind ?? before?.kind ?? null,
        kindText: c.kindText || before?.kindText || '',
        stage: c.stage,
        stageText: c.stageText,
        stageHistory,
        amountFen: c.amountFen ?? before?.amountFen ?? null,
        appliedAt: c.appliedAt ?? before?.appliedAt ?? null,
        deadlineText: c.deadlineText,
        pageDeadline: c.pageDeadline,
        autoAction: c.autoAction ?? before?.autoAction ?? null,
        autoActionText: c.autoActionText ?? before?.autoActionText ?? null,
        url: snapshot.url,
        tabId,
        firstSeenAt: before?.firstSeenAt ?? now,
        lastSeenAt: now,
      };
    });
    await db.cases.bulkPut(writes);
    if (tabId !== null)
      await db.tabs.put({ tabId, platform: snapshot.platform, shop: snapshot.shop, url: snapshot.url, health: snapshot.health, degraded, recognised: true, note: null, updatedAt: now });
  });
  return { degraded };
}
