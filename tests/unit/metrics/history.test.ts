import { describe, expect, it } from 'vitest';
import { rateMissesLeft } from '@/lib/metrics/engine';
import {
  alertChart,
  alertDays,
  caseDays,
  caseStageKey,
  facets,
  historyRows,
  lastDays,
  localDay,
  localMidnight,
  missesLeft,
  rateChart,
  replyDays,
  shopResolver,
  stageRuns,
  summarise,
  totals,
  type DashboardFilter,
} from '@/lib/metrics/history';
import { loadRulePack } from '@/lib/rules/packs';
import type { PackResult } from '@/lib/rules/packs';
import { shanghai } from '../helpers';
import * as seed from '../dashboard/seed';

const { NOW } = seed;
const shopOf = shopResolver(seed.shops);
const data = { deadlines: seed.deadlines, warnings: seed.warnings, cases: seed.cases };
const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((x) => [x.id, x]));

describe('local days (Asia/Shanghai, whatever the machine zone)', () => {
  it('23:59:59 belongs to the day, 00:00:00 to the next', () => {
    expect(localDay(shanghai('2026-11-24T23:59:59.999'))).toBe('2026-11-24');
    expect(localDay(shanghai('2026-11-25T00:00:00'))).toBe('2026-11-25');
    // 16:00 UTC is already the next day in Shanghai.
    expect(localDay(Date.parse('2026-11-24T15:59:59Z'))).toBe('2026-11-24');
    expect(localDay(Date.parse('2026-11-24T16:00:00Z'))).toBe('2026-11-25');
    expect(localMidnight('2026-11-25')).toBe(shanghai('2026-11-25T00:00:00'));
  });

  it('the last n days end today, oldest first', () => {
    expect(lastDays(shanghai('2026-11-25T00:30:00'), 3)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25']);
    expect(lastDays(shanghai('2026-03-01T08:00:00'), 2)).toEqual(['2026-02-28', '2026-03-01']);
    expect(lastDays(NOW, 30)).toHaveLength(30);
  });

  it('a clock at 23:59:59 counts on its day, one at 00:00:00 on the next', () => {
    const rows = replyDays([seed.lastSecond, seed.firstSecond], loadRulePack, NOW, shopOf);
    expect(rows.map((r) => [r.day, r.met, r.missed])).toEqual([
      ['2026-11-23', 1, 0],
      ['2026-11-24', 0, 1],
    ]);
  });
});

describe('misses left', () => {
  it('is the largest k with met / (met + missed + k) ≥ the pass line', () => {
    expect(missesLeft(8, 2, 0.5)).toBe(6); // 8/16 = 50% passes, 8/17 does not
    expect(missesLeft(8, 2, 0.7)).toBe(1); // 8/11 = 72.7%, 8/12 = 66.7%
    expect(missesLeft(7, 3, 0.7)).toBe(0); // exactly on the line
    expect(missesLeft(5, 6, 0.5)).toBe(0); // already below: never negative
    expect(missesLeft(0, 0, 0.5)).toBe(0); // nothing in time yet: the first miss fails the day
    expect(missesLeft(3, 0, 1)).toBe(0); // 100% allows none
    expect(missesLeft(999, 0, 0.999)).toBe(1);
    expect(missesLeft(4, 0, 2)).toBe(0); // a pass line above 100% cannot be met
    expect(Number.isFinite(missesLeft(4, 0, 0.00001))).toBe(true);
  });

  it('agrees with counting misses one by one', () => {
    for (const line of [0.3, 0.5, 0.7, 0.8, 0.95]) {
      for (let met = 0; met <= 40; met += 3) {
        for (let missed = 0; missed <= 20; missed += 2) {
          let k = 0;
          while (met * 10_000 >= Math.round(line * 10_000) * (met + missed + k + 1)) k++;
          const expected = met * 10_000 >= Math.round(line * 10_000) * (met + missed) ? k : 0;
          expect(missesLeft(met, missed, line), `${met}/${missed} at ${line}`).toBe(expected);
          expect(missesLeft(met, missed, line)).toBe(rateMissesLeft(met, met + missed, Math.round(line * 10_000)));
        }
      }
    }
  });
});

describe('shops from conversation ids', () => {
  it('knows shop names holding ":" and falls back to the text up to the next ":"', () => {
    const of = shopResolver([['kuaishou', '快手:一店'], ['kuaishou', '快手'], ['pdd', 'default']]);
    expect(of('kuaishou:快手:一店:b1', 'kuaishou')).toBe('快手:一店');
    expect(of('kuaishou:快手:b1', 'kuaishou')).toBe('快手');
    expect(of('pdd:旗舰店:b1', 'pdd')).toBe('旗舰店');
    expect(of('jd:solo', 'jd')).toBe('solo');
  });
});

describe('reply clocks per day, platform, shop and rule', () => {
  const rows = replyDays(seed.deadlines, loadRulePack, NOW, shopOf);

  it('counts met, missed (overdue included), not assessed and running clocks', () => {
    expect(rows.map((r) => [r.day, r.platform, r.shop, r.ruleId, r.met, r.missed, r.overdue, r.notAssessed, r.open])).toEqual([
      ['2026-11-22', 'pdd', '旗舰店', seed.VALID, 3, 1, 0, 0, 0],
      ['2026-11-23', 'kuaishou', seed.KS_SHOP, seed.KS_RULE, 7, 3, 0, 0, 0],
      ['2026-11-23', 'pdd', '旗舰店', seed.VALID, 3, 2, 0, 1, 0],
      ['2026-11-24', 'kuaishou', seed.KS_SHOP, seed.KS_RULE, 2, 0, 0, 0, 0],
      ['2026-11-24', 'pdd', 'default', seed.VALID, 1, 0, 0, 0, 0],
      ['2026-11-24', 'pdd', '旗舰店', seed.HUMAN, 1, 1, 0, 0, 0],
      ['2026-11-24', 'pdd', '旗舰店', seed.VALID, 8, 3, 1, 0, 1],
    ]);
  });

  it('rates against the pack pass line, with misses left', () => {
    const row = (day: string, shop: string, rule: string) => rows.find((r) => r.day === day && r.shop === shop && r.ruleId === rule)!;
    expect(row('2026-11-22', '旗舰店', seed.VALID)).toMatchObject({ rate: 0.75, passLine: { value: 0.5, period: 'day', minSample: 100 }, missesLeft: 2 });
    expect(row('2026-11-24', '旗舰店', seed.VALID)).toMatchObject({ rate: 8 / 11, missesLeft: 5 });
    expect(row('2026-11-23', seed.KS_SHOP, seed.KS_RULE)).toMatchObject({ rate: 0.7, passLine: { value: 0.7, period: 'week' }, missesLeft: 0 });
    // No pass line in the pack: no misses left.
    expect(row('2026-11-24', '旗舰店', seed.HUMAN)).toMatchObject({ rate: 0.5, passLine: null, missesLeft: null });
  });

  it('a running clock turns into a miss once its deadline passes', () => {
    const later = replyDays([seed.runningClock], loadRulePack, seed.runningClock.dueAt + 1, shopOf)[0]!;
    expect([later.open, later.missed, later.overdue]).toEqual([0, 1, 1]);
    const before = replyDays([seed.runningClock], loadRulePack, seed.runningClock.dueAt, shopOf)[0]!;
    expect([before.open, before.missed]).toEqual([1, 0]);
  });

  it('uses the pass line of the packs it is given (a shop override), and none for an unknown rule or pack', () => {
    const base = loadRulePack('pdd');
    if (!base.ok) throw new Error(base.error);
    const strict: PackResult = { ok: true, pack: { ...base.pack, replyRules: base.pack.replyRules.map((r) => (r.id === seed.VALID ? { ...r, threshold: { value: 0.9, comparison: '>=' as const, minSample: null, period: 'day' as const } } : r)) } };
    const rules = (p: string) => (p === 'pdd' ? strict : ({ ok: false, error: 'broken' } as PackResult));
    const out = replyDays(seed.deadlines, rules, NOW, shopOf);
    expect(out.find((r) => r.day === '2026-11-22' && r.ruleId === seed.VALID)).toMatchObject({ passLine: { value: 0.9 }, missesLeft: 0 });
    expect(out.find((r) => r.ruleId === seed.KS_RULE)).toMatchObject({ passLine: null, missesLeft: null });
    const unknown = replyDays([{ ...seed.metClock, ruleId: 'pdd.reply.gone' }], loadRulePack, NOW, shopOf);
    expect(unknown[0]).toMatchObject({ passLine: null, missesLeft: null, rate: 1 });
  });
});

describe('after-sales stages on time or late', () => {
  it('splits a history into runs of one stage, each with the deadline it had when left', () => {
    expect(stageRuns(seed.caseA).map((r) => [r.key, r.leftAt, r.dueAt])).toEqual([
      [`seller_review@${shanghai('2026-11-22T10:00:00')}`, shanghai('2026-11-23T09:00:00'), shanghai('2026-11-23T10:00:00')],
      [`seller_confirm_receipt@${shanghai('2026-11-23T09:00:00')}`, shanghai('2026-11-24T12:00:00'), shanghai('2026-11-24T10:00:00')],
      [`closed@${shanghai('2026-11-24T12:00:00')}`, null, null],
    ]);
    // A stage-text change inside one stage is one run; the current run's key is the record's stageKey.
    expect(stageRuns(seed.caseB).map((r) => r.key)).toEqual([seed.caseB.stageKey]);
    expect(caseStageKey(`case|${seed.caseA.id}|seller_review@5`, seed.caseA.id)).toBe('seller_review@5');
  });

  it('on time on the day it moved on; late on the deadline day; unseen and running apart', () => {
    expect(caseDays(seed.cases, NOW)).toEqual([
      { day: '2026-11-23', platform: 'pdd', shop: '旗舰店', onTime: 1, late: 0, unseen: 0, open: 0 },
      { day: '2026-11-24', platform: 'kuaishou', shop: seed.KS_SHOP, onTime: 0, late: 0, unseen: 1, open: 1 },
      { day: '2026-11-24', platform: 'pdd', shop: 'default', onTime: 0, late: 1, unseen: 0, open: 0 },
      { day: '2026-11-24', platform: 'pdd', shop: '旗舰店', onTime: 0, late: 1, unseen: 0, open: 0 },
    ]);
  });

  it('moving on exactly at the deadline is on time', () => {
    const c = { ...seed.caseA, stageHistory: [seed.caseA.stageHistory[0]!, { ...seed.caseA.stageHistory[1]!, seenAt: seed.caseA.stageHistory[0]!.dueAt! }] };
    expect(caseDays([c], NOW).find((r) => r.onTime > 0)?.day).toBe('2026-11-23');
  });
});

describe('alerts shown and acted on', () => {
  const rows = alertDays(seed.warnings, byId(seed.deadlines), byId(seed.cases), NOW, shopOf);

  it('one alert per clock or case stage, on the day of its first notification', () => {
    expect(rows).toEqual([
      { day: '2026-11-22', platform: 'pdd', shop: '旗舰店', fired: 1, actedOn: 1, late: 0, open: 0, excluded: 0 },
      { day: '2026-11-23', platform: 'pdd', shop: '旗舰店', fired: 1, actedOn: 0, late: 0, open: 0, excluded: 1 },
      { day: '2026-11-24', platform: 'kuaishou', shop: seed.KS_SHOP, fired: 2, actedOn: 0, late: 0, open: 1, excluded: 1 },
      { day: '2026-11-24', platform: 'pdd', shop: 'default', fired: 2, actedOn: 0, late: 1, open: 0, excluded: 1 },
      { day: '2026-11-24', platform: 'pdd', shop: '旗舰店', fired: 5, actedOn: 1, late: 3, open: 1, excluded: 0 },
    ]);
  });

  it('a case stage left after the deadline its rungs named is not acted on, even with no deadline in the history', () => {
    const c = { ...seed.caseA, stageHistory: seed.caseA.stageHistory.map(({ dueAt: _, ...e }) => e) };
    const only = seed.warnings.filter((w) => w.caseRecordId === c.id);
    expect(alertDays(only, new Map(), new Map([[c.id, c]]), NOW).map((r) => [r.day, r.actedOn, r.late])).toEqual([
      ['2026-11-22', 1, 0],
      ['2026-11-24', 0, 1],
    ]);
  });

  it('the earliest rung dates the alert whatever the order', () => {
    const reversed = alertDays([...seed.warnings].reverse(), byId(seed.deadlines), byId(seed.cases), NOW, shopOf);
    expect(reversed).toEqual(rows);
  });
});

describe('rows, summaries and chart series', () => {
  const rows = historyRows(data, loadRulePack, NOW, shopOf);
  const f = (patch: Partial<DashboardFilter> = {}): DashboardFilter => ({ period: '30d', platform: 'all', shop: 'all', ...patch });

  it('one row shape for every metric, reply first', () => {
    expect(rows.filter((r) => r.day === '2026-11-24' && r.platform === 'pdd' && r.shop === '旗舰店').map((r) => [r.kind, r.metric, r.onTime, r.late, r.excluded, r.open])).toEqual([
      ['reply', seed.HUMAN, 1, 1, 0, 0],
      ['reply', seed.VALID, 8, 3, 0, 1],
      ['aftersale', 'aftersale', 0, 1, 0, 0],
      ['alerts', 'alerts', 1, 3, 0, 1],
    ]);
    expect(facets(rows, 'all')).toEqual({ platforms: ['kuaishou', 'pdd'], shops: ['default', '快手:一店', '旗舰店'] });
    expect(facets(rows, 'pdd').shops).toEqual(['default', '旗舰店']);
  });

  it('summarises the period; misses left are today’s whatever the period', () => {
    const month = summarise(rows, f({ platform: 'pdd', shop: '旗舰店' }), NOW);
    expect(month.map((s) => [s.kind, s.metric, s.onTime, s.late, s.excluded, s.open, s.missesLeftToday, s.sampleToday])).toEqual([
      ['reply', seed.HUMAN, 1, 1, 0, 0, null, 2],
      ['reply', seed.VALID, 14, 6, 1, 1, 5, 12],
      ['aftersale', 'aftersale', 1, 1, 0, 0, null, 1],
      ['alerts', 'alerts', 2, 3, 1, 1, null, 5],
    ]);
    expect(month[1]!.rate).toBe(14 / 20);
    const today = summarise(rows, f({ period: 'today', platform: 'pdd', shop: '旗舰店' }), NOW);
    expect(today.find((s) => s.metric === seed.VALID)).toMatchObject({ onTime: 8, late: 3, overdue: 1, missesLeftToday: 5, rate: 8 / 11 });
    // A rule with no clock today still has today's misses left (none: the first miss fails the day).
    const ks = summarise(rows, f({ platform: 'kuaishou' }), NOW + 86_400_000).find((s) => s.kind === 'reply')!;
    expect([ks.onTime, ks.missesLeftToday]).toEqual([9, 0]);
  });

  it('totals for the tiles', () => {
    expect(totals(rows, f(), NOW)).toEqual({ casesOnTime: 1, casesLate: 2, casesUnseen: 1, alertsFired: 11, alertsActedOn: 2 });
    expect(totals(rows, f({ period: 'today' }), NOW)).toEqual({ casesOnTime: 0, casesLate: 2, casesUnseen: 1, alertsFired: 9, alertsActedOn: 1 });
  });

  it('daily rates per rule over 30 days, summed over the filter’s shops', () => {
    const { days, series } = rateChart(rows, f({ platform: 'pdd' }), NOW);
    expect(days).toHaveLength(30);
    expect(days.at(-1)).toBe('2026-11-24');
    const valid = series.find((s) => s.ruleId === seed.VALID)!;
    expect(valid.values.slice(-3)).toEqual([0.75, 0.6, 9 / 12]); // today: 旗舰店 8/11 + default 1/1
    expect(valid.values.slice(0, 27).every((v) => v === null)).toBe(true);
    expect(valid.passLine?.value).toBe(0.5);
    expect(series.map((s) => s.ruleId)).toEqual([seed.HUMAN, seed.VALID]);
    const alerts = alertChart(rows, f(), NOW);
    expect([alerts.fired.slice(-3), alerts.actedOn.slice(-3)]).toEqual([
      [1, 1, 9],
      [1, 0, 1],
    ]);
  });

  it('nothing stored, nothing shown', () => {
    expect(historyRows({ deadlines: [], warnings: [], cases: [] }, loadRulePack, NOW)).toEqual([]);
  });
});
