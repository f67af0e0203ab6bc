/**
 * Parsers for the time texts consoles print. All return null for text they do not understand,
 * so callers can report the field as unparsed instead of guessing.
 */

const UNIT_MS: Record<string, number> = {
  天: 86_400_000,
  小时: 3_600_000,
  时: 3_600_000,
  分钟: 60_000,
  分: 60_000,
  秒钟: 1_000,
  秒: 1_000,
};

/** "2分30秒", "已等待 45秒", "1小时5分钟", "02:30", "01:02:30" → milliseconds. */
export function parseDurationText(text: string): number | null {
  const clean = text.replace(/\s+/g, '');
  if (/\d{4}[年\-/.]\d{1,2}/.test(clean)) return null; // a date, not a duration
  const colon = clean.match(/(\d{1,2}):(\d{2})(?::(\d{2}))?/);
  if (colon) {
    const [a, b, c] = [Number(colon[1]), Number(colon[2]), colon[3] === undefined ? null : Number(colon[3])];
    return c === null ? (a * 60 + b) * 1000 : ((a * 60 + b) * 60 + c) * 1000;
  }
  let total = 0;
  let matched = false;
  for (const part of clean.matchAll(/(\d+(?:\.\d+)?)(天|小时|时|分钟|分|秒钟|秒)/g)) {
    total += Number(part[1]) * (UNIT_MS[part[2] as string] ?? 0);
    matched = true;
  }
  return matched ? Math.round(total) : null;
}

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** "2026年09月08日 17:30:17" or "2026-09-08 17:30" in Asia/Shanghai → epoch ms. */
export function parseChinaDateTime(text: string): number | null {
  const m = text.match(/(\d{4})[年\-/.](\d{1,2})[月\-/.](\d{1,2})日?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?/);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as number[];
  const utc = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
  // Date.UTC rolls 02-30 over to 03-02; an impossible date is text we do not understand.
  if (utc.getUTCMonth() !== mo! - 1 || utc.getUTCDate() !== d! || h! > 23 || mi! > 59 || s! > 59) return null;
  return utc.getTime() - CHINA_OFFSET_MS;
}

/**
 * A bare clock time such as "17:30" in a conversation list: the most recent such instant
 * (Asia/Shanghai) not later than `now` plus a minute of clock skew.
 */
export function parseRecentClockTime(text: string, now: number): number | null {
  const m = text.trim().match(/^(\d{1,2}):(\d{2})(?::(\d{2}))?$/);
  if (!m) return null;
  const [h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  if (h > 23 || mi > 59 || s > 59) return null;
  const day = 86_400_000;
  const localMidnight = Math.floor((now + CHINA_OFFSET_MS) / day) * day - CHINA_OFFSET_MS;
  const candidate = localMidnight + ((h * 60 + mi) * 60 + s) * 1000;
  return candidate > now + 60_000 ? candidate - day : candidate;
}
