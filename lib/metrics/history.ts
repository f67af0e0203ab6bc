/**
 * Daily figures for the metrics dashboard, rebuilt from what the tracker stores. Pure: records in,
 * rows out; no clock, no storage, no DOM.
 *
 * What the store holds is not a message log but reply clocks (one `DeadlineRecord` per buyer wait ×
 * tracked rule of the platform's pack), warning rungs and after-sales case records. So these figures
 * are the agent's view of the platforms' metrics, not a copy of them:
 *
 * - **Reply rules.** Per local day (Asia/Shanghai, UTC+8, the day the wait started), platform, shop
 *   and rule: clocks met, missed, not assessed (started in a 不考核 period or closed as such) and
 *   still running. A clock still open after its deadline can only end as a miss by the tracker's
 *   own rule (`closedAt <= dueAt` or missed), so it is counted as missed now (and shown as
 *   `overdue`). Rate = met ÷ (met + missed), compared with the pack's pass line where the rule has a
 *   rate pass line (`threshold.comparison === '>='`), with the shop's rule overrides applied when
 *   the caller passes them in.
 *   How this differs from lib/metrics/defs.ts (each platform's own formula, computed over a full
 *   message log by engine.ts): the platforms score *units* — PDD and Kuaishou a buyer once per day
 *   (missed if any of that buyer's messages waited too long), Douyin and JD a session, Taobao a
 *   round — while here every wait counts once. A buyer with three waits, one of them late, is one
 *   missed buyer for PDD and one miss plus two mets here. Minimum samples (PDD: 100 buyers a day)
 *   are compared with clocks, not buyers. Pass lines set per week or month (Kuaishou, JD) are still
 *   compared with the day's rate. The window, start, stop and midnight rules are the same ones —
 *   the tracker ran the pack to make the clocks — so on a day where each buyer waited once the two
 *   agree.
 * - **Misses left today** is the engine's arithmetic (`rateMissesLeft`): the largest k with
 *   met ÷ (met + missed + k) still at or above the pass line, assuming no more clocks are met; a
 *   running clock is not counted yet and uses one when it ends as a miss.
 * - **After-sales on time.** Each run of a stage that had a deadline (page countdown, else the
 *   rule's) and that the case left: on time when the next stage (or 已关闭) was first seen at or
 *   before that deadline, counted on the day it was left; late otherwise, counted on the deadline's
 *   day. A case still in a stage whose deadline has passed is late when we saw it after the
 *   deadline, and `unseen` (no verdict) when the page was not open since. Platforms publish their
 *   own after-sales rates (e.g. 退款自主完结时长) by other formulas; this is only "did we move before
 *   the deadline we warned about".
 * - **Alerts acted on.** One alert = one reply clock or one case stage that fired at least one
 *   warning (a ladder of three rungs is one alert), counted on the day of its first notification.
 *   Acted on = the clock then ended met / the case left that stage by its deadline; late = the
 *   clock ended missed (or is overdue) / the case left the stage after the deadline or was seen
 *   still in it after; open = the outcome is not known yet; excluded = the clock ended not
 *   assessed or the case has not been seen since its deadline (or its history no longer holds
 *   that stage).
 */
import type { PlatformId } from '../domain/platform';
import type { PackResult } from '../rules/packs';
import type { CaseRecord, DeadlineRecord, WarningRecord } from '../store/db';
import { rateMissesLeft } from './engine';

export const DAY_MS = 86_400_000;
/** Asia/Shanghai: UTC+8 all year, whatever the machine's zone. */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
/** The dashboard's long period, and how far back its charts go. */
export const HISTORY_DAYS = 30;

/** 'YYYY-MM-DD' of an instant in Asia/Shanghai. */
export const localDay = (at: number): string => new Date(at + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

/** The last `n` local days ending with today, oldest first. */
export function lastDays(now: number, n: number): string[] {
  return Array.from({ length: n }, (_, i) => localDay(now - (n - 1 - i) * DAY_MS));
}

/** Epoch ms of local midnight starting `day` ('YYYY-MM-DD'). */
export const localMidnight = (day: string): number => Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MS;

// ---------------------------------------------------------------------------------------------
// Pass lines

/** A rate pass line as the pack (or the shop's override) states it. */
export interface PassLine {
  /** Fraction, 0.5 = 50%, inclusive. */
  value: number;
  period: 'day' | 'week' | 'month' | '30-days';
  /** Assessed only with at least this many items in the period; null = always. */
  minSample: number | null;
}

/**
 * More misses the figures can take and still be at or above `threshold` (a fraction), with no
 * more met clocks: `rateMissesLeft` of the engine with the fraction in basis points (clamped to
 * 1…10000 so a pass line above 100% or near 0 cannot divide by zero).
 */
export function missesLeft(met: number, missed: number, threshold: number): number {
  const bp = Math.min(10_000, Math.max(1, Math.round(threshold * 10_000)));
  return rateMissesLeft(met, met + missed, bp);
}

export type RulesFor = (platform: PlatformId) => PackResult;

function passLineOf(rules: RulesFor, platform: PlatformId, ruleId: string, cache: Map<string, PassLine | null>): PassLine | null {
  const key = `${platform}|${ruleId}`;
  if (cache.has(key)) return cache.get(key)!;
  const pack = rules(platform);
  const rule = pack.ok ? pack.pack.replyRules.find((r) => r.id === ruleId) : undefined;
  const t = rule?.measure === 'deadline' && rule.threshold?.comparison === '>=' ? rule.threshold : null;
  const line = t ? { value: t.value, period: t.period, minSample: t.minSample } : null;
  cache.set(key, line);
  return line;
}

// ---------------------------------------------------------------------------------------------
// Shops

/**
 * The shop of a conversation id (`${platform}:${shop}:${key}`). A shop name may itself hold ':',
 * so the longest known shop of the platform whose prefix matches wins; without one, the text up to
 * the next ':'.
 */
export function shopResolver(known: Iterable<readonly [PlatformId | string, string]>): (conversationId: string, platform: PlatformId) => string {
  const byPlatform = new Map<string, string[]>();
  for (const [platform, shop] of known) {
    const list = byPlatform.get(platform) ?? [];
    if (!list.includes(shop)) list.push(shop);
    byPlatform.set(platform, list);
  }
  for (const list of byPlatform.values()) list.sort((a, b) => b.length - a.length);
  const cache = new Map<string, string>();
  return (conversationId, platform) => {
    const cached = cache.get(conversationId);
    if (cached !== undefined) return cached;
    const rest = conversationId.startsWith(`${platform}:`) ? conversationId.slice(platform.length + 1) : conversationId.slice(conversationId.indexOf(':') + 1);
    const colon = rest.indexOf(':');
    const shop = byPlatform.get(platform)?.find((s) => rest.startsWith(`${s}:`)) ?? (colon < 0 ? rest : rest.slice(0, colon));
    cache.set(conversationId, shop);
    return shop;
  };
}

const defaultShopOf = shopResolver([]);

// ---------------------------------------------------------------------------------------------
// Per-day aggregates

interface Keyed {
  day: string;
  platform: PlatformId;
  shop: string;
}

export interface ReplyDay extends Keyed {
  ruleId: string;
  met: number;
  /** Ended missed, plus the overdue ones. */
  missed: number;
  /** Still open after their deadline (already in `missed`). */
  overdue: number;
  notAssessed: number;
  /** Still open and not yet due. */
  open: number;
  /** met ÷ (met + missed); null with nothing decided. */
  rate: number | null;
  passLine: PassLine | null;
  /** `missesLeft(met, missed, passLine)`; null without a pass line. */
  missesLeft: number | null;
}

export interface CaseDay extends Keyed {
  onTime: number;
  late: number;
  /** Deadline passed while the case was not seen: no verdict. */
  unseen: number;
  /** Stages still running with a deadline ahead (counted on today). */
  open: number;
}

export interface AlertDay extends Keyed {
  /** Alerts shown: one per clock or case stage, however many rungs fired. */
  fired: number;
  actedOn: number;
  late: number;
  open: number;
  excluded: number;
}

function bump<T>(map: Map<string, T>, key: string, make: () => T): T {
  let row = map.get(key);
  if (!row) map.set(key, (row = make()));
  return row;
}

const byKeyed = (a: Keyed, b: Keyed) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.platform.localeCompare(b.platform) || (a.shop < b.shop ? -1 : a.shop > b.shop ? 1 : 0));

/** Reply clocks per local day of the wait's start, platform, shop and rule. */
export function replyDays(
  deadlines: readonly DeadlineRecord[],
  rules: RulesFor,
  now: number,
  shopOf: (conversationId: string, platform: PlatformId) => string = defaultShopOf,
): ReplyDay[] {
  const rows = new Map<string, ReplyDay>();
  const lines = new Map<string, PassLine | null>();
  for (const d of deadlines) {
    const day = localDay(d.startedAt);
    const shop = shopOf(d.conversationId, d.platform);
    const r = bump(rows, `${day}|${d.platform}|${shop}|${d.ruleId}`, () => ({
      day,
      platform: d.platform,
      shop,
      ruleId: d.ruleId,
      met: 0,
      missed: 0,
      overdue: 0,
      notAssessed: 0,
      open: 0,
      rate: null,
      passLine: passLineOf(rules, d.platform, d.ruleId, lines),
      missesLeft: null,
    }));
    if (d.state === 'met') r.met++;
    else if (d.state === 'missed') r.missed++;
    else if (d.state === 'not-assessed') r.notAssessed++;
    else if (d.dueAt < now) {
      r.missed++;
      r.overdue++;
    } else r.open++;
  }
  for (const r of rows.values()) {
    r.rate = r.met + r.missed === 0 ? null : r.met / (r.met + r.missed);
    r.missesLeft = r.passLine ? missesLeft(r.met, r.missed, r.passLine.value) : null;
  }
  return [...rows.values()].sort((a, b) => byKeyed(a, b) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}

/** One run of the same stage in a case's history. */
export interface StageRun {
  stage: string | null;
  /** Same as `CaseRecord.stageKey` while the run is current, and the suffix of its ladder's deadline id. */
  key: string;
  firstSeenAt: number;
  /** When the next stage was first seen; null for the current run. */
  leftAt: number | null;
  /** The deadline when the run was left (as recorded in the history), or the case's current one. */
  dueAt: number | null;
}

/** A case's stage history as runs of one stage each (stage text changes within a stage are one run). */
export function stageRuns(c: Pick<CaseRecord, 'stageHistory' | 'dueAt'>): StageRun[] {
  const runs: StageRun[] = [];
  const h = c.stageHistory;
  for (let i = 0; i < h.length; ) {
    let j = i;
    while (j + 1 < h.length && h[j + 1]!.stage === h[i]!.stage) j++;
    const next = h[j + 1];
    runs.push({
      stage: h[i]!.stage,
      key: `${h[i]!.stage ?? 'unknown'}@${h[i]!.seenAt}`,
      firstSeenAt: h[i]!.seenAt,
      leftAt: next ? next.seenAt : null,
      dueAt: next ? (h[j]!.dueAt ?? null) : c.dueAt,
    });
    i = j + 1;
  }
  return runs;
}

type Outcome = 'onTime' | 'late' | 'unseen' | 'open';

/** How one stage run with a deadline turned out, and the day it counts on. */
function runOutcome(run: StageRun, dueAt: number, lastSeenAt: number, now: number): { outcome: Outcome; at: number } {
  if (run.leftAt !== null) return run.leftAt <= dueAt ? { outcome: 'onTime', at: run.leftAt } : { outcome: 'late', at: dueAt };
  if (dueAt >= now) return { outcome: 'open', at: now };
  return lastSeenAt >= dueAt ? { outcome: 'late', at: dueAt } : { outcome: 'unseen', at: dueAt };
}

/** After-sales stages handled before their deadline, or late, per local day, platform and shop. */
export function caseDays(cases: readonly CaseRecord[], now: number): CaseDay[] {
  const rows = new Map<string, CaseDay>();
  for (const c of cases) {
    for (const run of stageRuns(c)) {
      if (run.dueAt === null || run.stage === 'closed') continue;
      const { outcome, at } = runOutcome(run, run.dueAt, c.lastSeenAt, now);
      const day = localDay(at);
      const r = bump(rows, `${day}|${c.platform}|${c.shop}`, () => ({ day, platform: c.platform, shop: c.shop, onTime: 0, late: 0, unseen: 0, open: 0 }));
      r[outcome]++;
    }
  }
  return [...rows.values()].sort(byKeyed);
}

/** The stage key in a case ladder's deadline id (`case|<record id>|<stage key>`). */
export function caseStageKey(deadlineId: string, caseRecordId: string): string {
  const prefix = `case|${caseRecordId}|`;
  return deadlineId.startsWith(prefix) ? deadlineId.slice(prefix.length) : deadlineId.slice(deadlineId.lastIndexOf('|') + 1);
}

/**
 * Alerts shown, and whether they were acted on in time, per local day of the first notification.
 * `warnings` may hold every warning; only fired ones count.
 */
export function alertDays(
  warnings: readonly WarningRecord[],
  deadlines: ReadonlyMap<string, DeadlineRecord>,
  cases: ReadonlyMap<string, CaseRecord>,
  now: number,
  shopOf: (conversationId: string, platform: PlatformId) => string = defaultShopOf,
): AlertDay[] {
  // One alert per clock / case stage: its first notification, and the latest deadline its rungs named.
  const alerts = new Map<string, { first: WarningRecord; ladderDue: number }>();
  for (const w of warnings) {
    if (w.state !== 'fired' || w.firedAt === null) continue;
    const seen = alerts.get(w.deadlineId);
    if (!seen) alerts.set(w.deadlineId, { first: w, ladderDue: w.warnAt + w.beforeMs });
    else {
      if (w.firedAt < seen.first.firedAt!) seen.first = w;
      seen.ladderDue = Math.max(seen.ladderDue, w.warnAt + w.beforeMs);
    }
  }
  const rows = new Map<string, AlertDay>();
  for (const [deadlineId, { first, ladderDue }] of alerts) {
    let platform: PlatformId;
    let shop: string;
    let outcome: 'actedOn' | 'late' | 'open' | 'excluded';
    if (first.caseRecordId) {
      const c = cases.get(first.caseRecordId);
      if (!c) continue; // purged with its case
      platform = c.platform;
      shop = c.shop;
      const run = stageRuns(c).find((r) => r.key === caseStageKey(deadlineId, c.id));
      if (!run) outcome = 'excluded';
      else {
        const result = runOutcome(run, run.dueAt ?? ladderDue, c.lastSeenAt, now).outcome;
        outcome = result === 'onTime' ? 'actedOn' : result === 'unseen' ? 'excluded' : result;
      }
    } else {
      const d = deadlines.get(deadlineId);
      if (!d) continue; // purged with its conversation
      platform = d.platform;
      shop = shopOf(d.conversationId, d.platform);
      outcome = d.state === 'met' ? 'actedOn' : d.state === 'missed' ? 'late' : d.state === 'not-assessed' ? 'excluded' : d.dueAt < now ? 'late' : 'open';
    }
    const day = localDay(first.firedAt!);
    const r = bump(rows, `${day}|${platform}|${shop}`, () => ({ day, platform, shop, fired: 0, actedOn: 0, late: 0, open: 0, excluded: 0 }));
    r.fired++;
    r[outcome]++;
  }
  return [...rows.values()].sort(byKeyed);
}

// ---------------------------------------------------------------------------------------------
// One row shape for the table, the charts and the CSV

export type MetricKind = 'reply' | 'aftersale' | 'alerts';
const KIND_ORDER: Record<MetricKind, number> = { reply: 0, aftersale: 1, alerts: 2 };

/**
 * One metric's counts. `onTime` / `late` are what the rate is made of: reply — met / missed
 * clocks; aftersale — stages left before / after their deadline; alerts — acted on / not.
 * `excluded`: not assessed / no verdict. `open`: not decided yet.
 */
interface MetricCounts {
  kind: MetricKind;
  /** The rule id for reply rows; the kind otherwise. */
  metric: string;
  onTime: number;
  late: number;
  excluded: number;
  open: number;
  /** Reply rows: clocks still open after their deadline (in `late`). */
  overdue: number;
  rate: number | null;
  passLine: PassLine | null;
}

/** A metric on one day for one platform + shop. */
export interface MetricDayRow extends Keyed, MetricCounts {
  missesLeft: number | null;
}

export interface HistoryData {
  deadlines: readonly DeadlineRecord[];
  /** Fired warnings are enough; others are ignored. */
  warnings: readonly WarningRecord[];
  cases: readonly CaseRecord[];
}

const rateOf = (good: number, bad: number) => (good + bad === 0 ? null : good / (good + bad));

/** Every metric per day, platform and shop, sorted by day, platform, shop, kind and rule. */
export function historyRows(data: HistoryData, rules: RulesFor, now: number, shopOf: (conversationId: string, platform: PlatformId) => string = defaultShopOf): MetricDayRow[] {
  const rows: MetricDayRow[] = [];
  for (const r of replyDays(data.deadlines, rules, now, shopOf))
    rows.push({ day: r.day, platform: r.platform, shop: r.shop, kind: 'reply', metric: r.ruleId, onTime: r.met, late: r.missed, excluded: r.notAssessed, open: r.open, overdue: r.overdue, rate: r.rate, passLine: r.passLine, missesLeft: r.missesLeft });
  for (const r of caseDays(data.cases, now))
    rows.push({ day: r.day, platform: r.platform, shop: r.shop, kind: 'aftersale', metric: 'aftersale', onTime: r.onTime, late: r.late, excluded: r.unseen, open: r.open, overdue: 0, rate: rateOf(r.onTime, r.late), passLine: null, missesLeft: null });
  const deadlines = new Map(data.deadlines.map((d) => [d.id, d]));
  const cases = new Map(data.cases.map((c) => [c.id, c]));
  for (const r of alertDays(data.warnings, deadlines, cases, now, shopOf))
    rows.push({ day: r.day, platform: r.platform, shop: r.shop, kind: 'alerts', metric: 'alerts', onTime: r.actedOn, late: r.late, excluded: r.excluded, open: r.open, overdue: 0, rate: rateOf(r.actedOn, r.late), passLine: null, missesLeft: null });
  return rows.sort(compareRows);
}

function compareRows(a: MetricDayRow, b: MetricDayRow): number {
  return byKeyed(a, b) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0);
}

// ---------------------------------------------------------------------------------------------
// Filters and views

export type Period = 'today' | '30d';

export interface DashboardFilter {
  period: Period;
  platform: PlatformId | 'all';
  shop: string | 'all';
}

export const ALL: DashboardFilter = { period: '30d', platform: 'all', shop: 'all' };

/** The local days a period covers, oldest first. */
export const periodDays = (period: Period, now: number): string[] => (period === 'today' ? [localDay(now)] : lastDays(now, HISTORY_DAYS));

/** Rows of the filter's platform and shop; with `days`, only those days. */
export function filterRows(rows: readonly MetricDayRow[], filter: Pick<DashboardFilter, 'platform' | 'shop'>, days?: readonly string[]): MetricDayRow[] {
  const inDays = days ? new Set(days) : null;
  return rows.filter((r) => (filter.platform === 'all' || r.platform === filter.platform) && (filter.shop === 'all' || r.shop === filter.shop) && (!inDays || inDays.has(r.day)));
}

/** Platforms with any history, and the shops of the chosen platform (all shops with 'all'). */
export function facets(rows: readonly MetricDayRow[], platform: PlatformId | 'all'): { platforms: PlatformId[]; shops: string[] } {
  const platforms = [...new Set(rows.map((r) => r.platform))].sort();
  const shops = [...new Set(rows.filter((r) => platform === 'all' || r.platform === platform).map((r) => r.shop))].sort();
  return { platforms, shops };
}

/** A metric over the period for one platform + shop. */
export interface MetricSummary extends MetricCounts {
  platform: PlatformId;
  shop: string;
  /** Today's, whatever the period; null without a pass line. */
  missesLeftToday: number | null;
  /** Today's items so far (met + missed + open), for a pass line with a minimum sample. */
  sampleToday: number;
}

/** One row per platform + shop + metric over the filter's period; misses left are always today's. */
export function summarise(rows: readonly MetricDayRow[], filter: DashboardFilter, now: number): MetricSummary[] {
  const today = localDay(now);
  const out = new Map<string, MetricSummary & { todayOnTime: number; todayLate: number }>();
  for (const r of filterRows(rows, filter, periodDays(filter.period, now))) {
    const s = bump(out, `${r.platform}|${r.shop}|${r.kind}|${r.metric}`, () => ({
      platform: r.platform,
      shop: r.shop,
      kind: r.kind,
      metric: r.metric,
      onTime: 0,
      late: 0,
      excluded: 0,
      open: 0,
      overdue: 0,
      rate: null,
      passLine: r.passLine,
      missesLeftToday: null,
      sampleToday: 0,
      todayOnTime: 0,
      todayLate: 0,
    }));
    s.onTime += r.onTime;
    s.late += r.late;
    s.excluded += r.excluded;
    s.open += r.open;
    s.overdue += r.overdue;
    if (r.day === today) {
      s.todayOnTime += r.onTime;
      s.todayLate += r.late;
      s.sampleToday += r.onTime + r.late + r.open;
    }
  }
  return [...out.values()]
    .map(({ todayOnTime, todayLate, ...s }) => ({
      ...s,
      rate: rateOf(s.onTime, s.late),
      missesLeftToday: s.passLine ? missesLeft(todayOnTime, todayLate, s.passLine.value) : null,
    }))
    .sort((a, b) => a.platform.localeCompare(b.platform) || (a.shop < b.shop ? -1 : a.shop > b.shop ? 1 : 0) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0));
}

/** Totals over the period for the tiles above the table. */
export interface Totals {
  casesOnTime: number;
  casesLate: number;
  casesUnseen: number;
  alertsFired: number;
  alertsActedOn: number;
}

export function totals(rows: readonly MetricDayRow[], filter: DashboardFilter, now: number): Totals {
  const t: Totals = { casesOnTime: 0, casesLate: 0, casesUnseen: 0, alertsFired: 0, alertsActedOn: 0 };
  for (const r of filterRows(rows, filter, periodDays(filter.period, now))) {
    if (r.kind === 'aftersale') {
      t.casesOnTime += r.onTime;
      t.casesLate += r.late;
      t.casesUnseen += r.excluded;
    } else if (r.kind === 'alerts') {
      t.alertsFired += r.onTime + r.late + r.excluded + r.open;
      t.alertsActedOn += r.onTime;
    }
  }
  return t;
}

export interface RateSeries {
  platform: PlatformId;
  ruleId: string;
  /** Met ÷ decided per day over the filter's shops; null on a day with nothing decided. */
  values: (number | null)[];
  passLine: PassLine | null;
}

/** Daily rate per platform + rule over the last 30 days (the chart always shows 30 days). */
export function rateChart(rows: readonly MetricDayRow[], filter: Pick<DashboardFilter, 'platform' | 'shop'>, now: number): { days: string[]; series: RateSeries[] } {
  const days = lastDays(now, HISTORY_DAYS);
  const index = new Map(days.map((d, i) => [d, i]));
  const sums = new Map<string, { platform: PlatformId; ruleId: string; met: number[]; decided: number[]; passLine: PassLine | null }>();
  for (const r of filterRows(rows, filter, days)) {
    if (r.kind !== 'reply') continue;
    const s = bump(sums, `${r.platform}|${r.metric}`, () => ({ platform: r.platform, ruleId: r.metric, met: days.map(() => 0), decided: days.map(() => 0), passLine: r.passLine }));
    const i = index.get(r.day)!;
    s.met[i]! += r.onTime;
    s.decided[i]! += r.onTime + r.late;
  }
  const series = [...sums.values()]
    .sort((a, b) => a.platform.localeCompare(b.platform) || (a.ruleId < b.ruleId ? -1 : 1))
    .map((s) => ({ platform: s.platform, ruleId: s.ruleId, passLine: s.passLine, values: s.decided.map((n, i) => (n === 0 ? null : s.met[i]! / n)) }));
  return { days, series };
}

/** Alerts shown and acted on per day over the last 30 days. */
export function alertChart(rows: readonly MetricDayRow[], filter: Pick<DashboardFilter, 'platform' | 'shop'>, now: number): { days: string[]; fired: number[]; actedOn: number[] } {
  const days = lastDays(now, HISTORY_DAYS);
  const index = new Map(days.map((d, i) => [d, i]));
  const fired = days.map(() => 0);
  const actedOn = days.map(() => 0);
  for (const r of filterRows(rows, filter, days)) {
    if (r.kind !== 'alerts') continue;
    const i = index.get(r.day)!;
    fired[i]! += r.onTime + r.late + r.excluded + r.open;
    actedOn[i]! += r.onTime;
  }
  return { days, fired, actedOn };
}
