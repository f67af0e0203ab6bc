import { describe, expect, it } from 'vitest';
import type { AfterSaleCase } from '@/lib/domain/aftersale';
import type { AftersaleUpdate } from '@/lib/messaging/protocol';
import { SUMMARY_NOTIFICATION_ID } from '@/lib/tracker/alerts';
import { makeHarness } from './harness';

const H = 3_600_000;
const T0 = Date.parse('2026-11-24T02:00:00Z'); // 10:00 in Shanghai
const CASE = 'pdd:default:23111111111111';

function aCase(patch: Partial<AfterSaleCase> = {}): AfterSaleCase {
  return {
    caseId: '23111111111111',
    orderId: '261120-111111111111111',
    kind: 'return_refund',
    kindText: '退货退款',
    stageText: '待商家处理',
    stage: 'seller_review',
    amountFen: 6500,
    appliedAt: T0 - 10 * H,
    deadlineText: null,
    pageDeadline: null,
    autoAction: null,
    autoActionText: null,
    ...patch,
  };
}

function update(cases: AfterSaleCase[], capturedAt: number, shop = 'default'): AftersaleUpdate {
  return {
    type: 'aftersale/update',
    full: true,
    snapshot: { platform: 'pdd', shop, url: 'https://mms.pinduoduo.com/aftersales/aftersale_list', capturedAt, pageKind: 'aftersale-list', cases, health: { missingSelectors: [], unparsedFields: [] } },
  };
}

describe('after-sales cases in the tracker', () => {
  it('a case in review gets the rule deadline from its application time and the pack ladder', async () => {
    const h = makeHarness();
    await h.tracker.onAftersaleUpdate(update([aCase()], T0), 7, T0);
    const record = await h.db.cases.get(CASE);
    // pdd.aftersale.review_request: 48 h from the application.
    expect(record).toMatchObject({ ruleId: 'pdd.aftersale.review_request', stageStartedAt: T0 - 10 * H, ruleDueAt: T0 + 38 * H, dueAt: T0 + 38 * H, riskFrom: T0 + 14 * H, tabId: 7 });
    const rungs = await h.db.warnings.where('deadlineId').startsWith(`case|${CASE}|`).toArray();
    expect(rungs.map((w) => w.beforeMs).sort((a, b) => a - b)).toEqual([900_000, H, 4 * H, 24 * H]);
    expect(h.alarm).toBe(T0 + 14 * H);
    expect(h.shown).toEqual([]);
  });

  it('the first rung fires once, naming the case, the platform outcome and the next step', async () => {
    const h = makeHarness();
    await h.tracker.onAftersaleUpdate(update([aCase()], T0), 7, T0);
    await h.tracker.onAlarm(T0 + 14 * H);
    expect(h.shown).toHaveLength(1);
    expect(h.shown[0]).toMatchObject({ id: CASE, title: '客服卫士 · 拼多多 · 当前店铺 · 售后' });
    expect(h.shown[0]!.message).toBe('售后单 23111111111111（退货退款·待商家处理）还剩 24小时0分：超时系统默认同意并自动退款。下一步：处理退款/退货申请');
    await h.tracker.onAlarm(T0 + 14 * H + 1000);
    await h.tracker.onAftersaleUpdate(update([aCase()], T0 + 14 * H + 2000), 7, T0 + 14 * H + 2000);
    expect(h.shown).toHaveLength(1);
    expect(h.alarm).toBe(T0 + 34 * H);
    expect(h.badge).toBe('1');
  });

  it('the page countdown wins over the rule and the difference is kept', async () => {
    const h = makeHarness();
    await h.tracker.onAftersaleUpdate(update([aCase({ deadlineText: '1天2时3分30秒', pageDeadline: T0 + 26 * H })], T0), 7, T0);
    const record = await h.db.cases.get(CASE);
    expect(record).toMatchObject({ dueAt: T0 + 26 * H, ruleDueAt: T0 + 38 * H, differenceMs: -12 * H });
    expect(h.alarm).toBe(T0 + 2 * H);
  });

  it('a stage change ends the old ladder and clears its notification; the new stage starts when it was seen', async () => {
    const h = makeHarness();
    await h.tracker.onAftersaleUpdate(update([aCase()], T0), 7, T0);
    await h.tracker.onAlarm(T0 + 14 * H);
    const moved = T0 + 15 * H;
    await h.tracker.onAftersaleUpdate(update([aCase({ stage: 'seller_confirm_receipt', stageText: '退货退款，待商家确认收货' })], moved), 7, moved);
    expect(h.cleared).toContain(CASE);
    const record = await h.db.cases.get(CASE);
    // pdd.aftersale.confirm_return: 7 days from when the stage was first seen.
    expect(record).toMatchObject({ ruleId: 'pdd.aftersale.confirm_return', stageStartedAt: moved, dueAt: moved + 168 * H });
    expect(record!.stageHistory.map((s) => s.stage)).toEqual(['seller_review', 'seller_confirm_receipt']);
    const old = await h.db.warnings.where('deadlineId').equals(`case|${CASE}|seller_review@${T0}`).toArray();
    expect(old.map((w) => w.state).sort()).toEqual(['cancelled', 'cancelled', 'cancelled', 'fired']);
    expect(h.alarm).toBe(moved + 144 * H);
  });

  it('a closed case has no deadline, no pending warning and leaves the badge', async () => {
    const h = makeHarness();
    await h.tracker.onAftersaleUpdate(update([aCase()], T0), 7, T0);
    await h.tracker.onAlarm(T0 + 14 * H);
    expect(h.badge).toBe('1');
    await h.tracker.onAftersaleUpdate(update([aCase({ stage: 'closed', stageText: '退款成功' })], T0 + 15 * H), 7, T0 + 15 * H);
    expect(await h.db.cases.get(CASE)).toMatchObject({ dueAt: null, riskFrom: null, stage: 'closed' });
    expect(await h.db.warnings.where('[state+warnAt]').between(['pending', 0], ['pending', Infinity]).count()).toBe(0);
    expect(h.cleared).toContain(CASE);
    expect(h.badge).toBe('');
    expect(h.alarm).toBeNull();
  });

  it('a case first seen mid-stage has no rule deadline (never a late guess), only the page one', async () => {
    const h = makeHarness();
    const c = aCase({ stage: 'seller_confirm_receipt', stageText: '退货退款，待商家确认收货', appliedAt: T0 - 50 * H });
    await h.tracker.onAftersaleUpdate(update([c], T0), 7, T0);
    expect(await h.db.cases.get(CASE)).toMatchObject({ ruleId: 'pdd.aftersale.confirm_return', ruleDueAt: null, dueAt: null, riskFrom: null });
    expect(h.alarm).toBeNull();
    await h.tracker.onAftersaleUpdate(update([{ ...c, deadlineText: '3天', pageDeadline: T0 + 72 * H }], T0 + 1000), 7, T0 + 1000);
    expect(await h.db.cases.get(CASE)).toMatchObject({ dueAt: T0 + 72 * H, riskFrom: T0 + 48 * H });
  });

  it('a case seen in two tabs is one record, and a late older snapshot changes nothing', async () => {
    const h = makeHarness();
    await h.tracker.onAftersaleUpdate(update([aCase({ pageDeadline: T0 + 20 * H })], T0 + 5000), 7, T0 + 5000);
    await h.tracker.onAftersaleUpdate(update([aCase({ pageDeadline: T0 + 30 * H, stageText: '待商家处理（旧）' })], T0), 8, T0 + 6000);
    expect(await h.db.cases.count()).toBe(1);
    expect(await h.db.cases.get(CASE)).toMatchObject({ tabId: 7, dueAt: T0 + 20 * H, stageText: '待商家处理' });
    await h.tracker.onAftersaleUpdate(update([aCase({ pageDeadline: T0 + 21 * H })], T0 + 9000), 8, T0 + 9000);
    expect(await h.db.cases.get(CASE)).toMatchObject({ tabId: 8, dueAt: T0 + 21 * H });
    // The same case in another shop is another case.
    await h.tracker.onAftersaleUpdate(update([aCase()], T0 + 9000, 'shop-b'), 9, T0 + 9000);
    expect(await h.db.cases.count()).toBe(2);
  });

  it('a refined page deadline moves pending rungs but never re-fires one already shown', async () => {
    const h = makeHarness();
    await h.tracker.onAftersaleUpdate(update([aCase({ pageDeadline: T0 + 23 * H })], T0), 7, T0);
    await h.tracker.onAlarm(T0);
    expect(h.shown).toHaveLength(1);
    await h.tracker.onAftersaleUpdate(update([aCase({ pageDeadline: T0 + 25 * H })], T0 + 1000), 7, T0 + 1000);
    await h.tracker.onAlarm(T0 + 1000);
    expect(h.shown).toHaveLength(1);
    expect(h.alarm).toBe(T0 + 21 * H);
  });

  it('many alerts due at once (a machine waking up) become one summary, nearest first', async () => {
    const h = makeHarness();
    const cases = [5, 3, 9, 1, 7].map((hours, i) => aCase({ caseId: `2300000000000${i}`, pageDeadline: T0 + hours * H }));
    await h.tracker.onAftersaleUpdate(update(cases, T0), 7, T0);
    await h.tracker.onAlarm(T0);
    expect(h.shown).toHaveLength(1);
    expect(h.shown[0]!.id).toBe(SUMMARY_NOTIFICATION_ID);
    expect(h.shown[0]!.title).toBe('客服卫士 · 5 项即将或已经超时');
    expect(h.shown[0]!.message.split('\n').map((line) => line.match(/售后单 (\d+)/)![1])).toEqual([
      '23000000000003',
      '23000000000001',
      '23000000000000',
      '23000000000004',
      '23000000000002',
    ]);
    // Each case's rungs are marked fired: nothing repeats on the next alarm.
    await h.tracker.onAlarm(T0 + 1000);
    expect(h.shown).toHaveLength(1);
  });

  it('answers the page with its open cases and the one due first, for the in-page chip', async () => {
    const h = makeHarness();
    const reply = await h.tracker.onAftersaleUpdate(
      update([aCase({ caseId: '1', pageDeadline: T0 + 9 * H }), aCase({ caseId: '2', pageDeadline: T0 + 2 * H }), aCase({ caseId: '3', stage: 'closed', stageText: '退款成功' })], T0),
      7,
      T0,
    );
    expect(reply.cases).toEqual({ open: 2, nearest: { id: 'pdd:default:2', caseId: '2', dueAt: T0 + 2 * H } });
    const other = await h.tracker.onAftersaleUpdate(update([aCase({ caseId: '4', appliedAt: null })], T0), 8, T0);
    expect(other.cases).toEqual({ open: 1, nearest: { id: 'pdd:default:4', caseId: '4', dueAt: null } });
  });
});

describe('off hours', () => {
  it('a non-urgent case warning at night is held until off hours end, then fires once; urgent ones are not held', async () => {
    const h = makeHarness();
    h.ports.offHours = () => ({ enabled: true, from: '23:00', to: '08:00', urgentWithinMs: H });
    const night = Date.parse('2026-11-24T17:00:00Z'); // 01:00 Shanghai
    await h.tracker.onAftersaleUpdate(update([aCase({ pageDeadline: night + 23 * H })], night), 7, night);
    await h.tracker.onAlarm(night);
    expect(h.shown).toEqual([]);
    const morning = Date.parse('2026-11-25T00:00:00Z'); // 08:00 Shanghai
    expect(h.alarm).toBe(morning);
    await h.tracker.onAlarm(morning);
    expect(h.shown).toHaveLength(1);
    expect(h.shown[0]!.message).toMatch(/还剩 16小时0分/);
    // A case 30 minutes from its deadline at night is urgent: shown at once.
    await h.tracker.onAftersaleUpdate(update([aCase({ caseId: '2', pageDeadline: night + 30 * 60_000 })], night), 7, night);
    await h.tracker.onAlarm(night);
    expect(h.shown.map((s) => s.id)).toContain('pdd:default:2');
  });
});
