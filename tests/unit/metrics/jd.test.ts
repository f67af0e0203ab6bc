import { describe, expect, it } from 'vitest';
import { computeDayMetrics, computeMetric, JD_AVERAGE_RESPONSE, JD_FIRST_30S_RATE, JD_OFFLINE_SHARE, type DayLog, type LogConversation } from '@/lib/metrics';
import { agent, at, buyer, conv, dayLog, NEXT_DAY, SEC, session } from './build';

const first = (log: DayLog) => computeMetric(JD_FIRST_30S_RATE, log);
const average = (log: DayLog) => computeMetric(JD_AVERAGE_RESPONSE, log);
const share = (log: DayLog) => computeMetric(JD_OFFLINE_SHARE, log);

/** A session started at `start` whose first buyer message is answered after `waitSec` seconds (null = never). */
const answered = (id: string, start: string, waitSec: number | null, offline = false): LogConversation => {
  const messages = [buyer(start)];
  if (waitSec !== null) messages.push({ at: at(start) + waitSec * SEC, speaker: 'agent' });
  return conv(id, messages, [session('s', start, { offline })]);
};

describe('JD 咚咚首次30秒应答率 (sessions started 09:00–23:00, first response)', () => {
  it('30 s is met, 31 s is missed; only the first consultation of the session is scored', () => {
    const r = first(
      dayLog('jd', [
        answered('a', '10:00', 30),
        answered('b', '10:00', 31),
        conv('c', [buyer('11:00'), agent('11:00:10'), buyer('11:05'), agent('11:20')], [session('s', '11:00')]), // late 2nd question ignored
      ]),
    );
    expect(r.items.map((i) => [i.key, i.met, i.waitedMs])).toEqual([
      ['a#s', true, 30 * SEC],
      ['b#s', false, 31 * SEC],
      ['c#s', true, 10 * SEC],
    ]);
    expect([r.numerator, r.denominator]).toEqual([2, 3]);
    expect(r.passes).toBeNull(); // no published 30 s pass line
    expect(r.missesLeft).toBeNull();
  });

  it('a session started at 08:56 and answered at 09:01 is excluded; 09:00:00 is in; 23:00:00 is out', () => {
    const r = first(
      dayLog('jd', [
        conv('early', [buyer('08:56'), agent('09:01')], [session('s', '08:56')]),
        answered('open', '09:00:00', 5),
        answered('last', '22:59:59', 40),
        answered('close', '23:00:00', 5),
      ]),
    );
    expect(r.items.map((i) => [i.key, i.met])).toEqual([
      ['open#s', true],
      ['last#s', false],
    ]);
  });

  it('a 留言 (offline) session is left out of the 30 s rate', () => {
    const r = first(dayLog('jd', [answered('a', '10:00', 10), answered('b', '10:05', null, true)]));
    expect([r.numerator, r.denominator, r.excluded]).toEqual([1, 1, 1]);
    expect(r.items.find((i) => i.key === 'b#s')).toMatchObject({ status: 'excluded', reason: 'offline' });
  });

  it('a session never answered (not 留言) is missed', () => {
    const r = first(dayLog('jd', [answered('a', '10:00', null)]));
    expect(r.items[0]).toMatchObject({ status: 'missed', reason: 'unanswered' });
  });
});

describe('JD 咚咚平均响应时长 (< 40 s)', () => {
  it('10 s, 20 s, 60 s → 30 s average, passes; the unanswered and the 留言 sessions are left out', () => {
    const r = average(dayLog('jd', [answered('a', '10:00', 10), answered('b', '11:00', 20), answered('c', '12:00', 60), answered('d', '13:00', null), answered('e', '14:00', null, true)]));
    expect(r.kind).toBe('average');
    expect([r.numerator, r.denominator]).toEqual([90 * SEC, 3]);
    expect(r.value).toBe(30 * SEC);
    expect(r.rate).toBeNull();
    expect(r.threshold).toEqual({ belowMs: 40 * SEC });
    expect(r.passes).toBe(true);
    expect(r.missesLeft).toBeNull();
    expect(r.excluded).toBe(2);
    expect(r.items.find((i) => i.key === 'c#s')).toMatchObject({ status: 'missed', reason: 'late', waitedMs: 60 * SEC });
  });

  it('an average of exactly 40 s fails (< 40 s required)', () => {
    const r = average(dayLog('jd', [answered('a', '10:00', 30), answered('b', '11:00', 50)]));
    expect(r.value).toBe(40 * SEC);
    expect(r.passes).toBe(false);
  });

  it('sessions outside 09:00–23:00 are not averaged; no answered session → value and passes null', () => {
    const r = average(dayLog('jd', [answered('a', '08:59:59', 100), answered('b', '23:30', 100)]));
    expect(r).toMatchObject({ value: null, passes: null, denominator: 0, items: [] });
  });
});

describe('JD 留言率 (< 50%)', () => {
  it('4 留言 of 10 sessions → 40%, passes, 1 more 留言 allowed (5/11 < 50%, 6/12 is not)', () => {
    const conversations = [...Array.from({ length: 6 }, (_, i) => answered(`on${i}`, '10:00', 5)), ...Array.from({ length: 4 }, (_, i) => answered(`off${i}`, '12:00', null, true))];
    const r = share(dayLog('jd', conversations));
    expect([r.numerator, r.denominator]).toEqual([4, 10]);
    expect(r.rate).toBe(0.4);
    expect(r.threshold).toEqual({ belowBp: 5000 });
    expect(r.passes).toBe(true);
    expect(r.missesLeft).toBe(1);
    expect(r.items.filter((i) => !i.met).every((i) => i.reason === 'offline')).toBe(true);
  });

  it('a session arriving 23:00–09:00 counts as 留言 even when flagged online → 5/10 = 50% fails, 0 left', () => {
    const conversations = [
      ...Array.from({ length: 5 }, (_, i) => answered(`on${i}`, '10:00', 5)),
      ...Array.from({ length: 4 }, (_, i) => answered(`off${i}`, '12:00', null, true)),
      answered('night', '23:30', 5),
    ];
    const r = share(dayLog('jd', conversations));
    expect([r.numerator, r.denominator]).toEqual([5, 10]);
    expect(r.passes).toBe(false);
    expect(r.missesLeft).toBe(0);
    expect(r.items.find((i) => i.key === 'night#s')).toMatchObject({ met: false, reason: 'outside-hours' });
  });

  it('the early morning counts too: sessions from 00:00 are in the day, those of the next day are not', () => {
    const r = share(dayLog('jd', [answered('a', '00:00', 5), answered('b', '09:00', 5), conv('c', [buyer('00:00', NEXT_DAY)], [{ id: 's', startedAt: at('00:00', NEXT_DAY) }])]));
    expect(r.items.map((i) => [i.key, i.reason])).toEqual([
      ['a#s', 'outside-hours'],
      ['b#s', null],
    ]);
  });
});

describe('computeDayMetrics', () => {
  it('gives the three JD metrics for a JD log', () => {
    const results = computeDayMetrics(dayLog('jd', [answered('a', '10:00', 10)]));
    expect(results.map((r) => [r.metric, r.kind, r.value])).toEqual([
      ['jd.metric.first_30s_rate', 'rate', 1],
      ['jd.metric.avg_response', 'average', 10 * SEC],
      ['jd.metric.offline_share', 'share', 0],
    ]);
  });
});
