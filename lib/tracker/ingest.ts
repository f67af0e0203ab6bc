import { isHealthy, type ConversationRow } from '../domain/chat';
import type { ChatUpdate } from '../messaging/protocol';
import { clockStart } from '../rules/clock';
import { ruleAt, trackedReplyRules } from '../rules/effective';
import type { ReplyRule, RulePack } from '../rules/schema';
import { computeDueAt } from '../rules/window';
import type { ConversationRecord, DeadlineRecord, DeadlineState, WarningRecord } from '../store/db';
import { clockKey, type StoreCache } from './cache';
import { conversationId, deadlineId, warningId } from './ids';
import type { TrackerPorts } from './ports';

export interface IngestResult {
  /** Conversations whose clock was answered in this update (their notifications can go). */
  answered: string[];
  degraded: boolean;
}

/**
 * Apply one content-script update: upsert the conversations, open/refine/close reply clocks
 * and their warning ladders. One transaction, bulk reads and writes: a 2,000-row snapshot
 * is a handful of IndexedDB requests, not thousands.
 */
export async function ingestChat(
  ports: TrackerPorts,
  cache: StoreCache,
  update: ChatUpdate,
  tabId: number | null,
  now: number,
): Promise<IngestResult> {
  const { db } = ports;
  const { snapshot } = update;
  const packResult = ports.rules(snapshot.platform);
  const health = packResult.ok
    ? snapshot.health
    : { ...snapshot.health, unparsedFields: [...snapshot.health.unparsedFields, `rulePack: ${packResult.error}`] };
  const answered: string[] = [];
  const appliedRows: string[] = [];
  const conversationWrites: ConversationRecord[] = [];
  const deadlineWrites: DeadlineRecord[] = [];

  await db.transaction('rw', [db.conversations, db.deadlines, db.warnings, db.tabs], async () => {
    const ids = snapshot.conversations.map((row) => conversationId(snapshot.platform, snapshot.shop, row.key));
    const unknown = ids.filter((id) => !cache.conversations.has(id));
    if (unknown.length > 0) {
      const stored = await db.conversations.bulkGet(unknown);
      for (const record of stored) if (record) cache.conversations.set(record.id, record);
    }
    const existing = ids.map((id) => cache.conversations.get(id));
    if (!cache.openClocks) {
      const open = await db.deadlines.where('[state+dueAt]').between(['open', -Infinity], ['open', Infinity]).toArray();
      cache.openClocks = new Map(open.map((d) => [clockKey(d.conversationId, d.ruleId), d]));
    }
    const openByClock = cache.openClocks;

    const warningWrites: WarningRecord[] = [];
    const cancelled: string[] = [];

    snapshot.conversations.forEach((row, i) => {
      const id = ids[i]!;
      // Two tabs of one shop: a snapshot read before the one already applied must not undo it.
      if (snapshot.capturedAt < newestRead(cache, id, existing[i], now)) return;
      appliedRows.push(id);
      const record = toRecord(row, id, existing[i], snapshot.platform, snapshot.shop, snapshot.url, tabId, now, snapshot.capturedAt);
      if (!existing[i] || changed(existing[i]!, record)) conversationWrites.push(record);
      if (!packResult.ok) return;
      for (const rule of trackedReplyRules(packResult.pack)) {
        const open = openByClock.get(clockKey(id, rule.id)) ?? null;
        const step = advanceClock(row, rule, packResult.pack, open, id, now);
        deadlineWrites.push(...step.deadlines);
        warningWrites.push(...step.warnings);
        if (step.closed) {
          cancelled.push(step.closed);
          if (!answered.includes(id)) answered.push(id);
        }
      }
    });

    if (update.removedKeys.length > 0) {
      const goneIds = update.removedKeys.map((key) => conversationId(snapshot.platform, snapshot.shop, key));
      const gone = await db.conversations.bulkGet(goneIds.filter((id) => !cache.conversations.has(id)));
      // A late read (another tab's, read before the newest one applied) hides nothing that read showed.
      // (Fault tests, tests/unit/reliability: a stale removal used to mark a listed conversation not visible.)
      for (const record of [...gone, ...goneIds.map((id) => cache.conversations.get(id))])
        if (record?.visible && snapshot.capturedAt >= newestRead(cache, record.id, record, now))
          conversationWrites.push({ ...record, visible: false, lastSeenAt: now });
    }

    // Rungs already shown (or dropped as too late) stay as they are whichever way their deadline comes
    // back: a refined start keeps the deadline id, and so does a wait that reopens with the same start
    // after its clock closed (the agent's message recalled, 撤回). Each rung alerts once. Cancelled
    // rungs never alerted and may run again. (Fault tests: only refined open clocks used to be
    // checked, so a reopened wait showed its fired rung a second time.)
    if (warningWrites.length > 0) {
      const ladders = [...new Set(warningWrites.map((w) => w.deadlineId))];
      const done = new Set(await db.warnings.where('deadlineId').anyOf(ladders).filter((w) => w.state === 'fired' || w.state === 'expired').primaryKeys());
      for (let i = warningWrites.length - 1; i >= 0; i--) if (done.has(warningWrites[i]!.id)) warningWrites.splice(i, 1);
    }
    if (cancelled.length > 0) {
      const pending = await db.warnings.where('deadlineId').anyOf(cancelled).filter((w) => w.state === 'pending').toArray();
      warningWrites.push(...pending.map((w) => ({ ...w, state: 'cancelled' as const })));
    }
    await db.conversations.bulkPut(conversationWrites);
    await db.deadlines.bulkPut(deadlineWrites);
    await db.warnings.bulkPut(warningWrites);
    if (tabId !== null) {
      await db.tabs.put({
        tabId,
        platform: snapshot.platform,
        shop: snapshot.shop,
        url: snapshot.url,
        health,
        degraded: !isHealthy(health),
        recognised: true,
        updatedAt: now,
      });
    }
  });
  cache.commit(conversationWrites, deadlineWrites);
  for (const id of appliedRows) cache.observedAt.set(id, Math.max(newestRead(cache, id, undefined, now), snapshot.capturedAt));
  return { answered, degraded: !isHealthy(health) };
}

/**
 * When the newest page read already applied to a conversation was made (-Infinity: none counts).
 * Pages and worker read one system clock, so a read time later than `now` means the clock was set
 * back since: trusting it would ignore every read (replies, new buyers) until the clock caught up
 * again — after a jump back of a day, a day without tracking. Such a time is disregarded.
 * (Fault tests, tests/unit/reliability/clock.test.ts.)
 */
function newestRead(cache: StoreCache, id: string, stored: ConversationRecord | undefined, now: number): number {
  const at = cache.observedAt.get(id) ?? stored?.observedAt ?? -Infinity;
  return at > now ? -Infinity : at;
}

interface ClockStep {
  /** Deadlines to write: the closed one and/or the open one. */
  deadlines: DeadlineRecord[];
  warnings: WarningRecord[];
  /** Id of a deadline closed by a reply (its pending warnings are cancelled). */
  closed: string | null;
}

function advanceClock(row: ConversationRow, rule: ReplyRule, pack: RulePack, open: DeadlineRecord | null, id: string, now: number): ClockStep {
  const start = clockStart(row, rule, now, open?.startedAt ?? null);
  // Exemption calendar: a clock started in a 不考核 period gets no deadline; a 大促 change applies its numbers.
  const inForce = start === null ? null : ruleAt(pack, rule, start);
  const dueAt = inForce === null || inForce.notAssessed ? null : computeDueAt(start!, inForce.rule, pack.utcOffsetMinutes);
  // The thread may show the reply that ended the open wait (and a new wait after it) in one update.
  const replyAt = open ? firstReplyAfter(row, rule, open.startedAt) : null;
  const close = (state?: DeadlineState): DeadlineRecord => {
    const closedAt = replyAt ?? now;
    return { ...open!, state: state ?? (closedAt <= open!.dueAt ? 'met' : 'missed'), closedAt };
  };
  if (start === null || dueAt === null) {
    if (!open) return { deadlines: [], warnings: [], closed: null };
    return { deadlines: [close(start !== null ? 'not-assessed' : undefined)], warnings: [], closed: open.id };
  }
  if (open && open.startedAt === start) return { deadlines: [], warnings: [], closed: null };
  const newWait = open !== null && replyAt !== null && replyAt <= start;
  const deadline: DeadlineRecord = {
    id: open && !newWait ? open.id : deadlineId(id, rule.id, start),
    conversationId: id,
    platform: pack.platform,
    ruleId: rule.id,
    startedAt: start,
    dueAt,
    riskFrom: dueAt - Math.max(0, ...inForce!.rule.warnBeforeMs),
    state: 'open',
    closedAt: null,
  };
  // When the start moved, rungs that already fired are dropped by the caller so they never re-alert.
  const warnings = inForce!.rule.warnBeforeMs.map((before) => ({
    id: warningId(deadline.id, before),
    deadlineId: deadline.id,
    beforeMs: before,
    warnAt: dueAt - before,
    state: 'pending' as const,
    firedAt: null,
    message: null,
  }));
  return newWait ? { deadlines: [close(), deadline], warnings, closed: open!.id } : { deadlines: [deadline], warnings, closed: null };
}

/** When the thread shows the first message that stops this rule's clock after `since`. */
function firstReplyAfter(row: ConversationRow, rule: ReplyRule, since: number): number | null {
  const stops = new Set<string>(rule.stoppedBy);
  return row.messages.find((m) => m.at >= since && stops.has(m.speaker))?.at ?? null;
}

function toRecord(
  row: ConversationRow,
  id: string,
  previous: ConversationRecord | undefined,
  platform: ConversationRecord['platform'],
  shop: string,
  url: string,
  tabId: number | null,
  now: number,
  observedAt: number,
): ConversationRecord {
  return {
    id,
    platform,
    shop,
    key: row.key,
    nick: row.nick || previous?.nick || '',
    preview: row.preview || previous?.preview || '',
    lastSpeaker: row.lastSpeaker ?? previous?.lastSpeaker ?? null,
    lastBuyerMessageAt: row.lastBuyerMessageAt ?? previous?.lastBuyerMessageAt ?? null,
    waitingText: row.waitingText,
    tabId,
    url,
    visible: true,
    observedAt,
    firstSeenAt: previous?.firstSeenAt ?? now,
    lastSeenAt: now,
  };
}

/** How stale `lastSeenAt` may get before an otherwise unchanged row is rewritten. */
const SEEN_RESOLUTION_MS = 60_000;

/** An unchanged row costs no write; `lastSeenAt` and `observedAt` are kept to a minute's resolution. */
function changed(a: ConversationRecord, b: ConversationRecord): boolean {
  if (b.lastSeenAt - a.lastSeenAt >= SEEN_RESOLUTION_MS) return true;
  for (const key of Object.keys(b) as (keyof ConversationRecord)[]) {
    if (key !== 'lastSeenAt' && key !== 'observedAt' && a[key] !== b[key]) return true;
  }
  return false;
}
