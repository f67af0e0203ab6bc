import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { AftersaleUpdate } from '@/lib/messaging/protocol';
import { KefuDB } from '@/lib/store/db';
import { serial } from '@/lib/tracker/serial';
import { shanghai } from '../helpers';
import { makeHarness, thread, update } from '../tracker/harness';
import { crashInjector } from './crash';

const S = 1000;
const T = shanghai('2026-11-24T10:00:00');

/** A chat update from one shop's page, read at `capturedAt`. */
const from = (shop: string, capturedAt: number, rows: ReturnType<typeof thread>[]) => {
  const u = update(rows);
  return { ...u, snapshot: { ...u.snapshot, shop, capturedAt } };
};

const full = (db: KefuDB) => Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const));

describe('reliability: concurrency', () => {
  it('two tabs of one shop and two shops feeding at once: every update applied once, in the order the worker runs them', async () => {
    const h = makeHarness();
    const run = serial();
    const jobs = [
      run(() => h.tracker.onChatUpdate(from('shop-a', T, [thread('1', 'A', [{ at: T, speaker: 'buyer' }])]), 1, T + S)),
      run(() => h.tracker.onChatUpdate(from('shop-a', T, [thread('1', 'A', [{ at: T, speaker: 'buyer' }])]), 2, T + S)),
      run(() => h.tracker.onChatUpdate(from('shop-b', T, [thread('1', 'B', [{ at: T, speaker: 'buyer' }])]), 3, T + S)),
    ];
    await Promise.all(jobs);
    const open = await h.db.deadlines.where('[state+dueAt]').between(['open', Dexie.minKey], ['open', Dexie.maxKey]).toArray();
    // One clock per rule per conversation: the shop seen in two tabs does not get two.
    expect(open.map((d) => d.conversationId).sort()).toEqual(['pdd:shop-a:1', 'pdd:shop-a:1', 'pdd:shop-b:1', 'pdd:shop-b:1']);
  });

  it('a stale chat snapshot arriving late (older capturedAt) does not reopen an answered wait', async () => {
    const h = makeHarness();
    const waiting = thread('7', 'C', [{ at: T, speaker: 'buyer' }]);
    const answered = thread('7', 'C', [{ at: T, speaker: 'buyer' }, { at: T + 60 * S, speaker: 'agent' }]);
    await h.tracker.onChatUpdate(from('default', T + 10 * S, [waiting]), 1, T + 10 * S);
    await h.tracker.onChatUpdate(from('default', T + 61 * S, [answered]), 2, T + 61 * S);
    // Tab 1's read from before the reply is delivered last.
    await h.tracker.onChatUpdate(from('default', T + 30 * S, [waiting]), 1, T + 62 * S);
    const states = (await h.db.deadlines.toArray()).map((d) => d.state);
    expect(states).toEqual(['met', 'met']);
    await h.tracker.onAlarm(T + 170 * S);
    expect(h.shown).toEqual([]);
    expect(h.badge).toBe('');
  });

  it('a stale case snapshot arriving late does not overwrite the newer stage', async () => {
    const h = makeHarness();
    const kase = (stage: string, stageText: string, capturedAt: number): AftersaleUpdate => ({
      type: 'aftersale/update',
      full: true,
      snapshot: {
        platform: 'pdd', shop: 'default', url: '', capturedAt, pageKind: 'aftersale-list', health: { missingSelectors: [], unparsedFields: [] },
        cases: [{ caseId: '1', orderId: null, kind: 'return_refund', kindText: '', stage, stageText, amountFen: null, appliedAt: T, deadlineText: null, pageDeadline: null, autoAction: null, autoActionText: null }],
      },
    });
    await h.tracker.onAftersaleUpdate(kase('closed', '退款成功', T + 20 * S), 1, T + 20 * S);
    await h.tracker.onAftersaleUpdate(kase('seller_review', '待商家处理', T + 10 * S), 2, T + 21 * S);
    expect(await h.db.cases.get('pdd:default:1')).toMatchObject({ stage: 'closed', dueAt: null });
  });
});

describe('reliability: clock faults', () => {
  it('a machine asleep past several deadlines catches up once, in order, as one summary', async () => {
    const h = makeHarness();
    for (const key of ['1', '2', '3', '4', '5']) await h.tracker.onChatUpdate(update([thread(key, `买家${key}`, [{ at: T + Number(key) * S, speaker: 'buyer' }])]), 1, T + 6 * S);
    // Asleep for 12 minutes: every 30-second warning and every deadline passed.
    await h.tracker.resume(T + 12 * 60 * S);
    expect(h.shown).toHaveLength(1);
    expect(h.shown[0]!.title).toBe('客服卫士 · 5 项即将或已经超时');
    expect(h.shown[0]!.message.split('\n').map((line) => line.match(/买家(\d)/)![1])).toEqual(['1', '2', '3', '4', '5']);
    await h.tracker.onAlarm(T + 12 * 60 * S + 1);
    expect(h.shown).toHaveLength(1);
  });

  it('a clock jumping back neither re-fires a shown warning nor loses a pending one', async () => {
    const h = makeHarness();
    await h.tracker.onChatUpdate(update([thread('1', 'A', [{ at: T, speaker: 'buyer' }])]), 1, T + S);
    await h.tracker.onAlarm(T + 150 * S); // 30 s warning shown
    expect(h.shown).toHaveLength(1);
    await h.tracker.onAlarm(T + 10 * S); // the system clock was set back two minutes
    expect(h.shown).toHaveLength(1);
    const pending = await h.db.warnings.where('[state+warnAt]').between(['pending', Dexie.minKey], ['pending', Dexie.maxKey]).toArray();
    expect(pending.length).toBeGreaterThan(0);
    expect(h.alarm).toBe(Math.min(...pending.map((w) => w.warnAt)));
  });

  it('counting hours are Shanghai hours whatever the machine zone says', async () => {
    const zone = process.env.TZ;
    try {
      for (const tz of ['UTC', 'America/New_York', 'Asia/Tokyo']) {
        process.env.TZ = tz;
        const h = makeHarness();
        // 23:30 in Shanghai: PDD counts 08:00–23:00, so the 3 minutes run from 08:00 the next morning.
        await h.tracker.onChatUpdate(update([thread('1', 'A', [{ at: shanghai('2026-11-24T23:30:00'), speaker: 'buyer' }])]), 1, shanghai('2026-11-24T23:30:05'));
        const [human] = (await h.db.deadlines.toArray()).filter((d) => d.ruleId === 'pdd.reply.human_3min');
        expect(human!.dueAt, tz).toBe(shanghai('2026-11-25T08:03:00'));
        await h.db.delete();
      }
    } finally {
      process.env.TZ = zone;
    }
  });
});

describe('reliability: storage faults', () => {
  it('a failed transaction and a full disk surface as a failed job and keep every stored row', async () => {
    for (const error of [() => new Error('injected crash'), () => new DOMException('quota', 'QuotaExceededError')]) {
      const db = new KefuDB(`faults-${Math.random().toString(36).slice(2)}`);
      const crash = crashInjector(db, error);
      const h = makeHarness({ db });
      await h.tracker.onChatUpdate(update([thread('1', 'A', [{ at: T, speaker: 'buyer' }])]), 1, T + S);
      const before = await full(db);
      crash.arm(3);
      await expect(h.tracker.onChatUpdate(update([thread('2', 'B', [{ at: T, speaker: 'buyer' }]), thread('1', 'A', [{ at: T, speaker: 'buyer' }, { at: T + 5 * S, speaker: 'agent' }])]), 1, T + 6 * S)).rejects.toThrow(
        /injected crash|quota/,
      );
      crash.disarm();
      expect(await full(db)).toEqual(before);
      await db.delete();
    }
  });

  it('a failed migration stops with the error and leaves every v4 row readable', async () => {
    const name = `migration-fail-${Math.random().toString(36).slice(2)}`;
    const v4 = new KefuDB(name);
    await v4.cases.put({ id: 'pdd:default:1', caseId: '1' } as never);
    await v4.settings.put({ key: 'settings', value: { keep: true }, updatedAt: 1 });
    v4.close();
    class BrokenUpgrade extends KefuDB {
      constructor() {
        super(name);
        this.version(6)
          .stores({ cases: '&id, [platform+shop], pageDeadline, lastSeenAt, riskFrom, dueAt' })
          .upgrade(() => {
            throw new Error('upgrade bug');
          });
      }
    }
    const broken = new BrokenUpgrade();
    await expect(broken.open()).rejects.toThrow(/upgrade bug/);
    broken.close();
    const again = new KefuDB(name);
    expect(await again.cases.get('pdd:default:1')).toMatchObject({ caseId: '1' });
    expect((await again.settings.get('settings'))!.value).toEqual({ keep: true });
    expect(again.verno).toBe(5);
    await again.delete();
  });
});
