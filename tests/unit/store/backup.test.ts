import { describe, expect, it } from 'vitest';
import { exportAll, importAll, parseBackup } from '@/lib/store/backup';
import { KefuDB, type CaseRecord } from '@/lib/store/db';
import { DEFAULT_SETTINGS } from '@/lib/settings/schema';

const T = Date.parse('2026-11-24T02:00:00Z');

async function seeded(): Promise<KefuDB> {
  const db = new KefuDB(`backup-${Math.random().toString(36).slice(2)}`);
  await db.settings.bulkPut([
    { key: 'settings', value: { ...DEFAULT_SETTINGS, retentionDays: 14 }, updatedAt: T },
    { key: 'ruleOverrides', value: { pdd: { 'pdd.reply.human_3min': { warnBeforeMs: [60_000] } } }, updatedAt: T },
    { key: 'shopLexicon', value: { add: { counterfeit: ['仿款'] }, remove: {}, allow: {} }, updatedAt: T },
  ]);
  await db.conversations.put({ id: 'pdd:default:1', platform: 'pdd', shop: 'default', key: '1', nick: '李*四', preview: '在吗', lastSpeaker: 'buyer', lastBuyerMessageAt: T, waitingText: null, tabId: 3, url: 'https://mms.pinduoduo.com/chat-merchant/', visible: true, firstSeenAt: T, lastSeenAt: T });
  await db.deadlines.put({ id: 'pdd:default:1|r|1', conversationId: 'pdd:default:1', platform: 'pdd', ruleId: 'r', startedAt: T, dueAt: T + 1, riskFrom: T, state: 'met', closedAt: T + 1 });
  await db.warnings.put({ id: 'w', deadlineId: 'pdd:default:1|r|1', beforeMs: 30_000, warnAt: T, state: 'fired', firedAt: T, message: '买家 李*四 …' });
  const kase: CaseRecord = {
    id: 'pdd:default:9', platform: 'pdd', shop: 'default', caseId: '9', orderId: null, kind: 'refund_only', kindText: '仅退款', stage: 'seller_review', stageText: '待商家处理',
    stageHistory: [{ stage: 'seller_review', stageText: '待商家处理', seenAt: T }], amountFen: 990, appliedAt: T, deadlineText: '1天', pageDeadline: T + 86_400_000, autoAction: 'auto_refund',
    autoActionText: '系统将自动退款', url: '', tabId: null, firstSeenAt: T, lastSeenAt: T, observedAt: T, stageKey: `seller_review@${T}`, ruleId: 'pdd.aftersale.refund_before_shipment', stageStartedAt: T,
    ruleDueAt: T + 1, dueAt: T + 86_400_000, differenceMs: 5, riskFrom: T,
  };
  await db.cases.put(kase);
  await db.checklists.put({ caseId: 'pdd:default:9', ticked: ['a', 'b'], note: '已拍照', seenStage: 'seller_review', updatedAt: T });
  await db.audit.bulkAdd([
    { at: T, action: 'alert-shown', platform: 'pdd', subject: 'pdd:default:1', detail: '' },
    { at: T + 1, action: 'rewrite-applied', platform: 'pdd', subject: 'contact_off_platform', detail: '' },
  ]);
  return db;
}

describe('export and import', () => {
  it('export → wipe → import restores identical data', async () => {
    const db = await seeded();
    const before = await exportAll(db, T);
    const text = JSON.stringify(before);
    await Promise.all(db.tables.map((t) => t.clear()));
    expect(await db.cases.count()).toBe(0);
    expect(await importAll(db, text)).toEqual({ ok: true, counts: { settings: 3, conversations: 1, deadlines: 1, warnings: 1, cases: 1, checklists: 1, audit: 2 } });
    expect(await exportAll(db, T)).toEqual(before);
  });

  it.each([
    ['not JSON', '{"format": "kefu-guard-backup",\n  "version": 1,\n  oops}', /^not JSON/, /^line 3, column 3$/],
    ['another file', JSON.stringify({ format: 'something-else' }), /expected "kefu-guard-backup"/i, /^format$/],
  ])('rejects %s with the reason and where', async (_name, text, reason, location) => {
    const result = parseBackup(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(reason);
    expect(result.location).toMatch(location);
  });

  it('a bad row, a bad setting or an unknown setting is rejected at its exact location and nothing changes', async () => {
    const db = await seeded();
    const good = await exportAll(db, T);
    const variants: [string, (b: any) => void][] = [
      ['tables.cases[0].dueAt', (b) => (b.tables.cases[0].dueAt = 'tomorrow')],
      // Settings rows come out in key order: ruleOverrides, settings, shopLexicon.
      ['tables.settings[1].value.retentionDays', (b) => (b.tables.settings[1].value.retentionDays = 0)],
      ['tables.settings[0].value.pdd.pdd.reply.human_3min', (b) => (b.tables.settings[0].value.pdd['pdd.reply.human_3min'].warnBeforeMs = [-5])],
      ['tables.settings[2].key', (b) => (b.tables.settings[2].key = 'mystery')],
      ['tables.audit[1].action', (b) => (b.tables.audit[1].action = 'message-sent')],
      ['tables.conversations[0]', (b) => (b.tables.conversations[0].script = '<img onerror=alert(1)>')],
    ];
    for (const [location, spoil] of variants) {
      const bad = structuredClone(good);
      spoil(bad);
      const result = await importAll(db, JSON.stringify(bad));
      expect(result, location).toMatchObject({ ok: false, location });
      expect(await exportAll(db, T)).toEqual(good);
    }
  });

  it('a store failure midway (duplicate keys) rolls everything back', async () => {
    const db = await seeded();
    const good = await exportAll(db, T);
    const bad = structuredClone(good);
    bad.tables.checklists.push({ ...bad.tables.checklists[0]! });
    const result = await importAll(db, JSON.stringify(bad));
    expect(result).toMatchObject({ ok: false, location: '(store)' });
    expect(result.ok === false && result.error).toMatch(/^import failed, nothing changed/);
    expect(await exportAll(db, T)).toEqual(good);
  });
});
