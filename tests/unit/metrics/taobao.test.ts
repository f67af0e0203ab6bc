import { describe, expect, it } from 'vitest';
import { computeMetric, TAOBAO_WANGWANG_3MIN_RATE, type DayLog } from '@/lib/metrics';
import { agent, at, buyer, conv, dayLog, MIN, NEXT_DAY, robot } from './build';

const rate = (log: DayLog, now?: number) => computeMetric(TAOBAO_WANGWANG_3MIN_RATE, log, now === undefined ? {} : { now });

describe('Taobao 阿里旺旺三分钟响应率 (dialogue rounds, 08:00–24:00)', () => {
  it('two rounds in one conversation: the follow-up question stays in round 1; round 2 is late → 1/2', () => {
    const r = rate(
      dayLog('taobao', [
        conv('a', [
          buyer('10:00'),
          buyer('10:01'), // same round
          agent('10:02'), // round 1: 2 min from its first question → met
          agent('10:02:30'), // a second answer opens nothing
          buyer('10:30'),
          agent('10:34'), // round 2: 4 min → missed
        ]),
      ]),
    );
    expect([r.numerator, r.denominator]).toEqual([1, 2]);
    expect(r.items).toEqual([
      { key: 'a#1', startedAt: at('10:00'), answeredAt: at('10:02'), waitedMs: 2 * MIN, met: true, status: 'met', reason: null, clocks: 1 },
      { key: 'a#2', startedAt: at('10:30'), answeredAt: at('10:34'), waitedMs: 4 * MIN, met: false, status: 'missed', reason: 'late', clocks: 1 },
    ]);
  });

  it('the round is timed from its FIRST question, not the last one before the answer', () => {
    const r = rate(dayLog('taobao', [conv('a', [buyer('10:00'), buyer('10:02'), agent('10:03:30')])]));
    expect(r.items[0]).toMatchObject({ met: false, waitedMs: 3.5 * 60_000 });
  });

  it('an unattended robot reply does not end the round', () => {
    const r = rate(dayLog('taobao', [conv('a', [buyer('10:00'), robot('10:00:05'), agent('10:04')])]));
    expect(r.items).toHaveLength(1);
    expect(r.items[0]).toMatchObject({ status: 'missed', answeredAt: at('10:04') });
  });

  it('a round with no human reply is excluded from both sides (stated rule)', () => {
    const r = rate(dayLog('taobao', [conv('a', [buyer('10:00'), agent('10:01')]), conv('b', [buyer('15:00'), robot('15:00:02')])]));
    expect([r.numerator, r.denominator, r.excluded]).toEqual([1, 1, 1]);
    expect(r.items.find((i) => i.key === 'b#1')).toMatchObject({ status: 'excluded', reason: 'no-human-reply' });
  });

  it('live: an overdue round is excluded while unanswered and becomes a miss once a human answers late', () => {
    const log = dayLog('taobao', [conv('a', [buyer('10:00'), agent('10:10')])]);
    expect(rate(log, at('10:02')).items[0]?.status).toBe('pending');
    expect(rate(log, at('10:05')).items[0]).toMatchObject({ status: 'excluded', reason: 'no-human-reply' });
    expect(rate(log, at('10:10')).items[0]).toMatchObject({ status: 'missed', reason: 'late' });
  });

  it('a round crossing midnight is excluded, even when answered within 3 minutes', () => {
    const r = rate(dayLog('taobao', [conv('a', [buyer('23:59'), agent('00:01', undefined, NEXT_DAY)]), conv('b', [buyer('23:58'), agent('23:59:59')])]));
    expect(r.items.map((i) => [i.key, i.status, i.reason])).toEqual([
      ['b#1', 'met', null],
      ['a#1', 'excluded', 'crosses-midnight'],
    ]);
    expect([r.numerator, r.denominator]).toEqual([1, 1]);
  });

  it('window edges: a round opened at 23:59:59 counts; rounds of the next day do not', () => {
    const r = rate(dayLog('taobao', [conv('a', [buyer('23:59:59'), agent('23:59:59.500')]), conv('b', [buyer('00:00', NEXT_DAY), agent('00:01', undefined, NEXT_DAY)])]));
    expect(r.items.map((i) => i.key)).toEqual(['a#1']);
  });

  it('before 08:00: a round still open at 08:00 is timed from 08:00 (strictest); one answered before 08:00 is not assessed', () => {
    const r = rate(
      dayLog('taobao', [
        conv('a', [buyer('07:50'), agent('08:02')]), // 2 min after 08:00 → met
        conv('b', [buyer('07:58'), agent('08:04')]), // 4 min after 08:00 → missed
        conv('c', [buyer('07:00'), agent('07:01')]), // answered before the window opens
      ]),
    );
    expect(r.items.map((i) => [i.key, i.startedAt, i.waitedMs, i.status])).toEqual([
      ['a#1', at('08:00'), 2 * MIN, 'met'],
      ['b#1', at('08:00'), 4 * MIN, 'missed'],
    ]);
  });

  it('cards do not end a round', () => {
    const r = rate(dayLog('taobao', [conv('a', [buyer('10:00'), agent('10:00:10', 'card'), agent('10:05')])]));
    expect(r.items[0]).toMatchObject({ status: 'missed', answeredAt: at('10:05') });
  });

  it('no published pass line: passes and missesLeft are null; always assessed', () => {
    const r = rate(dayLog('taobao', [conv('a', [buyer('10:00'), agent('10:01')])]));
    expect(r).toMatchObject({ threshold: null, passes: null, missesLeft: null, assessed: true, rate: 1 });
  });
});
