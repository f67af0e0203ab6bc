import { describe, expect, it } from 'vitest';
import { computeMetric, PDD_ANSWER_30S_RATE, PDD_HUMAN_3MIN_RATE, PDD_VALID_REPLY_RATE } from '@/lib/metrics';
import { agent, at, buyer, buyersDay, conv, dayLog, MIN, robot, SEC, system } from './build';

const valid = (log: Parameters<typeof computeMetric>[1], now?: number) => computeMetric(PDD_VALID_REPLY_RATE, log, now === undefined ? {} : { now });
const human = (log: Parameters<typeof computeMetric>[1], now?: number) => computeMetric(PDD_HUMAN_3MIN_RATE, log, now === undefined ? {} : { now });

describe('PDD 有效回复率 (buyer per day, 60 min, any merchant reply)', () => {
  it('3 buyers, one answered after 61 minutes → 2/3, not assessed (< 100 buyers)', () => {
    const r = valid(
      dayLog('pdd', [
        conv('a', [buyer('09:00'), agent('09:02')]),
        conv('b', [buyer('10:00'), agent('11:01')]), // 61 min
        conv('c', [buyer('14:00'), agent('14:59')]), // 59 min
      ]),
    );
    expect(r.numerator).toBe(2);
    expect(r.denominator).toBe(3);
    expect(r.rate).toBeCloseTo(2 / 3, 12);
    expect(r.threshold).toEqual({ atLeastBp: 5000 });
    expect(r.sample).toBe(3);
    expect(r.minSample).toBe(100);
    expect(r.assessed).toBe(false);
    expect(r.passes).toBeNull();
    // 2/(3+1) = 50% still passes, 2/5 does not.
    expect(r.missesLeft).toBe(1);
    const b = r.items.find((i) => i.key === 'b');
    expect(b).toMatchObject({ met: false, status: 'missed', reason: 'late', waitedMs: 61 * MIN, startedAt: at('10:00'), answeredAt: at('11:01') });
  });

  it('120 buyers, 70 validly answered → assessed, passes, 20 misses left (70/140 = 50%)', () => {
    const r = valid(buyersDay('pdd', 70, 50));
    expect([r.numerator, r.denominator, r.sample]).toEqual([70, 120, 120]);
    expect(r.assessed).toBe(true);
    expect(r.passes).toBe(true);
    expect(r.missesLeft).toBe(20);
    expect(r.items).toHaveLength(120);
  });

  it('120 buyers, exactly 60 met → 50% passes (inclusive), 0 misses left', () => {
    const r = valid(buyersDay('pdd', 60, 60));
    expect(r.rate).toBe(0.5);
    expect(r.passes).toBe(true);
    expect(r.missesLeft).toBe(0);
  });

  it('120 buyers, 59 met → fails, 0 misses left', () => {
    const r = valid(buyersDay('pdd', 59, 61));
    expect(r.passes).toBe(false);
    expect(r.missesLeft).toBe(0);
  });

  it('100 consulting buyers is assessed, 99 is not (the seed says ≥100)', () => {
    expect(valid(buyersDay('pdd', 40, 60)).assessed).toBe(true);
    expect(valid(buyersDay('pdd', 40, 60)).passes).toBe(false);
    expect(valid(buyersDay('pdd', 40, 59)).assessed).toBe(false);
    expect(valid(buyersDay('pdd', 40, 59)).passes).toBeNull();
  });

  it('a robot reply does not count: the clock runs on to the human reply', () => {
    const r = valid(dayLog('pdd', [conv('a', [buyer('10:00'), robot('10:00:05'), agent('11:05')])]));
    expect(r.items[0]).toMatchObject({ status: 'missed', reason: 'late', answeredAt: at('11:05'), waitedMs: 65 * MIN });
    // Robot only, never a human → unanswered.
    const only = valid(dayLog('pdd', [conv('a', [buyer('10:00'), robot('10:00:05')])]));
    expect(only.items[0]).toMatchObject({ status: 'missed', reason: 'unanswered', answeredAt: null, waitedMs: null });
  });

  it('system messages and automatic messages from the agent account do not count', () => {
    const r = valid(dayLog('pdd', [conv('a', [buyer('10:00'), system('10:00:01'), agent('10:00:02', 'auto'), agent('11:30')])]));
    expect(r.items[0]).toMatchObject({ status: 'missed', answeredAt: at('11:30') });
  });

  it('a product card counts for 有效回复率 but not for 3分钟人工回复率', () => {
    const log = dayLog('pdd', [conv('a', [buyer('10:00'), agent('10:01', 'card'), agent('10:10')])]);
    expect(valid(log).items[0]).toMatchObject({ met: true, answeredAt: at('10:01'), waitedMs: 1 * MIN });
    expect(human(log).items[0]).toMatchObject({ met: false, reason: 'late', answeredAt: at('10:10'), waitedMs: 10 * MIN });
  });

  it('a coupon counts for 有效回复率', () => {
    const log = dayLog('pdd', [conv('a', [buyer('10:00'), agent('10:30', 'coupon')])]);
    expect(valid(log).numerator).toBe(1);
    expect(human(log).numerator).toBe(0);
  });

  it('any one message unanswered makes the buyer not validly answered, even when the others were answered', () => {
    const r = valid(dayLog('pdd', [conv('a', [buyer('10:00'), agent('10:01'), buyer('15:00'), buyer('15:01')])]));
    expect([r.numerator, r.denominator]).toEqual([0, 1]);
    expect(r.items[0]).toMatchObject({ key: 'a', status: 'missed', reason: 'unanswered', startedAt: at('15:00'), clocks: 3 });
  });

  it('a met buyer reports the longest wait of the day', () => {
    const r = valid(dayLog('pdd', [conv('a', [buyer('10:00'), agent('10:01'), buyer('12:00'), agent('12:40'), buyer('13:00'), agent('13:02')])]));
    expect(r.items[0]).toMatchObject({ met: true, startedAt: at('12:00'), waitedMs: 40 * MIN, clocks: 3 });
  });

  it('every message has its own clock: the second message of a burst answered late is judged from its own time', () => {
    // 10:00 and 10:30 both answered at 11:05: the 10:00 one waited 65 min → missed.
    const r = valid(dayLog('pdd', [conv('a', [buyer('10:00'), buyer('10:30'), agent('11:05')])]));
    expect(r.items[0]).toMatchObject({ status: 'missed', startedAt: at('10:00'), waitedMs: 65 * MIN });
  });

  it('exactly 60:00 is still valid, 60:00.001 is not', () => {
    const ok = valid(dayLog('pdd', [conv('a', [buyer('10:00'), { at: at('10:00') + 60 * MIN, speaker: 'agent' }])]));
    const late = valid(dayLog('pdd', [conv('a', [buyer('10:00'), { at: at('10:00') + 60 * MIN + 1, speaker: 'agent' }])]));
    expect(ok.items[0]?.met).toBe(true);
    expect(late.items[0]?.met).toBe(false);
  });

  it('each buyer counts once per day, across several conversations', () => {
    const r = valid(dayLog('pdd', [conv('a', [buyer('09:00'), agent('09:01')]), conv('a', [buyer('16:00'), agent('16:01')]), conv('b', [buyer('12:00'), agent('12:01')])]));
    expect([r.numerator, r.denominator]).toEqual([2, 2]);
  });

  it('window 08:00–23:00: 07:59:59 and 23:00:00 are not consultations of the day; 08:00:00 and 22:59:59 are', () => {
    const r = valid(
      dayLog('pdd', [
        conv('early', [buyer('07:59:59')]),
        conv('late', [buyer('23:00:00')]),
        conv('open', [buyer('08:00:00'), agent('08:30')]),
        conv('close', [buyer('22:59:59'), agent('23:40')]), // the reply after 23:00 still counts (41 min)
      ]),
    );
    expect(r.items.map((i) => [i.key, i.status])).toEqual([
      ['open', 'met'],
      ['close', 'met'],
    ]);
  });

  it('a buyer whose only in-window message was answered is met even if an out-of-window message was not', () => {
    const r = valid(dayLog('pdd', [conv('a', [buyer('07:00'), buyer('09:00'), agent('09:05'), buyer('23:30')])]));
    // 07:00 is answered at 09:05 too, but it is not assessed; 23:30 is outside.
    expect(r.items).toHaveLength(1);
    expect(r.items[0]).toMatchObject({ met: true, clocks: 1, startedAt: at('09:00') });
  });

  it('live: an unanswered message is pending until its 60 minutes run out, then missed', () => {
    const log = dayLog('pdd', [conv('a', [buyer('10:00')]), conv('b', [buyer('09:00'), agent('09:01')])]);
    const early = valid(log, at('10:30'));
    expect(early.items.find((i) => i.key === 'a')?.status).toBe('pending');
    expect([early.numerator, early.denominator, early.pending, early.sample]).toEqual([1, 1, 1, 2]);
    expect(early.rate).toBe(1);
    expect(valid(log, at('11:00')).items.find((i) => i.key === 'a')?.status).toBe('pending'); // 60:00 exactly
    expect(valid(log, at('11:00') + 1).items.find((i) => i.key === 'a')).toMatchObject({ status: 'missed', reason: 'unanswered' });
  });

  it('live: messages after `now` are ignored, so a reply that has not happened yet does not count', () => {
    const log = dayLog('pdd', [conv('a', [buyer('10:00'), agent('10:50')])]);
    expect(valid(log, at('10:40')).items[0]?.status).toBe('pending');
    expect(valid(log, at('10:50')).items[0]?.status).toBe('met');
    expect(valid(log, at('09:00')).items).toEqual([]);
  });

  it('an empty day: rate null, passes null, not assessed, 0 misses left', () => {
    const r = valid(dayLog('pdd', []));
    expect(r).toMatchObject({ numerator: 0, denominator: 0, rate: null, value: null, assessed: false, passes: null, missesLeft: 0, items: [] });
  });
});

describe('PDD 3分钟人工回复率 (buyer per day, any message >3 min without a human reply)', () => {
  it('2 of 3 buyers → 2/3; no published pass line → passes and missesLeft null', () => {
    const r = human(
      dayLog('pdd', [
        conv('a', [buyer('09:00'), agent('09:03')]), // exactly 3:00 → met
        conv('b', [buyer('10:00'), agent('10:03:01')]), // 3:01 → missed
        conv('c', [buyer('11:00'), agent('11:00:30')]),
      ]),
    );
    expect([r.numerator, r.denominator]).toEqual([2, 3]);
    expect(r.threshold).toBeNull();
    expect(r.assessed).toBe(true);
    expect(r.passes).toBeNull();
    expect(r.missesLeft).toBeNull();
  });

  it('a robot answer within seconds does not save the buyer', () => {
    const r = human(dayLog('pdd', [conv('a', [buyer('10:00'), robot('10:00:01'), agent('10:04')])]));
    expect(r.items[0]).toMatchObject({ met: false, waitedMs: 4 * MIN });
  });

  it('a buyer met on the 60-minute rule can be missed on the 3-minute rule', () => {
    const log = dayLog('pdd', [conv('a', [buyer('10:00'), agent('10:20')])]);
    expect(valid(log).numerator).toBe(1);
    expect(human(log).numerator).toBe(0);
  });

  it('live: pending for 3 minutes only', () => {
    const log = dayLog('pdd', [conv('a', [buyer('10:00')])]);
    expect(human(log, at('10:02:59')).pending).toBe(1);
    expect(human(log, at('10:03:01')).items[0]).toMatchObject({ status: 'missed', reason: 'unanswered' });
  });
});

describe('PDD 30秒应答率 (modelled per buyer, 30 s, human)', () => {
  it('30 s is met, 31 s is missed', () => {
    const r = computeMetric(
      PDD_ANSWER_30S_RATE,
      dayLog('pdd', [conv('a', [buyer('10:00:00'), agent('10:00:30')]), conv('b', [buyer('10:00:00'), agent('10:00:31')])]),
    );
    expect(r.items.map((i) => [i.key, i.met, i.waitedMs])).toEqual([
      ['a', true, 30 * SEC],
      ['b', false, 31 * SEC],
    ]);
    expect(r.passes).toBeNull();
  });
});
