import { describe, expect, it } from 'vitest';
import {
  clockMs,
  computeMetric,
  dayStart,
  METRIC_DEFS,
  metricDefsFor,
  PDD_HUMAN_3MIN_RATE,
  PDD_VALID_REPLY_RATE,
  rateMissesLeft,
  shareMissesLeft,
  validateMetricDef,
  windowBounds,
  type MetricDef,
  type RateMetricDef,
} from '@/lib/metrics';
import { isInWindow, localMidnight } from '@/lib/rules/window';
import { PLATFORM_IDS } from '@/lib/domain/platform';
import { agent, at, buyer, buyersDay, conv, dayLog, DAY, MIN } from './build';

const CN = 480;

describe('clock times and windows', () => {
  it('parses HH:MM and HH:MM:SS; an end written with seconds includes that second', () => {
    expect(clockMs('08:00')).toBe(8 * 3600_000);
    expect(clockMs('22:59:59')).toBe((22 * 3600 + 59 * 60 + 59) * 1000);
    expect(clockMs('22:59:59', true)).toBe(23 * 3600_000);
    expect(clockMs('23:00', true)).toBe(23 * 3600_000);
    expect(clockMs('24:00', true)).toBe(24 * 3600_000);
    expect(clockMs('24:00:00', true)).toBe(24 * 3600_000);
  });

  it.each(['8:00', '24:01', '24:00:01', '08:60', '08:00:60', '25:00', '08-00', ''])('rejects %j', (bad) => {
    expect(() => clockMs(bad)).toThrow(/bad clock time/);
  });

  it('rejects an empty or inverted window', () => {
    expect(() => windowBounds(0, { start: '23:00', end: '08:00' })).toThrow(/start must be before end/);
    expect(() => windowBounds(0, { start: '08:00', end: '08:00' })).toThrow(/start must be before end/);
    expect(windowBounds(0, { start: '08:00:00', end: '08:00:00' })).toEqual([8 * 3600_000, 8 * 3600_000 + 1000]);
  });

  it('dayStart is Shanghai midnight, agrees with localMidnight, and rejects impossible dates', () => {
    expect(dayStart(DAY)).toBe(at('00:00'));
    expect(localMidnight(at('13:45'), CN)).toBe(dayStart(DAY));
    expect(dayStart('2026-12-31')).toBe(Date.parse('2026-12-30T16:00:00Z'));
    expect(dayStart('2024-02-29')).toBe(Date.parse('2024-02-28T16:00:00Z'));
    for (const bad of ['2026-02-29', '2026-13-01', '2026-11-31', '26-11-24', '2026/11/24', '']) expect(() => dayStart(bad)).toThrow(/bad day/);
  });

  it('HH:MM windows agree with isInWindow from lib/rules/window.ts', () => {
    const midnight = dayStart(DAY);
    const window = { start: '08:00', end: '23:00' };
    const [open, close] = windowBounds(midnight, window);
    for (const t of [at('07:59:59.999'), at('08:00'), at('12:00'), at('22:59:59.999'), at('23:00'), at('23:59')]) {
      expect(t >= open && t < close).toBe(isInWindow(t, window, CN));
    }
  });
});

describe('missesLeft maths (integers, basis points)', () => {
  it('the brief example: 120 units, 70 met, 50% → 20', () => {
    expect(rateMissesLeft(70, 120, 5000)).toBe(20);
  });

  it('pass lines that are not exact in binary floating point', () => {
    // Naive float maths, floor(met / 0.07) − total, gives 89 here: 7 / 0.07 = 99.99999999999999.
    expect(rateMissesLeft(7, 10, 700)).toBe(90); // 7/100 = 7% exactly still passes
    // And 135 / 0.54 = 249.99999999999997 → the float version says 114.
    expect(rateMissesLeft(135, 135, 5400)).toBe(115); // 135/250 = 54% exactly
    expect(rateMissesLeft(57, 100, 5700)).toBe(0);
    expect(rateMissesLeft(7, 10, 7000)).toBe(0);
    expect(rateMissesLeft(29, 100, 2900)).toBe(0);
    expect(rateMissesLeft(70, 100, 7000)).toBe(0);
    expect(rateMissesLeft(0, 0, 5000)).toBe(0);
    expect(rateMissesLeft(10, 10, 10000)).toBe(0);
    expect(shareMissesLeft(0, 0, 5000)).toBe(0);
    expect(shareMissesLeft(3, 10, 5000)).toBe(3); // 6/13 < 50%, 7/14 is not
  });

  it('rate: the largest k with met/(total+k) ≥ t, checked against exact rationals', () => {
    for (const t of [1, 3333, 5000, 5217, 7000, 9000, 9999, 10000]) {
      for (let total = 0; total <= 40; total++) {
        for (let met = 0; met <= total; met++) {
          const ok = (k: number) => met * 10_000 >= t * (total + k);
          const k = rateMissesLeft(met, total, t);
          if (total > 0 && !ok(0)) expect(k).toBe(0);
          else {
            expect(k === 0 || ok(k)).toBe(true);
            expect(ok(k + 1)).toBe(false);
          }
        }
      }
    }
  });

  it('share: the largest k with (bad+k)/(total+k) < t, checked against exact rationals', () => {
    for (const t of [1, 2500, 5000, 7000, 9999]) {
      for (let total = 0; total <= 40; total++) {
        for (let bad = 0; bad <= total; bad++) {
          const ok = (k: number) => (bad + k) * 10_000 < t * (total + k);
          const k = shareMissesLeft(bad, total, t);
          if (k > 0) expect(ok(k)).toBe(true);
          expect(ok(k + 1)).toBe(false);
          if (total > 0 && !ok(0)) expect(k).toBe(0);
        }
      }
    }
  });

  it('through the engine: a different pass line is just data', () => {
    const strict: RateMetricDef = { ...PDD_VALID_REPLY_RATE, passAtLeastBp: 8000 };
    const r = computeMetric(strict, buyersDay('pdd', 90, 10));
    expect(r.passes).toBe(true);
    expect(r.missesLeft).toBe(12); // 90/112 = 80.36%, 90/113 = 79.6%
  });
});

describe('definitions', () => {
  it('every definition validates; ids are unique; every platform has at least one metric', () => {
    for (const def of METRIC_DEFS) expect(() => validateMetricDef(def)).not.toThrow();
    expect(new Set(METRIC_DEFS.map((d) => d.id)).size).toBe(METRIC_DEFS.length);
    for (const platform of PLATFORM_IDS) expect(metricDefsFor(platform).length).toBeGreaterThan(0);
  });

  it('source keys belong to the platform\'s source list in platform-rules.md', () => {
    const prefix = { pdd: 'PD', taobao: 'TB', douyin: 'DY', kuaishou: 'KS', jd: 'JD' } as const;
    for (const def of METRIC_DEFS) for (const key of def.sources) expect(key).toMatch(new RegExp(`^${prefix[def.platform]}\\d+$`));
  });

  it('the published pass lines', () => {
    const line = (def: MetricDef) => (def.kind === 'rate' ? def.passAtLeastBp : def.kind === 'share' ? def.passBelowBp : def.passBelowMs);
    expect(Object.fromEntries(METRIC_DEFS.map((d) => [d.id, line(d)]))).toEqual({
      'pdd.metric.valid_reply_rate': 5000,
      'pdd.metric.human_3min_rate': null,
      'pdd.metric.answer_30s_rate': null,
      'taobao.metric.wangwang_3min_rate': null,
      'douyin.metric.session_3min_rate': null,
      'kuaishou.metric.merchant_3min_rate': 7000,
      'jd.metric.first_30s_rate': null,
      'jd.metric.avg_response': 40_000,
      'jd.metric.offline_share': 5000,
    });
  });

  it.each<[string, Partial<RateMetricDef>, RegExp]>([
    ['bad id', { id: 'pdd.reply.x' }, /id must look like/],
    ['id of another platform', { id: 'jd.metric.x' }, /must start with its platform/],
    ['no sources', { sources: [] }, /source/],
    ['pass line above 100%', { passAtLeastBp: 10_001 }, /passAtLeastBp/],
    ['fractional pass line', { passAtLeastBp: 0.5 }, /passAtLeastBp/],
    ['zero limit', { limitMs: 0 }, /limitMs/],
    ['zero sample', { minSample: 0 }, /minSample/],
    ['nothing counts as a reply', { replies: { speakers: [], kinds: ['text'] } }, /reply/],
    ['round units on a message clock', { unit: 'round' }, /round clock/],
    ['session window on buyer units', { windowOn: 'session-start' }, /session units/],
    ['inverted window', { window: { start: '23:00', end: '08:00' } }, /start must be before end/],
  ])('rejects %s', (_name, patch, message) => {
    expect(() => validateMetricDef({ ...PDD_VALID_REPLY_RATE, ...patch })).toThrow(message);
  });
});

describe('computeMetric', () => {
  it('refuses a log of another platform and a bad day', () => {
    expect(() => computeMetric(PDD_VALID_REPLY_RATE, dayLog('jd', []))).toThrow(/is for pdd, the log is jd/);
    expect(() => computeMetric(PDD_VALID_REPLY_RATE, dayLog('pdd', [], '2026-02-30'))).toThrow(/bad day/);
  });

  it('is pure: the same input gives the same result, and the input is not modified', () => {
    const log = dayLog('pdd', [conv('b', [agent('10:05'), buyer('10:00')]), conv('a', [buyer('09:00'), agent('09:01')])]);
    const copy = structuredClone(log);
    const first = computeMetric(PDD_VALID_REPLY_RATE, log);
    expect(computeMetric(PDD_VALID_REPLY_RATE, log)).toEqual(first);
    expect(log).toEqual(copy);
  });

  it('sorts messages by time, so a log in any order gives the same items (sorted by start, then key)', () => {
    const r = computeMetric(PDD_HUMAN_3MIN_RATE, dayLog('pdd', [conv('b', [agent('10:05'), buyer('10:00')]), conv('a', [buyer('10:00'), agent('10:01')])]));
    expect(r.items.map((i) => [i.key, i.waitedMs])).toEqual([
      ['a', 1 * MIN],
      ['b', 5 * MIN],
    ]);
  });

  it('a reply in the same millisecond counts when it comes after the buyer message in the log, not before', () => {
    const after = computeMetric(PDD_HUMAN_3MIN_RATE, dayLog('pdd', [conv('a', [buyer('10:00'), agent('10:00')])]));
    expect(after.items[0]).toMatchObject({ met: true, waitedMs: 0 });
    const before = computeMetric(PDD_HUMAN_3MIN_RATE, dayLog('pdd', [conv('a', [agent('10:00'), buyer('10:00')])]));
    expect(before.items[0]).toMatchObject({ status: 'missed', reason: 'unanswered' });
  });

  it('the UTC offset is an option (windows are evaluated in that zone)', () => {
    // 10:00 in Shanghai is 02:00 UTC: outside 08:00–23:00 when evaluated in UTC.
    const log = dayLog('pdd', [conv('a', [buyer('10:00'), agent('10:01')])]);
    expect(computeMetric(PDD_VALID_REPLY_RATE, log).denominator).toBe(1);
    expect(computeMetric(PDD_VALID_REPLY_RATE, log, { utcOffsetMinutes: 0 }).denominator).toBe(0);
  });
});
