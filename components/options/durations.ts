import type { Locale } from '@/lib/i18n';
import { formatLadder, parseLadder } from '@/lib/settings/ladder';

/** Units an agent edits durations in: seconds, minutes, hours, days. */
export const DURATION_UNITS = ['s', 'm', 'h', 'd'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

const SIZE: Record<DurationUnit, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** A duration as the form holds it: the typed text (kept as typed, so a bad value can be named) and its unit. */
export interface DurationField {
  value: string;
  unit: DurationUnit;
}

/**
 * Milliseconds → the largest whole unit among `units` (48 h stays "48 h" up to three days, as the
 * consoles and the rules table write it; 5 days is "5 d"). A value no unit divides is shown in the
 * smallest unit with decimals.
 */
export function splitDuration(ms: number, units: readonly DurationUnit[] = DURATION_UNITS): DurationField {
  const ordered = [...units].sort((a, b) => SIZE[b] - SIZE[a]);
  for (const unit of ordered) {
    if (unit === 'd' && ms <= 3 * SIZE.d && ordered.includes('h')) continue;
    if (ms > 0 && ms % SIZE[unit] === 0) return { value: String(ms / SIZE[unit]), unit };
  }
  const smallest = ordered[ordered.length - 1] ?? 'm';
  return { value: String(Math.round((ms / SIZE[smallest]) * 1000) / 1000), unit: smallest };
}

export type DurationProblem = 'number' | 'positive';

/** The form's text and unit → whole milliseconds; "1.5" hours is 5,400,000 ms. */
export function joinDuration(field: DurationField): { ok: true; ms: number } | { ok: false; problem: DurationProblem } {
  const text = field.value.trim().replace(/，/g, '.');
  if (!/^\d+(\.\d+)?$/.test(text) && !/^\.\d+$/.test(text)) return { ok: false, problem: /^-\d/.test(text) ? 'positive' : 'number' };
  const ms = Math.round(Number(text) * SIZE[field.unit]);
  return ms > 0 ? { ok: true, ms } : { ok: false, problem: 'positive' };
}

/** A whole positive number typed in a form (days, hours): the number, or what is wrong with it. */
export function parseWhole(text: string): { ok: true; value: number } | { ok: false; problem: DurationProblem } {
  const trimmed = text.trim();
  if (!/^-?\d+$/.test(trimmed)) return { ok: false, problem: 'number' };
  const value = Number(trimmed);
  return value > 0 ? { ok: true, value } : { ok: false, problem: 'positive' };
}

/**
 * A warning ladder as agents write it ("24h, 4h, 1h, 15m"; also 天/小时/分钟/秒) → milliseconds,
 * largest first, each rung once. On failure, the part that could not be read.
 */
export function parseLadderText(text: string): { ok: true; ms: number[] } | { ok: false; part: string; problem: 'unreadable' | 'positive' } {
  const whole = parseLadder(text);
  if (whole.ok) return whole;
  const part = text.split(/[,，、\s]+/).find((p) => p && !parseLadder(p).ok) ?? text.trim();
  return { ok: false, part, problem: parseFloat(part) === 0 ? 'positive' : 'unreadable' };
}

/** Milliseconds → the same notation ("24h, 4h, 1h, 15m"), so what is saved reads back as typed. */
export const ladderText = (ms: readonly number[]): string => formatLadder(ms);

const NAMES: Record<DurationUnit, [string, string]> = { s: ['秒', ' s'], m: ['分钟', ' min'], h: ['小时', ' h'], d: ['天', ' d'] };

/** "48小时" / "48 h", "15分钟" / "15 min": one duration in words, for tables and messages. */
export function spanText(ms: number, locale: Locale): string {
  const { value, unit } = splitDuration(ms);
  return `${value}${NAMES[unit][locale === 'zh_CN' ? 0 : 1]}`;
}

/** A ladder in words: "24小时、4小时、15分钟" / "24 h, 4 h, 15 min"; empty when the rule has none. */
export function ladderWords(ms: readonly number[], locale: Locale): string {
  return ms.map((v) => spanText(v, locale)).join(locale === 'zh_CN' ? '、' : ', ');
}
