import { describe, expect, it } from 'vitest';
import { formatLadder, parseLadder } from '@/lib/settings/ladder';

describe('warning ladders in agent notation', () => {
  it('parses and orders them, in Latin or Chinese units', () => {
    expect(parseLadder('15m, 24h，1h 4小时')).toEqual({ ok: true, ms: [86_400_000, 14_400_000, 3_600_000, 900_000] });
    expect(parseLadder('30秒、2分钟')).toEqual({ ok: true, ms: [120_000, 30_000] });
    expect(parseLadder('1.5h')).toEqual({ ok: true, ms: [5_400_000] });
    expect(parseLadder('')).toEqual({ ok: true, ms: [] });
  });
  it('names the part it cannot read', () => {
    expect(parseLadder('24h, soon')).toEqual({ ok: false, error: '“soon”无法识别：请写成 24h、4h、1h、15m 这样' });
    expect(parseLadder('0m')).toMatchObject({ ok: false });
  });
  it('formats back to the same notation', () => {
    expect(formatLadder([86_400_000, 14_400_000, 900_000, 30_000])).toBe('24h, 4h, 15m, 30s');
    expect(formatLadder([7 * 86_400_000])).toBe('7d');
  });
});
