/**
 * Times on Kuaishou sender lines: nick + "M-D HH:MM:SS" with no separator (worker id:61485658333,
 * e.g. "测试顾客2-22 18:55:20"; consoles-dom.md §3.3, CODE). Console wall-clock is Asia/Shanghai.
 */
import { parseChinaDateTime, parseRecentClockTime } from '../../rules/time-text';

const CHINA_OFFSET_MS = 8 * 3_600_000;

const SENDER_FULL = /(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$/;
/** Month 1–12 and day 1–31 so a nick ending in digits ("买家123" + "2-22 …") splits right. */
const SENDER_MONTH_DAY = /(1[0-2]|0?[1-9])[-/.月](3[01]|[12]\d|0?[1-9])日?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$/;
const SENDER_CLOCK = /(?<![\d:])(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$/;

/** The time at the end of a sender line: "2026-02-22 18:55:20", "2-22 18:55:20" or "18:55:20". */
export function senderTime(line: string, now: number): number | null {
  const full = line.match(SENDER_FULL);
  if (full) return parseChinaDateTime(full[0]);
  const md = line.match(SENDER_MONTH_DAY);
  if (md) {
    const [mo, d, h, mi, s] = [md[1], md[2], md[3], md[4], md[5] ?? '0'].map(Number) as [number, number, number, number, number];
    return recentMonthDay(mo, d, h, mi, s, now);
  }
  const clock = line.match(SENDER_CLOCK);
  return clock ? parseRecentClockTime(clock[0].trim(), now) : null;
}

/** The most recent Shanghai wall-clock instant with this month/day/time, not after now (+1 min skew). */
function recentMonthDay(mo: number, d: number, h: number, mi: number, s: number, now: number): number | null {
  if (h > 23 || mi > 59 || s > 59) return null;
  const year = new Date(now + CHINA_OFFSET_MS).getUTCFullYear();
  for (const y of [year, year - 1]) {
    const utc = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
    if (utc.getUTCMonth() !== mo - 1) continue; // 2-30, or 2-29 outside a leap year
    const at = utc.getTime() - CHINA_OFFSET_MS;
    if (at <= now + 60_000) return at;
  }
  return null;
}
