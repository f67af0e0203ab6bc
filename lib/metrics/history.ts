/**
 * Daily figures from what the tracker stores, for the dashboard. They are reconstructed from reply
 * clocks (one per buyer wait × tracked rule) and case records, not from full message logs, so they
 * approximate each platform's own formula (lib/metrics/defs.ts) the way an agent experiences it:
 * a clock met before its deadline counts as replied in time, a missed one as a miss, and a wait that
 * started in a 不考核 period is left out. The platforms' exact figures (e.g. PDD's per-buyer
 * "valid reply" over a day) can differ where one buyer has several waits in a day.
 */
import type { PlatformId } from '../domain/platform';
import type { PackResult } from '../rules/packs';
import type { CaseRecord, DeadlineRecord, WarningRecord } from '../store/db';
import { rateMissesLeft } from './engine';

const DAY = 86_400_000;
const OFFSET = 8 * 3_600_000; // Asia/Shanghai, all year

/** 'YYYY-MM-DD' of an instant in Asia/Shanghai. */
export const localDay = (at: number) => new Date(at + OFFSET).toISOString().slice(0, 10);

export interface ReplyDay {
  day: string;
  platform: PlatformId;
  shop: string;
  ruleId: string;
  met: number;
  missed: number;
  notAssessed: number;
  open: number;
  /** met / (met + missed); null with nothing decided yet. */
  rate: number | null;
  /** The pack's pass line for a rate, when it has one. */
  threshold: number | null;
  /** More misses the day can take and still pass; null without a pass line. */
  missesLeft: number | null;
}

export interface CaseDay {
  day: string;
  platform: PlatformId;
  shop: string;
  onTime: number;
  late: number;
}

export interface AlertDay {
  day: string;
  platform: PlatformId;
  shop: string;
  fired: number;
  actedOn: number;
}

const shopOf = (id: string) => id.split(':')[1] ?? '';

function bump<T>(map: Map<string, T>, key: string, make: () => T, change: (row: T) => void): void {
  let row = map.get(key);
  if (!row) map.set(key, (row = make()));
  change(row);
}

/** Reply clocks per local day (of the wait's start), platform, shop and rule. */
export function replyDays(deadlines: readonly DeadlineRecord[], rules: (platform: PlatformId) => PackResult): ReplyDay[] {
  const rows = new Map<string, ReplyDay>();
  for (const d of deadlines) {
    const day = localDay(d.startedAt);
    const shop = shopOf(d.conversationId);
    bump(rows, `${day}|${d.platform}|${shop}|${d.ruleId}`, () => ({ day, platform: d.platform, shop, ruleId: d.ruleId, met: 0, missed: 0, notAssessed: 0, open: 0, rate: null, threshold: null, missesLeft: null }), (r) => {
      if (d.state === 'met') r.met++;
      else if (d.state === 'missed') r.missed++;
      else if (d.state === 'not-assessed') r.notAssessed++;
      else r.open++;
    });
  }
  for (const r of rows.values()) {
    const decided = r.met + r.missed;
    r.rate = decided === 0 ? null : r.met / decided;
    const pack = rules(r.platform);
    const rule = pack.ok ? pack.pack.replyRules.find((x) => x.id === r.ruleId) : undefined;
    if (rule?.threshold && rule.threshold.comparison === '>=' && rule.measure === 'deadline') {
      r.threshold = rule.threshold.value;
      r.missesLeft = rateMissesLeft(r.met, decided, Math.round(rule.threshold.value * 10_000));
    }
  }
  return [...rows.values()].sort((a, b) => a.day.localeCompare(b.day) || a.platform.localeCompare(b.platform) || a.shop.localeCompare(b.shop) || a.ruleId.localeCompare(b.ruleId));
}

/**
 * After-sales stages handled before their deadline: each stage the case left while a deadline was
 * running counts on the day it was left, on time or late; a case still sitting in a stage whose
 * deadline has passed counts late on that deadline's day.
 */
export function caseDays(cases: readonly CaseRecord[], now: number): CaseDay[] {
  const rows = new Map<string, CaseDay>();
  const count = (c: CaseRecord, at: number, onTime: boolean) =>
    bump(rows, `${localDay(at)}|${c.platform}|${c.shop}`, () => ({ day: localDay(at), platform: c.platform, shop: c.shop, onTime: 0, late: 0 }), (r) => (onTime ? r.onTime++ : r.late++));
  for (const c of cases) {
    c.stageHistory.forEach((entry, i) => {
      const next = c.stageHistory[i + 1];
      if (next && next.stage !== entry.stage && entry.dueAt != null) count(c, next.seenAt, next.seenAt <= entry.dueAt);
    });
    if (c.dueAt !== null && c.stage !== 'closed' && c.dueAt < now) count(c, c.dueAt, false);
  }
  return [...rows.values()].sort((a, b) => a.day.localeCompare(b.day) || a.platform.localeCompare(b.platform));
}

/** Alerts shown, and how many were acted on: the clock then met, or the case moved on before its deadline. */
export function alertDays(warnings: readonly WarningRecord[], deadlines: ReadonlyMap<string, DeadlineRecord>, cases: ReadonlyMap<string, CaseRecord>): AlertDay[] {
  const rows = new Map<string, AlertDay>();
  const seen = new Set<string>();
  for (const w of warnings) {
    if (w.state !== 'fired' || w.firedAt === null || seen.has(w.deadlineId)) continue;
    seen.add(w.deadlineId); // one alert per clock, however many rungs fired
    let platform: PlatformId | undefined;
    let shop = '';
    let acted = false;
    if (w.caseRecordId) {
      const c = cases.get(w.caseRecordId);
      if (!c) continue;
      platform = c.platform;
      shop = c.shop;
      acted = !w.deadlineId.endsWith(`|${c.stageKey}`) || c.stage === 'closed';
    } else {
      const d = deadlines.get(w.deadlineId);
      if (!d) continue;
      platform = d.platform;
      shop = shopOf(d.conversationId);
      acted = d.state === 'met';
    }
    const day = localDay(w.firedAt);
    bump(rows, `${day}|${platform}|${shop}`, () => ({ day, platform: platform!, shop, fired: 0, actedOn: 0 }), (r) => {
      r.fired++;
      if (acted) r.actedOn++;
    });
  }
  return [...rows.values()].sort((a, b) => a.day.localeCompare(b.day) || a.platform.localeCompare(b.platform));
}

/** The last `n` local days ending today, oldest first. */
export function lastDays(now: number, n: number): string[] {
  return Array.from({ length: n }, (_, i) => localDay(now - (n - 1 - i) * DAY));
}

/** CSV with every field quoted as needed and a BOM, so Excel opens the Chinese correctly. */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
