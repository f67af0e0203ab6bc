import { clockSeconds, type CountingWindow, type OutsideWindow } from './schema';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Epoch ms of local midnight (in the zone given by its UTC offset) for the day containing `t`. */
export function localMidnight(t: number, utcOffsetMinutes: number): number {
  const offset = utcOffsetMinutes * MINUTE;
  return Math.floor((t + offset) / DAY) * DAY - offset;
}

/** The window's [open, close) interval on the local day containing `t`. */
function windowOnDayOf(t: number, window: CountingWindow, utcOffsetMinutes: number): [number, number] {
  const midnight = localMidnight(t, utcOffsetMinutes);
  return [midnight + clockSeconds(window.start) * 1000, midnight + clockSeconds(window.end, true) * 1000];
}

export function isInWindow(t: number, window: CountingWindow, utcOffsetMinutes: number): boolean {
  const [open, close] = windowOnDayOf(t, window, utcOffsetMinutes);
  return t >= open && t < close;
}

/** The earliest instant ≥ t that lies inside the window. */
export function nextWindowOpen(t: number, window: CountingWindow, utcOffsetMinutes: number): number {
  const [open, close] = windowOnDayOf(t, window, utcOffsetMinutes);
  if (t < open) return open;
  if (t < close) return t;
  return windowOnDayOf(t + DAY, window, utcOffsetMinutes)[0];
}

/** Add `durationMs` of window time only (the `pause` reading). */
function addWindowTime(start: number, durationMs: number, window: CountingWindow, utcOffsetMinutes: number): number {
  let t = nextWindowOpen(start, window, utcOffsetMinutes);
  let remaining = durationMs;
  for (let guard = 0; guard < 3660; guard++) {
    const [, close] = windowOnDayOf(t, window, utcOffsetMinutes);
    const step = Math.min(remaining, close - t);
    t += step;
    remaining -= step;
    if (remaining <= 0) return t;
    t = nextWindowOpen(close, window, utcOffsetMinutes);
  }
  throw new Error('counting window never accumulates the duration');
}

/**
 * When a reply clock started by a buyer message at `startedAt` runs out, or null when the
 * rule does not assess that message at all.
 */
export function computeDueAt(
  startedAt: number,
  rule: { durationMs: number; window: CountingWindow; outsideWindow: OutsideWindow; midnight?: 'continue' | 'excluded' | 'due-by-midnight' },
  utcOffsetMinutes: number,
): number | null {
  const due = dueIgnoringMidnight(startedAt, rule, utcOffsetMinutes);
  if (due === null || rule.midnight !== 'due-by-midnight') return due;
  // Old Tmall 旺旺回复率: a buyer who writes at 23:00 must be answered before 24:00.
  return Math.min(due, localMidnight(startedAt, utcOffsetMinutes) + DAY);
}

function dueIgnoringMidnight(
  startedAt: number,
  rule: { durationMs: number; window: CountingWindow; outsideWindow: OutsideWindow },
  utcOffsetMinutes: number,
): number | null {
  switch (rule.outsideWindow) {
    case 'not-assessed':
      return isInWindow(startedAt, rule.window, utcOffsetMinutes) ? startedAt + rule.durationMs : null;
    case 'defer-start':
      return nextWindowOpen(startedAt, rule.window, utcOffsetMinutes) + rule.durationMs;
    case 'pause':
      return addWindowTime(startedAt, rule.durationMs, rule.window, utcOffsetMinutes);
  }
}
