import { describe, expect, it } from 'vitest';
import { purgeExpired } from '@/lib/store/retention';
import { KefuDB, type CaseRecord, type ConversationRecord } from '@/lib/store/db';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-24T02:00:00Z');

const conversation = (id: string, lastSeenAt: number): ConversationRecord => ({
  id, platform: 'pdd', shop: 'default', key: id, nick: `买家${id}`, preview: '在吗', lastSpeaker: 'buyer', lastBuyerMessageAt: lastSeenAt, waitingText: null, tabId: 1, url: '', visible: false, firstSeenAt: lastSeenAt, lastSeenAt,
});

const kase = (id: string, lastSeenAt: number, dueAt: number | null) =>
  ({ id, platform: 'pdd', shop: 'default', caseId: id, stage: 'seller_review', stageHistory: [], lastSeenAt, dueAt }) as unknown as CaseRecord;

describe('retention purge', () => {
  it('deletes buyers and cases not seen within the period, with their clocks, alerts and checklists; keeps the rest', async () => {
    const db = new KefuDB(`retention-${Math.random().toString(36).slice(2)}`);
    await db.conversations.bulkPut([conversation('old', NOW - 31 * DAY), conversation('recent', NOW - 2 * DAY), conversation('old-but-open', NOW - 40 * DAY)]);
    await db.deadlines.bulkPut([
      { id: 'old|r|1', conversationId: 'old', platform: 'pdd', ruleId: 'r', startedAt: 1, dueAt: 2, riskFrom: 1, state: 'met', closedAt: 2 },
      { id: 'recent|r|1', conversationId: 'recent', platform: 'pdd', ruleId: 'r', startedAt: 1, dueAt: 2, riskFrom: 1, state: 'missed', closedAt: 3 },
      { id: 'old-but-open|r|1', conversationId: 'old-but-open', platform: 'pdd', ruleId: 'r', startedAt: 1, dueAt: NOW + 1, riskFrom: 1, state: 'open', closedAt: null },
    ]);
    await db.warnings.bulkPut([
      { id: 'old|r|1|30000', deadlineId: 'old|r|1', beforeMs: 30000, warnAt: 1, state: 'fired', firedAt: 1, message: 'x' },
      { id: 'recent|r|1|30000', deadlineId: 'recent|r|1', beforeMs: 30000, warnAt: 1, state: 'fired', firedAt: 1, message: 'x' },
      { id: 'case|c-old|s@1|3600000', deadlineId: 'case|c-old|s@1', caseRecordId: 'c-old', beforeMs: 3600000, warnAt: 1, state: 'expired', firedAt: null, message: null },
    ]);
    await db.cases.bulkPut([kase('c-old', NOW - 45 * DAY, NOW - 44 * DAY), kase('c-recent', NOW - DAY, null), kase('c-old-untimed', NOW - 45 * DAY, null)]);
    await db.checklists.bulkPut([
      { caseId: 'c-old', ticked: ['a'], note: '', seenStage: null, updatedAt: 1 },
      { caseId: 'c-recent', ticked: ['a'], note: '', seenStage: null, updatedAt: 1 },
    ]);

    await db.audit.bulkAdd([
      { at: NOW - 31 * DAY, action: 'alert-shown', platform: 'pdd', subject: 'old', detail: '' },
      { at: NOW - DAY, action: 'alert-shown', platform: 'pdd', subject: 'recent', detail: '' },
    ]);
    expect(await purgeExpired(db, NOW)).toEqual({ conversations: 1, deadlines: 1, warnings: 2, cases: 2, checklists: 1, audit: 1 });
    expect((await db.audit.toArray()).map((a) => a.subject)).toEqual(['recent']);
    expect((await db.conversations.toArray()).map((c) => c.id).sort()).toEqual(['old-but-open', 'recent']);
    expect((await db.deadlines.toArray()).map((d) => d.id).sort()).toEqual(['old-but-open|r|1', 'recent|r|1']);
    expect((await db.warnings.toArray()).map((w) => w.id)).toEqual(['recent|r|1|30000']);
    expect((await db.cases.toArray()).map((c) => c.id)).toEqual(['c-recent']);
    expect((await db.checklists.toArray()).map((c) => c.caseId)).toEqual(['c-recent']);
    // A shorter period set in options purges more; nothing is left to purge twice.
    expect((await purgeExpired(db, NOW, 1)).conversations).toBe(1);
    expect(await purgeExpired(db, NOW, 1)).toEqual({ conversations: 0, deadlines: 0, warnings: 0, cases: 0, checklists: 0, audit: 0 });
  });
});

describe('retention in the worker', () => {
  it('a starting worker purges with the configured period', async () => {
    const { makeHarness } = await import('../tracker/harness');
    const h = makeHarness();
    h.ports.retentionDays = () => 7;
    await h.db.conversations.bulkPut([conversation('eight-days', NOW - 8 * DAY), conversation('six-days', NOW - 6 * DAY)]);
    await h.tracker.resume(NOW);
    expect((await h.db.conversations.toArray()).map((c) => c.id)).toEqual(['six-days']);
  });
});
