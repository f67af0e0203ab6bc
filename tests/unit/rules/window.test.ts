import { describe, expect, it } from 'vitest';
import { computeDueAt, isInWindow, localMidnight, nextWindowOpen } from '@/lib/rules/window';
import type { CountingWindow, OutsideWindow } from '@/lib/rules/schema';
import { shanghai } from '../helpers';

const CN = 480; // Asia/Shanghai, UTC+08:00, no DST
const PDD_WINDOW: CountingWindow = { start: '08:00', end: '23:00' };
const MIN = 60_000;

const rule3 = (outsideWindow: OutsideWindow, window: CountingWindow = PDD_WINDOW) => ({ durationMs: 3 * MIN, window, outsideWindow });
const rule60 = (outsideWindow: OutsideWindow, window: CountingWindow = PDD_WINDOW) => ({ durationMs: 60 * MIN, window, outsideWindow });

describe('computeDueAt — PDD 3-minute rule, window 08:00–23:00', () => {
  describe('defer-start', () => {
    it('22:59:00 is inside the window and runs in real time past the close → 23:02:00', () => {
      expect(computeDueAt(shanghai('2026-11-24T22:59:00'), rule3('defer-start'), CN)).toBe(shanghai('2026-11-24T23:02:00'));
    });

    it('exactly 23:00:00 is outside (close is exclusive) → 08:03:00 next day', () => {
      expect(computeDueAt(shanghai('2026-11-24T23:00:00'), rule3('defer-start'), CN)).toBe(shanghai('2026-11-25T08:03:00'));
    });

    it('22:59:59.999 is still inside → 23:02:59.999', () => {
      expect(computeDueAt(shanghai('2026-11-24T22:59:59.999'), rule3('defer-start'), CN)).toBe(shanghai('2026-11-24T23:02:59.999'));
    });

    it('07:59 (before the open) → 08:03 the same day', () => {
      expect(computeDueAt(shanghai('2026-11-24T07:59:00'), rule3('defer-start'), CN)).toBe(shanghai('2026-11-24T08:03:00'));
    });

    it('exactly 08:00:00 (open is inclusive) → 08:03:00', () => {
      expect(computeDueAt(shanghai('2026-11-24T08:00:00'), rule3('defer-start'), CN)).toBe(shanghai('2026-11-24T08:03:00'));
    });

    it('just after midnight 00:10 → 08:03 the same local day', () => {
      expect(computeDueAt(shanghai('2026-11-25T00:10:00'), rule3('defer-start'), CN)).toBe(shanghai('2026-11-25T08:03:00'));
    });

    it('New Year’s Eve 23:30 rolls into the next year → 2027-01-01 08:03', () => {
      expect(computeDueAt(shanghai('2026-12-31T23:30:00'), rule3('defer-start'), CN)).toBe(shanghai('2027-01-01T08:03:00'));
    });

    it('midday is plain real time: 12:00 → 12:03', () => {
      expect(computeDueAt(shanghai('2026-11-24T12:00:00'), rule3('defer-start'), CN)).toBe(shanghai('2026-11-24T12:03:00'));
    });
  });

  describe('pause', () => {
    it('22:59:00 counts one minute tonight and two tomorrow → 08:02:00 next day', () => {
      expect(computeDueAt(shanghai('2026-11-24T22:59:00'), rule3('pause'), CN)).toBe(shanghai('2026-11-25T08:02:00'));
    });

    it('22:57:00 fits before the close exactly → 23:00:00', () => {
      expect(computeDueAt(shanghai('2026-11-24T22:57:00'), rule3('pause'), CN)).toBe(shanghai('2026-11-24T23:00:00'));
    });

    it('exactly 23:00:00 → 08:03:00 next day', () => {
      expect(computeDueAt(shanghai('2026-11-24T23:00:00'), rule3('pause'), CN)).toBe(shanghai('2026-11-25T08:03:00'));
    });

    it('07:59 → 08:03 the same day', () => {
      expect(computeDueAt(shanghai('2026-11-24T07:59:00'), rule3('pause'), CN)).toBe(shanghai('2026-11-24T08:03:00'));
    });

    it('12:00 → 12:03', () => {
      expect(computeDueAt(shanghai('2026-11-24T12:00:00'), rule3('pause'), CN)).toBe(shanghai('2026-11-24T12:03:00'));
    });
  });

  describe('not-assessed', () => {
    it('23:30 gets no deadline', () => {
      expect(computeDueAt(shanghai('2026-11-24T23:30:00'), rule3('not-assessed'), CN)).toBeNull();
    });

    it('07:00 gets no deadline', () => {
      expect(computeDueAt(shanghai('2026-11-24T07:00:00'), rule3('not-assessed'), CN)).toBeNull();
    });

    it('exactly 23:00:00 gets no deadline', () => {
      expect(computeDueAt(shanghai('2026-11-24T23:00:00'), rule3('not-assessed'), CN)).toBeNull();
    });

    it('12:00 → 12:03', () => {
      expect(computeDueAt(shanghai('2026-11-24T12:00:00'), rule3('not-assessed'), CN)).toBe(shanghai('2026-11-24T12:03:00'));
    });

    it('22:59 is assessed and runs past the close → 23:02', () => {
      expect(computeDueAt(shanghai('2026-11-24T22:59:00'), rule3('not-assessed'), CN)).toBe(shanghai('2026-11-24T23:02:00'));
    });

    it('exactly 08:00 is assessed → 08:03', () => {
      expect(computeDueAt(shanghai('2026-11-24T08:00:00'), rule3('not-assessed'), CN)).toBe(shanghai('2026-11-24T08:03:00'));
    });
  });
});

describe('computeDueAt — 60-minute rule', () => {
  it('22:30 under pause: 30 min tonight + 30 min tomorrow → 08:30 next day', () => {
    expect(computeDueAt(shanghai('2026-11-24T22:30:00'), rule60('pause'), CN)).toBe(shanghai('2026-11-25T08:30:00'));
  });

  it('22:30 under defer-start runs in real time → 23:30 the same day', () => {
    expect(computeDueAt(shanghai('2026-11-24T22:30:00'), rule60('defer-start'), CN)).toBe(shanghai('2026-11-24T23:30:00'));
  });

  it('22:30 under not-assessed → 23:30 the same day', () => {
    expect(computeDueAt(shanghai('2026-11-24T22:30:00'), rule60('not-assessed'), CN)).toBe(shanghai('2026-11-24T23:30:00'));
  });
});

describe('computeDueAt — a window ending 24:00', () => {
  const allEvening: CountingWindow = { start: '08:00', end: '24:00' };

  it('23:59 under pause: 1 min before midnight, 2 min after the 08:00 open → 08:02 next day', () => {
    expect(computeDueAt(shanghai('2026-11-24T23:59:00'), rule3('pause', allEvening), CN)).toBe(shanghai('2026-11-25T08:02:00'));
  });

  it('23:59 under defer-start → 00:02 next day', () => {
    expect(computeDueAt(shanghai('2026-11-24T23:59:00'), rule3('defer-start', allEvening), CN)).toBe(shanghai('2026-11-25T00:02:00'));
  });

  it('23:59:59.999 is inside and midnight is outside', () => {
    expect(isInWindow(shanghai('2026-11-24T23:59:59.999'), allEvening, CN)).toBe(true);
    expect(isInWindow(shanghai('2026-11-25T00:00:00'), allEvening, CN)).toBe(false);
  });

  it('a message at midnight (outside) under not-assessed gets no deadline', () => {
    expect(computeDueAt(shanghai('2026-11-25T00:00:00'), rule3('not-assessed', allEvening), CN)).toBeNull();
  });
});

describe('computeDueAt — pause spanning several windows', () => {
  it('20 h of window time from 12:00 (11 h today, 9 h tomorrow) → 17:00 next day', () => {
    const rule = { durationMs: 20 * 60 * MIN, window: PDD_WINDOW, outsideWindow: 'pause' as const };
    expect(computeDueAt(shanghai('2026-11-24T12:00:00'), rule, CN)).toBe(shanghai('2026-11-25T17:00:00'));
  });

  it('31 h of window time from 23:30 (15 h + 15 h + 1 h) → 09:00 on the third day', () => {
    const rule = { durationMs: 31 * 60 * MIN, window: PDD_WINDOW, outsideWindow: 'pause' as const };
    expect(computeDueAt(shanghai('2026-11-24T23:30:00'), rule, CN)).toBe(shanghai('2026-11-27T09:00:00'));
  });

  it('an empty window (start = end) never accumulates time and says so', () => {
    const rule = { durationMs: 3 * MIN, window: { start: '08:00', end: '08:00' }, outsideWindow: 'pause' as const };
    expect(() => computeDueAt(shanghai('2026-11-24T12:00:00'), rule, CN)).toThrow('counting window never accumulates the duration');
  });
});

describe('isInWindow / nextWindowOpen', () => {
  it.each([
    ['2026-11-24T07:59:59.999', false],
    ['2026-11-24T08:00:00', true],
    ['2026-11-24T15:00:00', true],
    ['2026-11-24T22:59:59.999', true],
    ['2026-11-24T23:00:00', false],
    ['2026-11-25T00:00:00', false],
  ] as const)('isInWindow(%s) = %s', (iso, expected) => {
    expect(isInWindow(shanghai(iso), PDD_WINDOW, CN)).toBe(expected);
  });

  it.each([
    ['2026-11-24T03:00:00', '2026-11-24T08:00:00'],
    ['2026-11-24T08:00:00', '2026-11-24T08:00:00'],
    ['2026-11-24T12:34:56', '2026-11-24T12:34:56'],
    ['2026-11-24T23:00:00', '2026-11-25T08:00:00'],
    ['2026-11-24T23:59:59', '2026-11-25T08:00:00'],
  ] as const)('nextWindowOpen(%s) = %s', (from, expected) => {
    expect(nextWindowOpen(shanghai(from), PDD_WINDOW, CN)).toBe(shanghai(expected));
  });
});

describe('time-zone independence (pure UTC arithmetic on a fixed offset)', () => {
  it('localMidnight: 2026-11-23T20:00Z is still the 23rd in UTC but 04:00 on the 24th in Shanghai', () => {
    const t = Date.parse('2026-11-23T20:00:00Z');
    expect(t).toBe(shanghai('2026-11-24T04:00:00'));
    expect(localMidnight(t, CN)).toBe(shanghai('2026-11-24T00:00:00'));
    expect(localMidnight(t, CN)).toBe(Date.parse('2026-11-23T16:00:00Z'));
    // The same instant at offset 0 belongs to the UTC day of the 23rd.
    expect(localMidnight(t, 0)).toBe(Date.parse('2026-11-23T00:00:00Z'));
  });

  it('localMidnight at the exact Shanghai day boundary', () => {
    expect(localMidnight(shanghai('2026-11-24T00:00:00'), CN)).toBe(shanghai('2026-11-24T00:00:00'));
    expect(localMidnight(shanghai('2026-11-23T23:59:59.999'), CN)).toBe(shanghai('2026-11-23T00:00:00'));
  });

  it('a 04:00 Shanghai message given as a UTC instant defers to 08:03 Shanghai (= 00:03Z)', () => {
    expect(computeDueAt(Date.parse('2026-11-23T20:00:00Z'), rule3('defer-start'), CN)).toBe(Date.parse('2026-11-24T00:03:00Z'));
  });

  it('the offset argument, not the machine zone, decides the window: 22:59 UTC at offset 0 → 23:02Z', () => {
    expect(computeDueAt(Date.parse('2026-11-24T22:59:00Z'), rule3('defer-start'), 0)).toBe(Date.parse('2026-11-24T23:02:00Z'));
    // The same instant is 06:59 next morning in Shanghai, before the open.
    expect(computeDueAt(Date.parse('2026-11-24T22:59:00Z'), rule3('defer-start'), CN)).toBe(shanghai('2026-11-25T08:03:00'));
  });

  it('a negative offset (UTC−05:00) works the same way', () => {
    const ny = (iso: string) => Date.parse(`${iso}-05:00`);
    expect(computeDueAt(ny('2026-11-24T22:59:00'), rule3('pause'), -300)).toBe(ny('2026-11-25T08:02:00'));
    expect(localMidnight(ny('2026-11-24T22:00:00'), -300)).toBe(ny('2026-11-24T00:00:00'));
  });
});
