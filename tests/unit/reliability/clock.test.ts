import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { AfterSaleCase } from '@/lib/domain/aftersale';
import type { ConversationRow } from '@/lib/domain/chat';
import type { AftersaleUpdate, ChatUpdate } from '@/lib/messaging/protocol';
import type { PlatformId } from '@/lib/domain/platform';
import { loadRulePack, type PackResult } from '@/lib/rules/packs';
import { SUMMARY_NOTIFICATION_ID } from '@/lib/tracker/alerts';
import { Tracker } from '@/lib/tracker/tracker';
import { shanghai } from '../helpers';
import { makeHarness, row, thread } from '../tracker/harness';
import { dump } from './crash';

/**
 * Issue 9 item 3 — clock faults: the machine sleeps through deadlines (the clock jumps forward),
 * the system clock is set back, and the process runs in another time zone than the shops.
 */
const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;
const T = shanghai('2026-11-24T10:00:00');

const chat = (capturedAt: number, rows: ConversationRow[], shop = 'default'): ChatUpdate => ({
  type: 'chat/update',
  full: false,
  removedKeys: [],
  snapshot: { platform: 'pdd', shop, url: 'https://console/', capturedAt, conversations: rows, health: { missingSelectors: [], unparsedFields: [] } },
});
const aCase = (caseId: string, pageDeadline: number | null, patch: Partial<AfterSaleCase> = {}): AfterSaleCase => ({
  caseId, orderId: null, kind: 'return_refund', kindText: '退货退款', stage: 'seller_review', stageText: '待商家处理', amountFen: 100, appliedAt: T - H, deadlineText: null, pageDeadline, autoAction: null, autoActionText: null, ...patch,
});
const cases = (capturedAt: number, list: AfterSaleCase[], platform: 'pdd' | 'jd' = 'pdd'): AftersaleUpdate => ({
  type: 'aftersale/update',
  full: true,
  snapshot: { platform, shop: 'default', url: 'https://console/aftersale', capturedAt, pageKind: 'aftersale-list', cases: list, health: { missingSelectors: [], unparsedFields: [] } },
});
const pendingWarnings = (h: ReturnType<typeof makeHarness>) =>
  h.db.warnings.where('[state+warnAt]').between(['pending', Dexie.minKey], ['pending', Dexie.maxKey]).toArray();

let harness: ReturnType<typeof makeHarness> | null = null;
afterEach(async () => {
  await harness?.db.delete();
  harness = null;
});

describe('reliability: the clock jumps forward (a machine asleep)', () => {
  it('more than three alerts due at once: one summary, nearest deadline first, every due rung settled once; then nothing repeats', async () => {
    const h = (harness = makeHarness());
    // Four buyers waiting; two cases due in 20 and 25 minutes (their 24 h/4 h/1 h rungs alert at once, now).
    for (const k of [4, 2, 3, 1]) await h.tracker.onChatUpdate(chat(T + 5 * S, [thread(String(k), `买家${k}`, [{ at: T + k * S, speaker: 'buyer' }])]), 1, T + 5 * S);
    await h.tracker.onAftersaleUpdate(cases(T + 5 * S, [aCase('91', T + 25 * MIN), aCase('92', T + 20 * MIN)]), 2, T + 5 * S);
    const awake = h.shown.length;
    expect(h.shown.map((s) => s.id).sort()).toEqual(['pdd:default:91', 'pdd:default:92']);
    // Asleep twelve minutes: every 3-minute clock passed, and both cases' 15-minute rungs fell due.
    const wake = T + 12 * MIN;
    await new Tracker(h.ports).resume(wake);
    expect(h.shown).toHaveLength(awake + 1);
    const summary = h.shown[awake];
    expect(summary!.id).toBe(SUMMARY_NOTIFICATION_ID);
    expect(summary!.title).toBe('客服卫士 · 6 项即将或已经超时');
    // Nearest deadline first: the four buyers (due T+3 min + k s), then case 92 (T+20 min), then 91; five lines at most.
    expect(summary!.message.split('\n').map((line) => line.match(/买家(\d)|售后单 (\d+)/)!.slice(1).find(Boolean))).toEqual(['1', '2', '3', '4', '92']);
    // Every rung that fell due is in the summary once and is now settled; nothing due is left pending.
    const firedOnWaking = (await h.db.warnings.toArray()).filter((w) => w.state === 'fired' && w.firedAt === wake);
    expect([...summary!.rungs].sort()).toEqual(firedOnWaking.map((w) => w.id).sort());
    expect(new Set(summary!.rungs).size).toBe(summary!.rungs.length);
    expect(summary!.rungs).toHaveLength(6);
    const pending = await pendingWarnings(h);
    expect(pending.every((w) => w.warnAt > wake)).toBe(true);
    expect(h.alarm).toBe(pending[0]!.warnAt);
    // The next alarms deliver only what comes due later, each once.
    await h.tracker.onAlarm(wake + S);
    expect(h.shown).toHaveLength(awake + 1);
    await h.tracker.onAlarm(h.alarm!); // the 60-minute clocks' first rungs (within the alarm tolerance of each other)
    expect(h.shown.length).toBeGreaterThan(awake + 1);
    expect(new Set(h.shown.flatMap((s) => s.rungs)).size).toBe(h.shown.flatMap((s) => s.rungs).length);
  });

  it('three or fewer alerts due at once are shown one by one, each once', async () => {
    const h = (harness = makeHarness());
    await h.tracker.onChatUpdate(chat(T, [thread('2', '买家2', [{ at: T + 2 * S, speaker: 'buyer' }]), thread('1', '买家1', [{ at: T + S, speaker: 'buyer' }])]), 1, T + 3 * S);
    await new Tracker(h.ports).resume(T + 175 * S);
    expect(h.shown.map((s) => [s.id, s.rungs.length])).toEqual([['pdd:default:1', 1], ['pdd:default:2', 1]]);
    await h.tracker.onAlarm(T + 176 * S);
    expect(h.shown).toHaveLength(2);
  });

  // Regression: with three or fewer alerts, chat alerts used to come before after-sales ones whatever their deadlines.
  it('three or fewer alerts due at once come nearest deadline first, chats and cases alike', async () => {
    const h = (harness = makeHarness());
    // Case 91 due at T+40 min; two buyers waiting since T (60-minute deadline at T+60 min).
    await h.tracker.onAftersaleUpdate(cases(T, [aCase('91', T + 40 * MIN)]), 2, T);
    await h.tracker.onChatUpdate(chat(T, [thread('1', '买家1', [{ at: T, speaker: 'buyer' }]), thread('2', '买家2', [{ at: T, speaker: 'buyer' }])]), 1, T + S);
    const awake = h.shown.length; // the case's 24 h/4 h/1 h rungs, at once
    // Asleep 51 minutes: the case's 15-minute rung (T+25 min) and both chats' 10-minute rungs (T+50 min) are due.
    await new Tracker(h.ports).resume(T + 51 * MIN);
    expect(h.shown.slice(awake).map((s) => s.id)).toEqual(['pdd:default:91', 'pdd:default:1', 'pdd:default:2']);
  });

  it('a sleep far past every deadline shows nothing stale: rungs beyond the grace period expire, silently', async () => {
    const h = (harness = makeHarness());
    await h.tracker.onChatUpdate(chat(T, [thread('1', 'A', [{ at: T, speaker: 'buyer' }])]), 1, T + S);
    await new Tracker(h.ports).resume(T + 5 * H);
    expect(h.shown).toEqual([]);
    expect((await h.db.warnings.toArray()).map((w) => w.state)).toEqual(['expired', 'expired', 'expired']);
    expect(h.alarm).toBeNull();
  });
});

describe('reliability: the clock is set back', () => {
  it('neither re-fires a shown warning nor loses a pending one; when time comes round again each fires once', async () => {
    const h = (harness = makeHarness());
    await h.tracker.onChatUpdate(chat(T, [thread('1', 'A', [{ at: T, speaker: 'buyer' }])]), 1, T + S);
    await h.tracker.onAlarm(T + 150 * S); // 30 s warning shown
    expect(h.shown).toHaveLength(1);
    await h.tracker.onAlarm(T + 10 * S); // the system clock was set back 140 s
    expect(h.shown).toHaveLength(1);
    const pending = await pendingWarnings(h);
    expect(pending.map((w) => w.beforeMs).sort()).toEqual([120_000, 600_000]);
    expect(h.alarm).toBe(pending[0]!.warnAt);
    // Time passes the first warning's moment again: no repeat. Then the 60-minute rungs, once each.
    await h.tracker.onAlarm(T + 151 * S);
    expect(h.shown).toHaveLength(1);
    await h.tracker.onAlarm(T + 50 * MIN);
    await h.tracker.onAlarm(T + 58 * MIN);
    await h.tracker.onAlarm(T + 58 * MIN + S);
    expect(h.shown.map((s) => s.rungs.map((r) => r.split('|').pop()))).toEqual([['30000'], ['600000'], ['120000']]);
    expect(h.alarm).toBeNull();
  });

  it('page reads made after the clock was set back still apply (a reply closes the clock, a new buyer opens one)', async () => {
    const h = (harness = makeHarness());
    await h.tracker.onChatUpdate(chat(T + 10 * MIN, [thread('1', 'A', [{ at: T + 10 * MIN, speaker: 'buyer' }])]), 1, T + 10 * MIN);
    // The clock is corrected ten minutes back. Every read from now on is "older" than the last one.
    const back = T + 60 * S;
    await h.tracker.onChatUpdate(chat(back, [thread('1', 'A', [{ at: T + 10 * MIN, speaker: 'buyer' }, { at: back, speaker: 'agent' }]), thread('2', 'B', [{ at: back - S, speaker: 'buyer' }])]), 1, back);
    expect(await h.db.conversations.get('pdd:default:1')).toMatchObject({ lastSpeaker: 'agent' });
    const clocks = (await h.db.deadlines.toArray()).map((d) => `${d.conversationId} ${d.state}`).sort();
    expect(clocks).toEqual(['pdd:default:1 met', 'pdd:default:1 met', 'pdd:default:2 open', 'pdd:default:2 open']);
    // Also after a worker restart (nothing cached: only the stored read times).
    await new Tracker(h.ports).onChatUpdate(chat(back + S, [thread('2', 'B', [{ at: back - S, speaker: 'buyer' }, { at: back + S, speaker: 'agent' }])]), 1, back + S);
    expect((await h.db.deadlines.toArray()).filter((d) => d.state === 'open')).toEqual([]);
  });

  // Regression: after-sales reads made after the clock was set back were ignored as "older than the
  // stored read" until the clock caught up.
  it('after-sales reads made after the clock was set back still apply', async () => {
    const h = (harness = makeHarness());
    await h.tracker.onAftersaleUpdate(cases(T + 10 * MIN, [aCase('1', T + 2 * H)]), 1, T + 10 * MIN);
    const back = T + 60 * S;
    await h.tracker.onAftersaleUpdate(cases(back, [aCase('1', null, { stage: 'closed', stageText: '退款成功' })]), 1, back);
    expect(await h.db.cases.get('pdd:default:1')).toMatchObject({ stage: 'closed', dueAt: null });
    expect(await pendingWarnings(h)).toEqual([]);
  });
});

describe('reliability: counting in Asia/Shanghai whatever the process time zone', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = zone;
  });

  /** A day that touches every clock computed in local time: counting windows, a JD cutoff rule, off hours. */
  // JD's fastest seller_review rule is 12 h elapsed; without it the 12:00 cutoff rule decides, in local time.
  const rules = (platform: PlatformId): PackResult => {
    const pack = loadRulePack(platform);
    if (!pack.ok || platform !== 'jd') return pack;
    return { ok: true, pack: { ...pack.pack, aftersaleRules: pack.pack.aftersaleRules.filter((r) => r.id !== 'jd.aftersale.supplier_review') } };
  };

  async function day() {
    const h = makeHarness({ rules });
    h.ports.offHours = () => ({ enabled: true, from: '23:00', to: '08:00', urgentWithinMs: H });
    // 22:59 and 23:30 in Shanghai: PDD counts 08:00–23:00.
    await h.tracker.onChatUpdate(chat(shanghai('2026-11-24T23:30:00'), [
      thread('1', 'A', [{ at: shanghai('2026-11-24T22:59:00'), speaker: 'buyer' }]),
      thread('2', 'B', [{ at: shanghai('2026-11-24T23:30:00'), speaker: 'buyer' }]),
    ]), 1, shanghai('2026-11-24T23:30:05'));
    // JD review: applied before 12:00 → due 24:00 that day (Shanghai), else 12:00 the next day.
    await h.tracker.onAftersaleUpdate(cases(shanghai('2026-11-24T20:00:00'), [
      aCase('71', null, { appliedAt: shanghai('2026-11-24T11:59:00') }),
      aCase('72', null, { appliedAt: shanghai('2026-11-24T12:01:00') }),
    ], 'jd'), 2, shanghai('2026-11-24T20:00:00'));
    // A PDD case whose 24-hour rung falls at 01:00 Shanghai: held until off hours end at 08:00.
    await h.tracker.onAftersaleUpdate(cases(shanghai('2026-11-24T20:00:00'), [aCase('81', shanghai('2026-11-26T01:00:00'))]), 3, shanghai('2026-11-24T20:00:00'));
    // A PDD return seen moving to inspection at 22:00: 72 h from the next (Shanghai) midnight.
    const inspect = { kind: 'return_refund' as const, appliedAt: shanghai('2026-11-20T10:00:00') };
    await h.tracker.onAftersaleUpdate(cases(shanghai('2026-11-24T21:00:00'), [aCase('82', null, { ...inspect, stage: 'seller_confirm_receipt', stageText: '待商家确认收货' })]), 3, shanghai('2026-11-24T21:00:00'));
    await h.tracker.onAftersaleUpdate(cases(shanghai('2026-11-24T22:00:00'), [aCase('82', null, { ...inspect, stage: 'seller_inspect', stageText: '待商家验货' })]), 3, shanghai('2026-11-24T22:00:00'));
    for (const at of ['2026-11-25T01:00:00', '2026-11-25T08:00:00', '2026-11-25T08:02:31']) await h.tracker.onAlarm(shanghai(at));
    const deadlines = Object.fromEntries((await h.db.deadlines.toArray()).filter((d) => d.ruleId === 'pdd.reply.human_3min').map((d) => [d.conversationId, d.dueAt]));
    const caseDue = Object.fromEntries((await h.db.cases.toArray()).map((c) => [c.id, c.dueAt]));
    const result = { deadlines, caseDue, shown: h.shown.map((s) => [s.id, s.message]), store: await dump(h.db), alarm: h.alarm };
    await h.db.delete();
    return result;
  }

  it('the same day gives the same deadlines, holds and alerts in UTC, New York, Tokyo and Kathmandu as in Shanghai', async () => {
    process.env.TZ = 'Asia/Shanghai';
    const reference = await day();
    expect(reference.deadlines).toEqual({
      'pdd:default:1': shanghai('2026-11-24T23:02:00'), // begun inside the window: the full 3 minutes (strict reading)
      'pdd:default:2': shanghai('2026-11-25T08:03:00'), // begun after 23:00: counted from 08:00
    });
    expect(reference.caseDue).toEqual({
      'jd:default:71': shanghai('2026-11-25T00:00:00'),
      'jd:default:72': shanghai('2026-11-25T12:00:00'),
      'pdd:default:81': shanghai('2026-11-26T01:00:00'),
      'pdd:default:82': shanghai('2026-11-28T00:00:00'),
    });
    // Case 81's "24 h left" rung (01:00) waited for 08:00; the chat warnings fired at 08:02:31.
    expect(reference.shown.map(([id]) => id)).toContain('pdd:default:81');
    for (const tz of ['UTC', 'America/New_York', 'Asia/Tokyo', 'Asia/Kathmandu']) {
      process.env.TZ = tz;
      // The zone really changed for this process (Node re-reads TZ when it is assigned).
      expect(new Date(shanghai('2026-11-24T23:30:00')).getHours(), tz).not.toBe(23);
      expect(await day(), tz).toEqual(reference);
    }
  });
});
