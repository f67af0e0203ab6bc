import { describe, expect, it } from 'vitest';
import { joinDuration, ladderText, ladderWords, parseLadderText, parseWhole, spanText, splitDuration } from '@/components/options/durations';

describe('durations in agent units', () => {
  it('shows milliseconds in the largest whole unit, hours up to three days', () => {
    expect(splitDuration(180_000)).toEqual({ value: '3', unit: 'm' });
    expect(splitDuration(30_000)).toEqual({ value: '30', unit: 's' });
    expect(splitDuration(172_800_000)).toEqual({ value: '48', unit: 'h' });
    expect(splitDuration(259_200_000)).toEqual({ value: '72', unit: 'h' });
    expect(splitDuration(432_000_000)).toEqual({ value: '5', unit: 'd' });
    expect(splitDuration(5_400_000)).toEqual({ value: '90', unit: 'm' });
  });
  it('keeps to the units offered, with decimals when none divides', () => {
    expect(splitDuration(3_600_000, ['m', 'h'])).toEqual({ value: '1', unit: 'h' });
    expect(splitDuration(90_000, ['m', 'h'])).toEqual({ value: '1.5', unit: 'm' });
  });
  it('turns what was typed back into whole milliseconds', () => {
    expect(joinDuration({ value: '3', unit: 'm' })).toEqual({ ok: true, ms: 180_000 });
    expect(joinDuration({ value: ' 1.5 ', unit: 'h' })).toEqual({ ok: true, ms: 5_400_000 });
    expect(joinDuration({ value: '48', unit: 'h' })).toEqual({ ok: true, ms: 172_800_000 });
    expect(joinDuration({ value: '', unit: 'm' })).toEqual({ ok: false, problem: 'number' });
    expect(joinDuration({ value: '三', unit: 'm' })).toEqual({ ok: false, problem: 'number' });
    expect(joinDuration({ value: '0', unit: 'h' })).toEqual({ ok: false, problem: 'positive' });
    expect(joinDuration({ value: '-2', unit: 'h' })).toEqual({ ok: false, problem: 'positive' });
  });
  it('round-trips every unit', () => {
    for (const ms of [1_000, 45_000, 60_000, 180_000, 3_600_000, 86_400_000, 604_800_000, 2_592_000_000]) {
      expect(joinDuration(splitDuration(ms))).toEqual({ ok: true, ms });
    }
  });
  it('reads whole numbers of days', () => {
    expect(parseWhole('3')).toEqual({ ok: true, value: 3 });
    expect(parseWhole('3.5')).toEqual({ ok: false, problem: 'number' });
    expect(parseWhole('0')).toEqual({ ok: false, problem: 'positive' });
  });
});

describe('warning ladders', () => {
  it('"24h, 4h, 1h, 15m" ↔ milliseconds', () => {
    const parsed = parseLadderText('24h, 4h, 1h, 15m');
    expect(parsed).toEqual({ ok: true, ms: [86_400_000, 14_400_000, 3_600_000, 900_000] });
    expect(ladderText([86_400_000, 14_400_000, 3_600_000, 900_000])).toBe('24h, 4h, 1h, 15m');
  });
  it('accepts Chinese units and separators, orders largest first, each rung once', () => {
    expect(parseLadderText('15分钟，1小时、4小时 1小时')).toEqual({ ok: true, ms: [14_400_000, 3_600_000, 900_000] });
    expect(parseLadderText('90s 1m')).toEqual({ ok: true, ms: [90_000, 60_000] });
    expect(ladderText([90_000, 60_000])).toBe('90s, 1m');
  });
  it('an empty ladder means no warnings', () => {
    expect(parseLadderText('  ')).toEqual({ ok: true, ms: [] });
    expect(ladderText([])).toBe('');
  });
  it('names the part it cannot read, and a zero rung', () => {
    expect(parseLadderText('24h, soon, 1h')).toEqual({ ok: false, part: 'soon', problem: 'unreadable' });
    expect(parseLadderText('4h, 0m')).toEqual({ ok: false, part: '0m', problem: 'positive' });
  });
  it('says ladders in words for the rules table', () => {
    expect(ladderWords([86_400_000, 14_400_000, 900_000], 'zh_CN')).toBe('24小时、4小时、15分钟');
    expect(ladderWords([86_400_000, 30_000], 'en')).toBe('24 h, 30 s');
    expect(spanText(604_800_000, 'zh_CN')).toBe('7天');
  });
});
