/**
 * Deadlines as consoles print them: a countdown ("剩余1天23时", "02:59:10"), a wall-clock time
 * in Asia/Shanghai ("2026-11-25 18:00 前", "明天 18:00"), or an overdue marker ("已超时 2小时").
 * Returns null for text without a deadline, so callers can fall back to the rule's own deadline.
 */
import { parseChinaDateTime } from './time-text';

export type PageDeadline = {
  /** Epoch ms the deadline falls at. */
  at: number;
  /** How the page wrote it: units countdown, colon countdown, or a wall-clock date/time. */
  form: 'countdown' | 'clock' | 'absolute';
  /** The page says so ("已超时"), or an absolute deadline is already past. */
  overdue: boolean;
  /** The trimmed input, capped at 100 chars. */
  text: string;
};

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const CHINA_OFFSET_MS = 8 * HOUR;

const UNIT_MS: Record<string, number> = { 天: DAY, 小时: HOUR, 时: HOUR, 分钟: MINUTE, 分: MINUTE, 秒钟: SECOND, 秒: SECOND };
const CN_DIGIT: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

// A number: up to 3 arabic digits, or a Chinese numeral 0–99 (五, 十, 十五, 二十, 二十三).
const NUM = '\\d{1,3}|[零一二两三四五六七八九]?十[一二三四五六七八九]?|[零一二两三四五六七八九]';
const PART = `(${NUM})\\s*(?:个\\s*)?(天|小时|时|分钟|分|秒钟|秒)`;
/** A run of number+unit parts: "6天2时3分30秒", "3 小时 20 分". */
const UNIT_RUN = new RegExp(`(?<![\\d.])(?:${PART}\\s*)+`, 'g');
/** "02:59:10", "59:10" (mm:ss), "1天 02:03:04" (days + clock); not the time of "11-20 10:00". */
const COLON_RUN = new RegExp(`(?<![\\d:.])(?:(${NUM})\\s*天\\s*)?(?<!\\d日?\\s*)(\\d{1,3}):(\\d{2})(?::(\\d{2}))?(?![\\d:])`, 'g');
const FULL_DATE_TIME = /\d{4}[年\-/.]\d{1,2}[月\-/.]\d{1,2}日?\s*\d{1,2}:\d{2}/;
const YEARLESS = /(?<![\d年/.\-])(\d{1,2})[-/月](\d{1,2})日?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?/;
const DAY_CLOCK = /(今天|今日|明天|明日|后天)?\s*(?<![\d:.])(\d{1,2}):(\d{2})(?::(\d{2}))?(?![\d:])(\s*前)?/;
const DAY_WORD: Record<string, number> = { 今天: 0, 今日: 0, 明天: 1, 明日: 1, 后天: 2 };
/** Words that make Chinese numerals safe to read ("十分抱歉" is not ten minutes). */
const REMAIN_CUE = /剩|还有|倒计时|超时/;
const LEFT_CUE = /剩|还有|倒计时/;
/** Durations that are not time left: "近30天", "已等待 45秒", "等待超45秒", "每3分钟". */
const NOT_LEFT_BEFORE = /(?:近|等待|每|超过?)\s*$/;
/** "3分钟前" (ago), "请在3分钟内回复" (a rule), "7天无理由" (a policy). */
const NOT_LEFT_AFTER = /^\s*(?:以内|之内|内|之前|以前|前|无理由)/;

function cnOrArabic(token: string): number {
  if (/^\d+$/.test(token)) return Number(token);
  const ten = token.indexOf('十');
  if (ten < 0) return CN_DIGIT[token] ?? 0;
  return (ten === 0 ? 1 : (CN_DIGIT[token[0]!] ?? 0)) * 10 + (CN_DIGIT[token.slice(ten + 1)] ?? 0);
}

/** Is the match at [start, end) of `s` plausibly time left (not elapsed time, a rule or a policy)? */
function looksLikeTimeLeft(s: string, start: number, end: number): boolean {
  return !NOT_LEFT_BEFORE.test(s.slice(Math.max(0, start - 4), start)) && !NOT_LEFT_AFTER.test(s.slice(end, end + 4));
}

type Duration = { ms: number; form: 'countdown' | 'clock' };

function unitDuration(run: string): number {
  let total = 0;
  for (const part of run.matchAll(new RegExp(PART, 'g'))) total += cnOrArabic(part[1]!) * (UNIT_MS[part[2]!] ?? 0);
  return total;
}

function colonDuration(m: RegExpMatchArray): number | null {
  const days = m[1] === undefined ? 0 : cnOrArabic(m[1]);
  const [a, b, c] = [Number(m[2]), Number(m[3]), m[4] === undefined ? null : Number(m[4])];
  if (b > 59 || (c !== null && c > 59)) return null;
  // Two fields are mm:ss, except after a day count, where "1天 02:03" reads as hh:mm.
  if (c !== null) return days * DAY + a * HOUR + b * MINUTE + c * SECOND;
  return m[1] !== undefined ? days * DAY + a * HOUR + b * MINUTE : a * MINUTE + b * SECOND;
}

/**
 * The first duration in `s` that reads as time left. With `anchored`, only one starting right at
 * the beginning of `s` (used for the amount after "超时").
 */
function findDuration(s: string, anchored: boolean, cnAllowed: boolean): Duration | null {
  const candidates: { index: number; end: number; ms: number | null; form: Duration['form'] }[] = [];
  for (const m of s.matchAll(COLON_RUN)) {
    candidates.push({ index: m.index!, end: m.index! + m[0].length, ms: colonDuration(m), form: 'clock' });
  }
  for (const m of s.matchAll(UNIT_RUN)) {
    if (!cnAllowed && /[零一二两三四五六七八九十]/.test(m[0])) continue;
    candidates.push({ index: m.index!, end: m.index! + m[0].trimEnd().length, ms: unitDuration(m[0]), form: 'countdown' });
  }
  // Leftmost first; at the same start the longer wins ("1天 02:03:04" is one clock, not "1天").
  candidates.sort((x, y) => x.index - y.index || y.end - x.end);
  for (const c of candidates) {
    if (anchored && c.index !== 0) break;
    if (c.ms === null || !looksLikeTimeLeft(s, c.index, c.end)) continue;
    return { ms: c.ms, form: c.form };
  }
  return null;
}

/** Epoch ms of a Shanghai wall-clock time; null for impossible dates (02-30) and times. */
function shanghaiWall(y: number, mo: number, d: number, h: number, mi: number, s: number): number | null {
  const utc = new Date(Date.UTC(y, mo - 1, d, 0, 0, 0));
  if (utc.getUTCMonth() !== mo - 1 || utc.getUTCDate() !== d || mi > 59 || s > 59) return null;
  if (h > 24 || (h === 24 && (mi > 0 || s > 0))) return null; // "24:00" is the end of the day
  return utc.getTime() + ((h * 60 + mi) * 60 + s) * SECOND - CHINA_OFFSET_MS;
}

function absoluteDeadline(s: string, now: number): number | null | undefined {
  // undefined: no date or time of day here; null: one that cannot be a real instant.
  if (FULL_DATE_TIME.test(s)) return parseChinaDateTime(s);
  const local = new Date(now + CHINA_OFFSET_MS); // UTC fields of this are Shanghai wall-clock fields
  const [year, month, date] = [local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate()];
  const ym = s.match(YEARLESS);
  if (ym) {
    const [mo, d, h, mi, sec] = [ym[1], ym[2], ym[3], ym[4], ym[5] ?? '0'].map(Number) as number[];
    if (h! > 23) return null;
    // The occurrence nearest to now: a date more than ~6 months past means next year, and vice versa.
    const options = [year - 1, year, year + 1]
      .map((y) => shanghaiWall(y, mo!, d!, h!, mi!, sec!))
      .filter((t): t is number => t !== null);
    if (options.length === 0) return null;
    return options.reduce((best, t) => (Math.abs(t - now) < Math.abs(best - now) ? t : best));
  }
  const dm = s.match(DAY_CLOCK);
  // A bare "18:00" is a time of day only with a day word, "前" after it or a 截止 label;
  // otherwise it is a mm:ss countdown.
  if (dm && (dm[1] !== undefined || dm[5] !== undefined || /截[止至]/.test(s))) {
    const [h, mi, sec] = [Number(dm[2]), Number(dm[3]), Number(dm[4] ?? 0)];
    const offset = DAY_WORD[dm[1] ?? '今天'] ?? 0;
    const day = new Date(Date.UTC(year, month - 1, date + offset));
    return shanghaiWall(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), h, mi, sec);
  }
  return undefined;
}

/** The deadline a console text states, relative to `now` where it is a countdown. */
export function parseDeadlineText(text: string, now: number): PageDeadline | null {
  if (typeof text !== 'string' || !Number.isFinite(now)) return null;
  const trimmed = text.trim();
  const shown = trimmed.slice(0, 100);
  // Full-width digits and colons → ASCII; a label's colon ("倒计时：") → a space, so it cannot
  // be read as part of a clock.
  const s = trimmed.normalize('NFKC').replace(/(?<!\d):/g, ' ');

  // "已超时", "已超时 2小时", "超时2时3分". A bare "超时" ("超时将自动退款") only names the rule.
  const cnAllowed = REMAIN_CUE.test(s);
  for (const m of s.matchAll(/(已)?超时\s*/g)) {
    const start = m.index! + m[0].length;
    const amount = findDuration(s.slice(start, start + 30), true, cnAllowed); // an amount is short
    if (amount) return { at: now - amount.ms, form: amount.form, overdue: true, text: shown };
    if (m[1]) return { at: now, form: 'countdown', overdue: true, text: shown };
  }

  // Time left wins when the text says "剩…": a row may also print when the request was made.
  const left = findDuration(s, false, cnAllowed);
  const countdown = left && { at: now + left.ms, form: left.form, overdue: false, text: shown };
  if (countdown && LEFT_CUE.test(s)) return countdown;
  const at = absoluteDeadline(s, now);
  if (at !== undefined) return at === null ? null : { at, form: 'absolute', overdue: at < now, text: shown };
  return countdown;
}

/**
 * Compares the page's deadline with the one our rule computed. The page deadline wins when both
 * are known; both are kept for the record. `differenceMs` is page − rule.
 */
export function deadlineDifference(
  page: number | null,
  rule: number | null,
): { page: number | null; rule: number | null; differenceMs: number | null; disagrees: boolean } {
  const p = page !== null && Number.isFinite(page) ? page : null;
  const r = rule !== null && Number.isFinite(rule) ? rule : null;
  const differenceMs = p !== null && r !== null ? p - r : null;
  return { page: p, rule: r, differenceMs, disagrees: differenceMs !== null && Math.abs(differenceMs) > MINUTE };
}
