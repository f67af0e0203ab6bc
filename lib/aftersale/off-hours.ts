import type { OffHoursSettings } from '../settings/schema';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Off hours are the shop's working hours in China: Asia/Shanghai, UTC+8 all year. */
const OFFSET = 8 * 60 * MINUTE;

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const localMinute = (at: number) => Math.floor((((at + OFFSET) % DAY) + DAY) % DAY / MINUTE);

/** True when `at` falls in the off-hours span (which may wrap midnight, e.g. 23:00–08:00). */
export function isOffHours(settings: OffHoursSettings, at: number): boolean {
  if (!settings.enabled) return false;
  const from = minutes(settings.from);
  const to = minutes(settings.to);
  const now = localMinute(at);
  if (from === to) return false;
  return from < to ? now >= from && now < to : now >= from || now < to;
}

/** When the off-hours span containing `at` ends, or null when `at` is not in off hours. */
export function heldUntil(settings: OffHoursSettings, at: number): number | null {
  if (!isOffHours(settings, at)) return null;
  const midnight = at - ((((at + OFFSET) % DAY) + DAY) % DAY);
  const end = midnight + minutes(settings.to) * MINUTE;
  return end > at ? end : end + DAY;
}

/**
 * When a warning due at `warnAt` for a deadline at `dueAt` should be shown: a non-urgent one
 * falling in off hours waits for the end of off hours, but never past the moment it would
 * become urgent; urgent ones are never held.
 */
export function deliverAt(settings: OffHoursSettings, warnAt: number, dueAt: number): number {
  if (dueAt - warnAt <= settings.urgentWithinMs) return warnAt;
  const end = heldUntil(settings, warnAt);
  return end === null ? warnAt : Math.max(warnAt, Math.min(end, dueAt - settings.urgentWithinMs));
}
