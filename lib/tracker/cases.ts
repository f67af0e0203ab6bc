import { caseClock } from '../aftersale/case-rules';
import type { AfterSaleCase } from '../domain/aftersale';
import { isHealthy } from '../domain/chat';
import type { AftersaleUpdate, TabCases } from '../messaging/protocol';
import type { RulePack } from '../rules/schema';
import type { CaseRecord, KefuDB, WarningRecord } from '../store/db';
import { warningId } from './ids';
import type { TrackerPorts } from './ports';

/** Keep at most this many stage entries per case (a flapping page must not grow a record forever). */
const MAX_STAGE_HISTORY = 20;

export const caseRecordId = (platform: string, shop: string, caseId: string) => `${platform}:${shop}:${caseId}`;
/** A case's ladder belongs to one run of one stage: `case|<record id>|<stage key>`. */
export const caseDeadlineId = (recordId: string, stageKey: string) => `case|${recordId}|${stageKey}`;

export interface CaseIngestResult {
  degraded: boolean;
  /** Cases whose stage moved on or closed: their notifications can go. */
  settled: string[];
}

/**
 * Store the cases an after-sales page shows: one record per platform + shop + case id (so a case
 * seen in two tabs merges), the stages it was seen in, both deadlines, and the warning ladder of
 * the current stage. A stage change ends the old stage's ladder. Cases, warnings and the tab's
 * health are written in one transaction.
 */
export async function ingestCases(ports: TrackerPorts, update: AftersaleUpdate, tabId: number | null, now: number): Promise<CaseIngestResult> {
  const { db } = ports;
  const { snapshot } = update;
  const packResult = ports.rules(snapshot.platform);
  const health = packResult.ok
    ? snapshot.health
    : { ...snapshot.health, unparsedFields: [...snapshot.health.unparsedFields, `rulePack: ${packResult.error}`] };
  const degraded = !isHealthy(health);
  const settled: string[] = [];
  await db.transaction('rw', [db.cases, db.warnings, db.tabs], async () => {
    const ids = snapshot.cases.map((c) => caseRecordId(snapshot.platform, snapshot.shop, c.caseId));
    const existing = await db.cases.bulkGet(ids);
    const writes: CaseRecord[] = [];
    const ladders: { record: CaseRecord; ladderMs: number[] }[] = [];
    const endedLadders: string[] = [];
    snapshot.cases.forEach((c, i) => {
      const before = existing[i];
      // A page that read the case earlier than what is stored (a late message from another tab) changes
      // nothing — unless the stored read is later than now: the clock was set back since, and trusting
      // it would ignore every read until the clock caught up (same rule as chats, ingest.ts newestRead).
      if (before && before.observedAt > snapshot.capturedAt && before.observedAt <= now) return;
      const { record, ladderMs } = toRecord(c, ids[i]!, before, update, tabId, packResult.ok ? packResult.pack : null, now);
      writes.push(record);
      if (before?.stageKey && before.stageKey !== record.stageKey) endedLadders.push(caseDeadlineId(record.id, before.stageKey));
      if ((before?.dueAt != null && record.dueAt === null) || (before && before.stageKey !== record.stageKey)) settled.push(record.id);
      if (record.dueAt !== null) ladders.push({ record, ladderMs });
      else if (record.stageKey) endedLadders.push(caseDeadlineId(record.id, record.stageKey));
    });

    const warningWrites: WarningRecord[] = [];
    if (endedLadders.length > 0) {
      const pending = await db.warnings.where('deadlineId').anyOf(endedLadders).filter((w) => w.state === 'pending').toArray();
      warningWrites.push(...pending.map((w) => ({ ...w, state: 'cancelled' as const })));
    }
    if (ladders.length > 0) {
      const deadlineIds = ladders.map(({ record }) => caseDeadlineId(record.id, record.stageKey));
      // Rungs already shown stay as they are when the page's deadline moves: each alerts once.
      const done = new Set(await db.warnings.where('deadlineId').anyOf(deadlineIds).filter((w) => w.state !== 'pending').primaryKeys());
      ladders.forEach(({ record, ladderMs }, i) => {
        for (const before of ladderMs) {
          const id = warningId(deadlineIds[i]!, before);
          if (done.has(id)) continue;
          warningWrites.push({ id, deadlineId: deadlineIds[i]!, caseRecordId: record.id, beforeMs: before, warnAt: record.dueAt! - before, state: 'pending', firedAt: null, message: null });
        }
      });
    }
    await db.cases.bulkPut(writes);
    await db.warnings.bulkPut(warningWrites);
    if (tabId !== null)
      await db.tabs.put({ tabId, platform: snapshot.platform, shop: snapshot.shop, url: snapshot.url, health, degraded, recognised: true, note: null, updatedAt: now });
  });
  return { degraded, settled };
}

function toRecord(
  c: AfterSaleCase,
  id: string,
  before: CaseRecord | undefined,
  update: AftersaleUpdate,
  tabId: number | null,
  pack: RulePack | null,
  now: number,
): { record: CaseRecord; ladderMs: number[] } {
  const { snapshot } = update;
  const history = before?.stageHistory ?? [];
  const last = history[history.length - 1];
  // Leaving a stage records the deadline it had, so the dashboard can tell on-time from late.
  const stageHistory =
    last && last.stageText === c.stageText
      ? history
      : [...history.slice(0, -1), ...(last ? [{ ...last, dueAt: before?.dueAt ?? null }] : []), { stage: c.stage, stageText: c.stageText, seenAt: now }].slice(-MAX_STAGE_HISTORY);
  // A detail page may know less than the list did: keep what is already known.
  const kind = c.kind ?? before?.kind ?? null;
  const appliedAt = c.appliedAt ?? before?.appliedAt ?? null;
  const clock = pack ? caseClock(pack, { kind, stage: c.stage, appliedAt, stageHistory, pageDeadline: c.pageDeadline }) : null;
  const dueAt = clock?.dueAt ?? (c.stage === 'closed' ? null : c.pageDeadline);
  const ladderMs = clock?.ladderMs ?? [];
  const record: CaseRecord = {
    id,
    platform: snapshot.platform,
    shop: snapshot.shop,
    caseId: c.caseId,
    orderId: c.orderId ?? before?.orderId ?? null,
    kind,
    kindText: c.kindText || before?.kindText || '',
    stage: c.stage,
    stageText: c.stageText,
    stageHistory,
    amountFen: c.amountFen ?? before?.amountFen ?? null,
    appliedAt,
    deadlineText: c.deadlineText,
    pageDeadline: c.pageDeadline,
    autoAction: c.autoAction ?? before?.autoAction ?? null,
    autoActionText: c.autoActionText ?? before?.autoActionText ?? null,
    url: snapshot.url,
    tabId,
    firstSeenAt: before?.firstSeenAt ?? now,
    lastSeenAt: now,
    observedAt: snapshot.capturedAt,
    stageKey: clock?.stageKey ?? `${c.stage ?? 'unknown'}@${stageHistory[stageHistory.length - 1]?.seenAt ?? now}`,
    ruleId: clock?.rule?.id ?? null,
    stageStartedAt: clock?.stageStartedAt ?? null,
    ruleDueAt: clock?.ruleDueAt ?? null,
    dueAt,
    differenceMs: clock?.differenceMs ?? null,
    riskFrom: dueAt === null || ladderMs.length === 0 ? null : dueAt - Math.max(...ladderMs),
  };
  return { record, ladderMs };
}

/** The open cases a tab last showed and the one due first (untimed ones last), for the in-page chip. */
export async function tabCases(db: KefuDB, tabId: number | null): Promise<TabCases> {
  if (tabId === null) return { open: 0, nearest: null };
  const shown = await db.cases.filter((c) => c.tabId === tabId && c.stage !== 'closed').toArray();
  const first = shown.sort((a, b) => (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity))[0];
  return { open: shown.length, nearest: first ? { id: first.id, caseId: first.caseId, dueAt: first.dueAt } : null };
}
