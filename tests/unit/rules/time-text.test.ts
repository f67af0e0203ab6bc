import { describe, expect, it } from 'vitest';
import { parseChinaDateTime, parseDurationText, parseRecentClockTime } from '@/lib/rules/time-text';
import { shanghai } from '../helpers';

describe('parseDurationText', () => {
  it.each([
    ['2分30秒', 150_000],
    ['已等待 45秒', 45_000],
    ['1小时5分钟', 3_900_000],
    ['02:30', 150_000],
    ['01:02:30', 3_750_000],
    ['6天2时3分30秒', 6 * 86_400_000 + 2 * 3_600_000 + 3 * 60_000 + 30_000],
    ['已等待 2 分 30 秒', 150_000],
    ['10秒钟', 10_000],
    ['1.5分钟', 90_000],
    ['0秒', 0],
    ['等待 00:45', 45_000],
  ] as const)('%s → %d ms', (text, ms) => {
    expect(parseDurationText(text)).toBe(ms);
  });

  it('6天2时3分30秒 is exactly 525 810 000 ms', () => {
    expect(parseDurationText('6天2时3分30秒')).toBe(525_810_000);
  });

  it.each(['', '   ', 'abc', '刚刚', '已等待', '秒', '30 seconds', '12'])('garbage %j → null', (text) => {
    expect(parseDurationText(text)).toBeNull();
  });
});

describe('parseChinaDateTime', () => {
  it('2026年09月08日 17:30:17 (Asia/Shanghai)', () => {
    expect(parseChinaDateTime('2026年09月08日 17:30:17')).toBe(shanghai('2026-09-08T17:30:17'));
    expect(parseChinaDateTime('2026年09月08日 17:30:17')).toBe(Date.parse('2026-09-08T09:30:17Z'));
  });

  it('2026-11-25 18:00 (no seconds)', () => {
    expect(parseChinaDateTime('2026-11-25 18:00')).toBe(shanghai('2026-11-25T18:00:00'));
  });

  it('a Shanghai time after midnight is the previous UTC day', () => {
    expect(parseChinaDateTime('2026/11/25 03:15:00')).toBe(Date.parse('2026-11-24T19:15:00Z'));
  });

  it('single-digit month/day/hour and surrounding text', () => {
    expect(parseChinaDateTime('下单时间：2026.1.5 7:05')).toBe(shanghai('2026-01-05T07:05:00'));
  });

  it.each(['', '17:30', '2026年09月08日', 'yesterday'])('%j → null', (text) => {
    expect(parseChinaDateTime(text)).toBeNull();
  });

  // Date.UTC would roll 02-30 over to 03-02; the parser must say it does not understand.
  it('an impossible date returns null', () => {
    expect(parseChinaDateTime('2026-02-30 10:00')).toBeNull();
  });
});

describe('parseRecentClockTime', () => {
  it('17:30 earlier today → today', () => {
    const now = shanghai('2026-11-24T18:00:00');
    expect(parseRecentClockTime('17:30', now)).toBe(shanghai('2026-11-24T17:30:00'));
  });

  it('17:30 more than a minute in the future → yesterday', () => {
    const now = shanghai('2026-11-24T17:00:00');
    expect(parseRecentClockTime('17:30', now)).toBe(shanghai('2026-11-23T17:30:00'));
  });

  it('17:30 up to a minute in the future (clock skew) → today', () => {
    expect(parseRecentClockTime('17:30', shanghai('2026-11-24T17:29:00'))).toBe(shanghai('2026-11-24T17:30:00'));
    expect(parseRecentClockTime('17:30', shanghai('2026-11-24T17:28:59.999'))).toBe(shanghai('2026-11-23T17:30:00'));
  });

  it('uses the Shanghai day, not the UTC day: now 2026-11-23T20:00Z (04:00 on the 24th)', () => {
    const now = Date.parse('2026-11-23T20:00:00Z');
    expect(parseRecentClockTime('03:00', now)).toBe(shanghai('2026-11-24T03:00:00'));
    expect(parseRecentClockTime('23:59', now)).toBe(shanghai('2026-11-23T23:59:00'));
  });

  it('accepts seconds and a one-digit hour', () => {
    const now = shanghai('2026-11-24T18:00:00');
    expect(parseRecentClockTime('17:30:15', now)).toBe(shanghai('2026-11-24T17:30:15'));
    expect(parseRecentClockTime(' 7:05 ', now)).toBe(shanghai('2026-11-24T07:05:00'));
  });

  it.each(['25:00', '24:00', '17:60', '17:30:60', '1730', '17:30 昨天', '', 'abc'])('rejects %j', (text) => {
    expect(parseRecentClockTime(text, shanghai('2026-11-24T18:00:00'))).toBeNull();
  });
});

describe('parseDurationText never reads a date as a duration', () => {
  it.each(['2026-11-25 18:00', '2026年11月25日 18:00 前', '2026/11/25 18:00:00'])('%j → null', (text) => {
    expect(parseDurationText(text)).toBeNull();
  });
});
