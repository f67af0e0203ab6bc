import { describe, expect, it } from 'vitest';
import { computeMetric, DOUYIN_SESSION_3MIN_RATE, type DayLog } from '@/lib/metrics';
import { agent, at, buyer, conv, dayLog, MIN, robot, SEC, session, system } from './build';

const rate = (log: DayLog, now?: number) => computeMetric(DOUYIN_SESSION_3MIN_RATE, log, now === undefined ? {} : { now });

describe('Douyin 三分钟回复率(会话) (sessions after transfer to a human, 08:00:00–22:59:59)', () => {
  it('the clock runs from the transfer to a human, not from the first buyer message', () => {
    const messages = [buyer('10:00'), robot('10:00:02'), buyer('10:04:50'), agent('10:07')];
    const transferred = rate(dayLog('douyin', [conv('a', messages, [session('s1', '10:00', { humanFrom: '10:05' })])]));
    expect(transferred.items).toEqual([
      { key: 'a#s1', startedAt: at('10:05'), answeredAt: at('10:07'), waitedMs: 2 * MIN, met: true, status: 'met', reason: null, clocks: 1 },
    ]);
    // The same messages with no robot phase (human from the session start): 7 minutes → 0.
    const direct = rate(dayLog('douyin', [conv('a', messages, [session('s1', '10:00')])]));
    expect(direct.items[0]).toMatchObject({ startedAt: at('10:00'), waitedMs: 7 * MIN, met: false });
  });

  it('with nothing pending at the transfer, the clock starts at the first buyer message after it', () => {
    const r = rate(dayLog('douyin', [conv('a', [system('10:00'), buyer('10:10'), agent('10:12')], [session('s1', '10:00', { humanFrom: '10:00' })])]));
    expect(r.items[0]).toMatchObject({ startedAt: at('10:10'), waitedMs: 2 * MIN, met: true });
  });

  it('every round of the session must be answered within 3 minutes: one late round scores the session 0', () => {
    const r = rate(
      dayLog('douyin', [
        conv('a', [buyer('10:00'), agent('10:01'), buyer('10:20'), agent('10:24')], [session('s1', '10:00')]),
        conv('b', [buyer('11:00'), agent('11:01'), buyer('11:20'), agent('11:22')], [session('s1', '11:00')]),
      ]),
    );
    expect([r.numerator, r.denominator]).toEqual([1, 2]);
    expect(r.items[0]).toMatchObject({ key: 'a#s1', met: false, startedAt: at('10:20'), waitedMs: 4 * MIN, clocks: 2 });
    expect(r.items[1]).toMatchObject({ key: 'b#s1', met: true, waitedMs: 2 * MIN, clocks: 2 });
  });

  it('a session that fell into offline messages (未分配客服) scores 0', () => {
    const r = rate(dayLog('douyin', [conv('a', [buyer('10:00')], [session('s1', '10:00', { offline: true })]), conv('b', [buyer('10:00'), agent('10:01')], [session('s1', '10:00')])]));
    expect([r.numerator, r.denominator]).toEqual([1, 2]);
    expect(r.items.find((i) => i.key === 'a#s1')).toMatchObject({ status: 'missed', reason: 'offline', clocks: 0 });
  });

  it('a session with only the system welcome and no human reply scores 0', () => {
    const r = rate(dayLog('douyin', [conv('a', [buyer('10:00'), system('10:00:01'), agent('10:00:02', 'auto')], [session('s1', '10:00')])]));
    expect(r.items[0]).toMatchObject({ status: 'missed', reason: 'unanswered' });
  });

  it('window edge: a round whose clock starts at 22:59:59 counts; at 23:00:00 it does not', () => {
    const inside = rate(dayLog('douyin', [conv('a', [buyer('22:59:59'), agent('23:01:30')], [session('s1', '22:59:59')])]));
    expect(inside.items).toHaveLength(1);
    expect(inside.items[0]).toMatchObject({ met: true, waitedMs: 91 * SEC });
    const lastMs = rate(dayLog('douyin', [conv('a', [buyer('22:59:59.999'), agent('23:05')], [session('s1', '22:59:59.999')])]));
    expect(lastMs.items[0]).toMatchObject({ met: false });
    const outside = rate(dayLog('douyin', [conv('a', [buyer('23:00:00'), agent('23:10')], [session('s1', '23:00:00')])]));
    expect(outside.items).toEqual([]);
    expect(outside.rate).toBeNull();
  });

  it('window edge: the transfer decides when the clock starts — transferred at 23:00:00 is outside', () => {
    const r = rate(dayLog('douyin', [conv('a', [buyer('22:58'), robot('22:58:01'), agent('23:10')], [session('s1', '22:58', { humanFrom: '23:00:00' })])]));
    expect(r.items).toEqual([]);
  });

  it('a round still open at 08:00:00 is timed from 08:00:00 (strictest)', () => {
    const r = rate(dayLog('douyin', [conv('a', [buyer('07:59'), agent('08:03:30')], [session('s1', '07:59')])]));
    expect(r.items[0]).toMatchObject({ startedAt: at('08:00'), waitedMs: 3.5 * 60_000, met: false });
  });

  it('an agent card does not count as a reply (C2: typed text, emoji, images)', () => {
    const r = rate(dayLog('douyin', [conv('a', [buyer('10:00'), agent('10:00:30', 'card'), agent('10:05')], [session('s1', '10:00')])]));
    expect(r.items[0]).toMatchObject({ met: false, answeredAt: at('10:05') });
  });

  it('messages go to the latest session started at or before them: two sessions, two units', () => {
    const r = rate(dayLog('douyin', [conv('a', [buyer('10:00'), agent('10:01'), buyer('15:00'), agent('15:10')], [session('s2', '15:00'), session('s1', '10:00')])]));
    expect(r.items.map((i) => [i.key, i.met])).toEqual([
      ['a#s1', true],
      ['a#s2', false],
    ]);
  });

  it('without logged sessions, a buyer\'s messages form one session from the first buyer message', () => {
    const r = rate(dayLog('douyin', [conv('a', [buyer('10:00'), agent('10:01')])]));
    expect(r.items).toEqual([{ key: 'a', startedAt: at('10:00'), answeredAt: at('10:01'), waitedMs: MIN, met: true, status: 'met', reason: null, clocks: 1 }]);
  });

  it('live: a session whose transfer has not happened yet is not counted', () => {
    const log = dayLog('douyin', [conv('a', [buyer('10:00'), robot('10:00:02')], [session('s1', '10:00', { humanFrom: '10:05' })])]);
    expect(rate(log, at('10:04')).items).toEqual([]);
    expect(rate(log, at('10:06')).items[0]).toMatchObject({ status: 'pending', startedAt: at('10:05') });
    expect(rate(log, at('10:08:01')).items[0]).toMatchObject({ status: 'missed', reason: 'unanswered' });
  });

  it('no reliable pass line: passes and missesLeft null', () => {
    const r = rate(dayLog('douyin', [conv('a', [buyer('10:00'), agent('10:01')])]));
    expect(r).toMatchObject({ threshold: null, passes: null, missesLeft: null });
  });
});
