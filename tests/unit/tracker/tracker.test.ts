import { afterEach, describe, expect, it } from 'vitest';
import { loadRulePack } from '@/lib/rules/packs';
import { parseRulePack } from '@/lib/rules/schema';
import { shanghai } from '../helpers';
import { makeHarness, row, thread, update } from './harness';

const T = shanghai('2026-11-24T10:00:00');
const S = 1000;
const HUMAN = 'pdd.reply.human_3min';
const VALID = 'pdd.reply.valid_60min';
const CID = 'pdd:default:1001';

let harness: ReturnType<typeof makeHarness>;
afterEach(async () => {
  await harness.db.delete();
});

async function buyerWaitingSince(start: number, now: number) {
  await harness.tracker.onChatUpdate(update([thread('1001', '李*四', [{ at: start, speaker: 'buyer' }])]), 7, now);
}

describe('reply clocks from a PDD thread', () => {
  it('opens both clocks and arms one alarm for the earliest warning', async () => {
    harness = makeHarness();
    const reply = await harness.tracker.onChatUpdate(update([thread('1001', '李*四', [{ at: T, speaker: 'buyer' }])]), 7, T + 5 * S);
    const deadlines = await harness.db.deadlines.toArray();
    expect(deadlines.map((d) => [d.ruleId, d.dueAt - T, d.state]).sort()).toEqual([
      [HUMAN, 180 * S, 'open'],
      [VALID, 3600 * S, 'open'],
    ]);
    expect(harness.alarm).toBe(T + 150 * S);
    expect(harness.badge).toBe('');
    expect(harness.shown).toEqual([]);
    expect(reply.deadlines).toEqual([{ key: '1001', ruleId: HUMAN, label: '3分钟人工回复率', dueAt: T + 180 * S }]);
    expect(reply.degraded).toBe(false);
  });

  it('warns 30 s before the 3-minute mark with the exact text, once, and counts the badge', async () => {
    harness = makeHarness();
    await buyerWaitingSince(T, T + 5 * S);
    await harness.tracker.onAlarm(T + 150 * S);
    expect(harness.shown).toEqual([{ id: CID, title: '客服卫士 · 拼多多 · 当前店铺', message: '买家 李*四 已等待 2分30秒，30秒后计入3分钟未回复', rungs: [`${CID}|pdd.reply.human_3min|${T}|30000`] }]);
    expect(harness.badge).toBe('1');
    expect(harness.alarm).toBe(T + 50 * 60 * S); // next rung: 10 min before the 60-minute deadline
    await harness.tracker.onAlarm(T + 151 * S); // a late or duplicate alarm
    await buyerWaitingSince(T, T + 152 * S); // the same wait reported again
    expect(harness.shown).toHaveLength(1);
  });

  it('an agent reply closes both clocks as met, cancels their warnings, clears the notification', async () => {
    harness = makeHarness();
    await buyerWaitingSince(T, T + 5 * S);
    await harness.tracker.onAlarm(T + 150 * S);
    await harness.tracker.onChatUpdate(
      update([thread('1001', '李*四', [{ at: T, speaker: 'buyer' }, { at: T + 170 * S, speaker: 'agent' }])]),
      7,
      T + 171 * S,
    );
    expect((await harness.db.deadlines.toArray()).map((d) => d.state)).toEqual(['met', 'met']);
    expect((await harness.db.warnings.toArray()).map((w) => w.state).sort()).toEqual(['cancelled', 'cancelled', 'fired']);
    expect(harness.cleared).toEqual([CID]);
    expect(harness.badge).toBe('');
    expect(harness.alarm).toBeNull();
  });

  it('a late reply closes the 3-minute clock as missed and the 60-minute one as met', async () => {
    harness = makeHarness();
    await buyerWaitingSince(T, T + 5 * S);
    await harness.tracker.onChatUpdate(update([thread('1001', '李*四', [{ at: T, speaker: 'buyer' }, { at: T + 200 * S, speaker: 'agent' }])]), 7, T + 200 * S);
    const states = Object.fromEntries((await harness.db.deadlines.toArray()).map((d) => [d.ruleId, d.state]));
    expect(states).toEqual({ [HUMAN]: 'missed', [VALID]: 'met' });
  });

  it('robot replies do not stop the clocks', async () => {
    harness = makeHarness();
    await harness.tracker.onChatUpdate(
      update([thread('1001', '李*四', [{ at: T, speaker: 'buyer' }, { at: T + 2 * S, speaker: 'robot' }])]),
      7,
      T + 3 * S,
    );
    expect((await harness.db.deadlines.toArray()).map((d) => d.state)).toEqual(['open', 'open']);
  });

  it('a new buyer message after a reply starts a new wait with its own alerts', async () => {
    harness = makeHarness();
    await buyerWaitingSince(T, T + 5 * S);
    await harness.tracker.onAlarm(T + 150 * S);
    const answered = [{ at: T, speaker: 'buyer' as const }, { at: T + 160 * S, speaker: 'agent' as const }];
    await harness.tracker.onChatUpdate(update([thread('1001', '李*四', answered)]), 7, T + 161 * S);
    const again = [...answered, { at: T + 300 * S, speaker: 'buyer' as const }];
    await harness.tracker.onChatUpdate(update([thread('1001', '李*四', again)]), 7, T + 301 * S);
    await harness.tracker.onAlarm(T + 450 * S);
    expect(harness.shown.map((n) => n.message)).toEqual([
      '买家 李*四 已等待 2分30秒，30秒后计入3分钟未回复',
      '买家 李*四 已等待 2分30秒，30秒后计入3分钟未回复',
    ]);
    expect((await harness.db.deadlines.toArray()).filter((d) => d.state === 'open')).toHaveLength(2);
  });

  it('counts the badge per conversation, not per clock', async () => {
    harness = makeHarness();
    await harness.tracker.onChatUpdate(
      update([thread('1001', 'a', [{ at: T, speaker: 'buyer' }]), row('1002', { waiting: true, waitingMs: 100 * S })]),
      7,
      T + 100 * S,
    );
    await harness.tracker.onAlarm(T + 55 * 60 * S); // both conversations are past every rung
    expect(harness.badge).toBe('2');
  });
});

describe('surviving the worker', () => {
  it('a new worker fires what fell due while it was dead, worded for now, then re-arms', async () => {
    harness = makeHarness();
    await buyerWaitingSince(T, T + 5 * S);
    const restarted = makeHarness({ db: harness.db });
    await restarted.tracker.resume(T + 200 * S);
    expect(restarted.shown.map((n) => n.message)).toEqual(['买家 李*四 已等待 3分20秒，已计入3分钟未回复']);
    expect(restarted.alarm).toBe(T + 50 * 60 * S);
  });

  it('rungs that all fell due while asleep produce one notification', async () => {
    harness = makeHarness();
    await buyerWaitingSince(T, T + 5 * S);
    const restarted = makeHarness({ db: harness.db });
    await restarted.tracker.resume(T + 59 * 60 * S);
    // The 3-minute clock lapsed beyond the grace period (dropped); both 60-minute rungs collapse into one.
    expect(restarted.shown.map((n) => n.message)).toEqual(['买家 李*四 已等待 59分钟，1分钟后计入60分钟未有效回复']);
    const states = (await harness.db.warnings.toArray()).map((w) => w.state).sort();
    expect(states).toEqual(['expired', 'fired', 'fired']);
  });

  it('resuming with nothing due fires nothing and keeps the alarm', async () => {
    harness = makeHarness();
    await buyerWaitingSince(T, T + 5 * S);
    const restarted = makeHarness({ db: harness.db });
    await restarted.tracker.resume(T + 10 * S);
    expect(restarted.shown).toEqual([]);
    expect(restarted.alarm).toBe(T + 150 * S);
  });
});

describe('page time, list rows and refinement', () => {
  it('a list-only waiting row takes its start from the page waiting time', async () => {
    harness = makeHarness();
    await harness.tracker.onChatUpdate(update([row('1002', { waiting: true, waitingText: '已等待1分0秒', waitingMs: 60 * S })]), 7, T);
    const [human] = (await harness.db.deadlines.toArray()).filter((d) => d.ruleId === HUMAN);
    expect(human).toMatchObject({ startedAt: T - 60 * S, dueAt: T + 120 * S });
  });

  it('a refined start keeps the deadline id and never re-fires a fired rung', async () => {
    harness = makeHarness();
    // The list says 2 min 20 s of waiting; the warning fires.
    await harness.tracker.onChatUpdate(update([row('1001', { waiting: true, waitingMs: 140 * S })]), 7, T + 150 * S);
    await harness.tracker.onAlarm(T + 160 * S);
    expect(harness.shown).toHaveLength(1);
    const before = (await harness.db.deadlines.toArray()).find((d) => d.ruleId === HUMAN)!;
    expect(before.dueAt).toBe(T + 190 * S);
    // Opening the thread reveals the exact time, 10 s earlier: the same deadline moves earlier.
    await harness.tracker.onChatUpdate(update([thread('1001', '李*四', [{ at: T, speaker: 'buyer' }])]), 7, T + 161 * S);
    const after = (await harness.db.deadlines.toArray()).find((d) => d.ruleId === HUMAN)!;
    expect(after.id).toBe(before.id);
    expect(after.dueAt).toBe(T + 180 * S);
    await harness.tracker.onAlarm(T + 162 * S);
    expect(harness.shown).toHaveLength(1);
  });

  it('the 23:00 edge: a message at 22:59 is due 23:02 (strict reading)', async () => {
    harness = makeHarness();
    const late = shanghai('2026-11-24T22:59:00');
    await harness.tracker.onChatUpdate(update([thread('1001', 'n', [{ at: late, speaker: 'buyer' }])]), 7, late + S);
    const human = (await harness.db.deadlines.toArray()).find((d) => d.ruleId === HUMAN)!;
    expect(human.dueAt).toBe(shanghai('2026-11-24T23:02:00'));
  });

  it('rows that leave the list are kept, marked not visible', async () => {
    harness = makeHarness();
    await harness.tracker.onChatUpdate(update([row('1001', { waiting: false }), row('1002', { waiting: false })]), 7, T);
    await harness.tracker.onChatUpdate(update([], { removedKeys: ['1002'] }), 7, T + S);
    const records = await harness.db.conversations.toArray();
    expect(records.map((r) => [r.key, r.visible])).toEqual([
      ['1001', true],
      ['1002', false],
    ]);
  });
});

describe('degraded input', () => {
  it('a page with missing selectors marks the tab degraded and the badge says so', async () => {
    harness = makeHarness();
    const reply = await harness.tracker.onChatUpdate(update([], {}, { missingSelectors: ['conversationList'], unparsedFields: [] }), 7, T);
    expect(reply.degraded).toBe(true);
    expect(await harness.db.tabs.get(7)).toMatchObject({ degraded: true, health: { missingSelectors: ['conversationList'] } });
    expect(harness.badges[harness.badges.length - 1]).toMatchObject({ text: '!', title: '客服卫士 · 追踪降级' });
    await harness.tracker.onTabClosed(7, T + S);
    expect(harness.badge).toBe('');
  });

  it('a broken rule pack keeps the conversations, opens no clock and reports the pack error', async () => {
    harness = makeHarness({ rules: () => ({ ok: false, error: 'invalid rule pack: replyRules.0.durationMs: expected number' }) });
    const reply = await harness.tracker.onChatUpdate(update([thread('1001', 'n', [{ at: T, speaker: 'buyer' }])]), 7, T + S);
    expect(reply.degraded).toBe(true);
    expect(await harness.db.conversations.count()).toBe(1);
    expect(await harness.db.deadlines.count()).toBe(0);
    expect((await harness.db.tabs.get(7))!.health.unparsedFields).toEqual(['rulePack: invalid rule pack: replyRules.0.durationMs: expected number']);
  });
});

describe('a restarted worker reads its state back', () => {
  it('closes a clock opened by the previous worker when the reply arrives', async () => {
    harness = makeHarness();
    await buyerWaitingSince(T, T + 5 * S);
    const restarted = makeHarness({ db: harness.db });
    await restarted.tracker.onChatUpdate(
      update([thread('1001', '李*四', [{ at: T, speaker: 'buyer' }, { at: T + 60 * S, speaker: 'agent' }])]),
      7,
      T + 61 * S,
    );
    expect((await harness.db.deadlines.toArray()).map((d) => d.state)).toEqual(['met', 'met']);
    expect(restarted.alarm).toBeNull();
    const [record] = await harness.db.conversations.toArray();
    expect(record!.firstSeenAt).toBe(T + 5 * S); // kept from the first worker's write
  });
});

describe('a reply and a new wait seen in one update', () => {
  it('closes the old wait at the reply time and opens a new one with its own alerts', async () => {
    harness = makeHarness();
    await buyerWaitingSince(T, T + 5 * S);
    await harness.tracker.onAlarm(T + 150 * S);
    // The tab was in the background: the reply (T+200, late) and the next question (T+300) arrive together.
    const messages = [
      { at: T, speaker: 'buyer' as const },
      { at: T + 200 * S, speaker: 'agent' as const },
      { at: T + 300 * S, speaker: 'buyer' as const },
    ];
    await harness.tracker.onChatUpdate(update([thread('1001', '李*四', messages)]), 7, T + 320 * S);
    const all = await harness.db.deadlines.toArray();
    const old = all.filter((d) => d.startedAt === T).map((d) => [d.ruleId, d.state, d.closedAt]).sort();
    expect(old).toEqual([
      [HUMAN, 'missed', T + 200 * S],
      [VALID, 'met', T + 200 * S],
    ]);
    expect(all.filter((d) => d.startedAt === T + 300 * S).map((d) => d.state)).toEqual(['open', 'open']);
    await harness.tracker.onAlarm(T + 450 * S);
    expect(harness.shown.map((n) => n.message)).toEqual([
      '买家 李*四 已等待 2分30秒，30秒后计入3分钟未回复',
      '买家 李*四 已等待 2分30秒，30秒后计入3分钟未回复',
    ]);
  });
});

describe('exemption calendar in the tracker', () => {
  it('a buyer message inside a 不考核 period opens no clock for that rule', async () => {
    const base = loadRulePack('pdd');
    if (!base.ok) throw new Error(base.error);
    const pack = parseRulePack({
      ...structuredClone(base.pack),
      exemptions: [
        {
          id: 'pdd.exempt.test_day',
          label: { zh_CN: '测试日不考核', en: 'Test day' },
          from: '2026-11-24T00:00:00+08:00',
          to: '2026-11-24T23:59:59+08:00',
          rules: ['pdd.reply.human_3min'],
          effect: 'not-assessed',
          change: null,
          note: { zh_CN: '测试', en: 'test' },
          sources: ['PD1'],
        },
      ],
    });
    harness = makeHarness({ rules: () => ({ ok: true, pack }) });
    await buyerWaitingSince(T, T + 5 * S);
    expect((await harness.db.deadlines.toArray()).map((d) => d.ruleId)).toEqual([VALID]);
  });
});

describe('every platform through the same tracker', () => {
  it.each([
    ['pdd', ['pdd.reply.human_3min', 'pdd.reply.valid_60min']],
    ['taobao', []],
    ['douyin', ['douyin.reply.session_3min']],
    ['kuaishou', ['kuaishou.reply.merchant_3min']],
    ['jd', ['jd.reply.human_3min']],
  ] as const)('%s: a waiting buyer opens the clocks its pack tracks', async (platform, expected) => {
    harness = makeHarness();
    const u = update([thread('1001', 'n', [{ at: T, speaker: 'buyer' }])]);
    u.snapshot.platform = platform;
    const reply = await harness.tracker.onChatUpdate(u, 7, T + 5 * S);
    expect((await harness.db.deadlines.toArray()).map((d) => d.ruleId).sort()).toEqual([...expected].sort());
    expect(reply.degraded).toBe(false);
    if (expected.length > 0) expect(harness.alarm).toBe(T + 150 * S);
  });
});
