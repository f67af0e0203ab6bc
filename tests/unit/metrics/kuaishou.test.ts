import { describe, expect, it } from 'vitest';
import { computeMetric, KUAISHOU_MERCHANT_3MIN_RATE, type DayLog, type RateMetricDef } from '@/lib/metrics';
import { agent, at, buyer, buyersDay, conv, dayLog, MIN, NEXT_DAY, PREV_DAY, robot } from './build';

const rate = (log: DayLog, now?: number, def: RateMetricDef = KUAISHOU_MERCHANT_3MIN_RATE) => computeMetric(def, log, now === undefined ? {} : { now });

describe('Kuaishou 商户客服3分钟回复率 (buyer per natural day, 08:00–24:00, ≥70%)', () => {
  it('a message at 23:59 answered at 00:01 the next day is missed: the natural day ends at 24:00 (strictest)', () => {
    const log = dayLog('kuaishou', [conv('a', [buyer('23:59'), agent('00:01', undefined, NEXT_DAY)])]);
    const r = rate(log);
    expect(r.items[0]).toMatchObject({ key: 'a', status: 'missed', reason: 'reply-after-midnight', answeredAt: at('00:01', NEXT_DAY), waitedMs: 2 * MIN });
    expect([r.numerator, r.denominator]).toEqual([0, 1]);
  });

  it('…and met under the alternative reading where replies after midnight continue to count', () => {
    const lenient: RateMetricDef = { ...KUAISHOU_MERCHANT_3MIN_RATE, midnight: 'continue' };
    const r = rate(dayLog('kuaishou', [conv('a', [buyer('23:59'), agent('00:01', undefined, NEXT_DAY)])]), undefined, lenient);
    expect(r.items[0]).toMatchObject({ status: 'met', waitedMs: 2 * MIN });
  });

  it('live at 23:59:30 the 23:59 message is pending; at 00:00:00 it is missed although its 3 minutes have not run out', () => {
    const log = dayLog('kuaishou', [conv('a', [buyer('23:59')])]);
    expect(rate(log, at('23:59:30')).items[0]?.status).toBe('pending');
    expect(rate(log, at('00:00', NEXT_DAY)).items[0]).toMatchObject({ status: 'missed', reason: 'unanswered' });
  });

  it('the previous day\'s 23:59 message belongs to the previous day, not to this one', () => {
    const r = rate(dayLog('kuaishou', [conv('a', [buyer('23:59', PREV_DAY), agent('00:01')])]));
    expect(r.items).toEqual([]);
  });

  it('10 buyers, 7 met → exactly 70% passes, 0 misses left (7/11 < 70%)', () => {
    const r = rate(buyersDay('kuaishou', 7, 3, '10:04'));
    expect([r.numerator, r.denominator]).toEqual([7, 10]);
    expect(r.threshold).toEqual({ atLeastBp: 7000 });
    expect(r.assessed).toBe(true);
    expect(r.passes).toBe(true);
    expect(r.missesLeft).toBe(0);
  });

  it('10 buyers, 8 met → 1 miss left (8/11 = 72.7%, 8/12 = 66.7%)', () => {
    const r = rate(buyersDay('kuaishou', 8, 2, '10:04'));
    expect(r.missesLeft).toBe(1);
  });

  it('10 buyers, 6 met → fails, 0 left', () => {
    const r = rate(buyersDay('kuaishou', 6, 4, '10:04'));
    expect(r.passes).toBe(false);
    expect(r.missesLeft).toBe(0);
  });

  it('a buyer counts once per day: any one message left >3 min without a reply misses the buyer', () => {
    const r = rate(dayLog('kuaishou', [conv('a', [buyer('09:00'), agent('09:01'), buyer('20:00'), agent('20:03:01')])]));
    expect([r.numerator, r.denominator]).toEqual([0, 1]);
    expect(r.items[0]).toMatchObject({ startedAt: at('20:00'), reason: 'late', clocks: 2 });
  });

  it('robot replies do not count (human only, strictest)', () => {
    const r = rate(dayLog('kuaishou', [conv('a', [buyer('10:00'), robot('10:00:01'), agent('10:05')])]));
    expect(r.items[0]).toMatchObject({ met: false, waitedMs: 5 * MIN });
  });

  it('a message at 07:59 still unanswered at 08:00 is timed from 08:00', () => {
    const r = rate(dayLog('kuaishou', [conv('a', [buyer('07:59'), agent('08:02')]), conv('b', [buyer('07:59'), agent('08:04')])]));
    expect(r.items.map((i) => [i.key, i.startedAt, i.met])).toEqual([
      ['a', at('08:00'), true],
      ['b', at('08:00'), false],
    ]);
  });
});
