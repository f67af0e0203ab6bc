import type {
  AverageMetricDef,
  ComputeOptions,
  DayLog,
  ItemReason,
  ItemStatus,
  LogMessage,
  LogSession,
  MessageKind,
  MetricDef,
  MetricItem,
  MetricResult,
  MetricThreshold,
  MetricWindow,
  RateMetricDef,
  ReplyFilter,
  ShareMetricDef,
} from './types';

/** Asia/Shanghai: UTC+08:00 all year. */
export const SHANGHAI_UTC_OFFSET_MINUTES = 480;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;
const BP = 10_000;

// ---------------------------------------------------------------------------------------------
// Time

const CLOCK_TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Milliseconds after local midnight for "HH:MM" or "HH:MM:SS" (00:00 … 24:00). With
 * `asEnd`, a time written with seconds includes that whole second ("22:59:59" → 23:00:00).
 * lib/rules/window.ts' `isInWindow` is HH:MM-only at the time of writing, hence this parser.
 */
export function clockMs(time: string, asEnd = false): number {
  const match = CLOCK_TIME.exec(time);
  if (!match) throw new Error(`bad clock time "${time}": expected HH:MM or HH:MM:SS`);
  const h = Number(match[1]);
  const m = Number(match[2]);
  const s = match[3] === undefined ? null : Number(match[3]);
  const valid = h === 24 ? m === 0 && (s === null || s === 0) : h < 24 && m < 60 && (s === null || s < 60);
  if (!valid) throw new Error(`bad clock time "${time}": must lie between 00:00 and 24:00`);
  const ms = (h * 3600 + m * 60 + (s ?? 0)) * SECOND;
  return asEnd && s !== null && h !== 24 ? ms + SECOND : ms;
}

/** The window's [open, close) on the local day that starts at `midnight`. */
export function windowBounds(midnight: number, window: MetricWindow): [number, number] {
  const open = midnight + clockMs(window.start);
  const close = midnight + clockMs(window.end, true);
  if (!(open < close)) throw new Error(`bad window ${window.start}–${window.end}: start must be before end`);
  return [open, close];
}

/** Epoch ms of 00:00 local time on `day` ('YYYY-MM-DD'). */
export function dayStart(day: string, utcOffsetMinutes = SHANGHAI_UTC_OFFSET_MINUTES): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const utc = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (Number.isNaN(utc) || new Date(utc).toISOString().slice(0, 10) !== day) throw new Error(`bad day "${day}": expected a real YYYY-MM-DD`);
  return utc - utcOffsetMinutes * MINUTE;
}

// ---------------------------------------------------------------------------------------------
// Pass lines, in integers

/** Largest k ≥ 0 with met / (total + k) ≥ thresholdBp / 10000; 0 when already below. */
export function rateMissesLeft(met: number, total: number, thresholdBp: number): number {
  return Math.max(0, Math.floor((met * BP) / thresholdBp) - total);
}

/** Largest k ≥ 0 with (bad + k) / (total + k) < thresholdBp / 10000; 0 when already at or above. */
export function shareMissesLeft(bad: number, total: number, thresholdBp: number): number {
  const room = thresholdBp * total - bad * BP; // k · (10000 − t) must stay below this
  return room <= 0 ? 0 : Math.floor((room - 1) / (BP - thresholdBp));
}

// ---------------------------------------------------------------------------------------------
// Definition checks

/** Throws on a definition the engine cannot evaluate (bad window, pass line out of range …). */
export function validateMetricDef(def: MetricDef): void {
  const fail = (why: string): never => {
    throw new Error(`metric ${def.id}: ${why}`);
  };
  if (!/^[a-z]+\.metric\.[a-z0-9_]+$/.test(def.id)) fail('id must look like <platform>.metric.<name>');
  if (!def.id.startsWith(`${def.platform}.`)) fail('id must start with its platform');
  if (def.sources.length === 0) fail('needs at least one source key');
  windowBounds(0, def.window);
  if (def.kind === 'share') {
    if (def.offlineOutside) windowBounds(0, def.offlineOutside);
    if (def.passBelowBp !== null && !(Number.isInteger(def.passBelowBp) && def.passBelowBp > 0 && def.passBelowBp < BP)) fail('passBelowBp must be an integer in 1..9999');
    return;
  }
  if (def.replies.speakers.length === 0 || def.replies.kinds.length === 0) fail('no message could ever count as a reply');
  if (def.unit === 'round' && def.clock !== 'round') fail('round units need the round clock');
  if (def.unit !== 'session' && (def.windowOn === 'session-start' || def.clockFromHuman)) fail('session-start windows and human transfer need session units');
  if (def.kind === 'rate') {
    if (!(Number.isInteger(def.limitMs) && def.limitMs > 0)) fail('limitMs must be a positive integer');
    if (def.passAtLeastBp !== null && !(Number.isInteger(def.passAtLeastBp) && def.passAtLeastBp > 0 && def.passAtLeastBp <= BP)) fail('passAtLeastBp must be an integer in 1..10000');
    if (def.minSample !== null && !(Number.isInteger(def.minSample) && def.minSample > 0)) fail('minSample must be a positive integer');
  } else if (def.passBelowMs !== null && !(Number.isInteger(def.passBelowMs) && def.passBelowMs > 0)) {
    fail('passBelowMs must be a positive integer');
  }
}

// ---------------------------------------------------------------------------------------------
// Log preparation

interface Context {
  midnight: number;
  dayEnd: number;
  open: number;
  close: number;
  /** Close of the same window on the previous day (start of the defer-start range). */
  prevClose: number;
  now: number;
}

interface Stream {
  key: string;
  startedAt: number;
  humanFrom: number | undefined;
  offline: boolean;
  messages: LogMessage[];
}

interface BuyerGroup {
  buyer: string;
  messages: LogMessage[];
  sessions: LogSession[] | null;
}

/** Conversations merged per buyer, messages and sessions sorted by time (stable), nothing after `now`. */
function groupByBuyer(log: DayLog, now: number): BuyerGroup[] {
  const groups = new Map<string, BuyerGroup>();
  for (const conversation of log.conversations) {
    let group = groups.get(conversation.buyer);
    if (!group) {
      group = { buyer: conversation.buyer, messages: [], sessions: null };
      groups.set(conversation.buyer, group);
    }
    group.messages.push(...conversation.messages.filter((m) => m.at <= now));
    if (conversation.sessions) {
      group.sessions = [...(group.sessions ?? []), ...conversation.sessions.filter((s) => s.startedAt <= now)];
    }
  }
  for (const group of groups.values()) {
    group.messages = stableSortBy(group.messages, (m) => m.at);
    if (group.sessions) group.sessions = stableSortBy(group.sessions, (s) => s.startedAt);
  }
  return [...groups.values()];
}

function stableSortBy<T>(list: readonly T[], at: (item: T) => number): T[] {
  return list
    .map((item, index) => ({ item, index }))
    .sort((a, b) => at(a.item) - at(b.item) || a.index - b.index)
    .map((entry) => entry.item);
}

/** A buyer's sessions with their messages; one implicit session from the first buyer message when none are logged. */
function sessionStreams(group: BuyerGroup): Stream[] {
  if (!group.sessions) {
    const first = group.messages.find((m) => m.speaker === 'buyer');
    if (!first) return [];
    return [{ key: group.buyer, startedAt: first.at, humanFrom: undefined, offline: false, messages: group.messages }];
  }
  const sessions = group.sessions;
  if (sessions.length === 0) return [];
  const streams: Stream[] = sessions.map((s) => ({
    key: `${group.buyer}#${s.id}`,
    startedAt: s.startedAt,
    humanFrom: s.humanFrom,
    offline: s.offline === true,
    messages: [],
  }));
  for (const message of group.messages) {
    let index = 0;
    for (let i = 0; i < sessions.length; i++) if ((sessions[i] as LogSession).startedAt <= message.at) index = i;
    (streams[index] as Stream).messages.push(message);
  }
  return streams;
}

// ---------------------------------------------------------------------------------------------
// Clocks

interface RawClock {
  start: number;
  answeredAt: number | null;
}

interface Clock {
  start: number;
  answeredAt: number | null;
  waitedMs: number | null;
  status: ItemStatus;
  reason: ItemReason | null;
}

function counts(message: LogMessage, replies: ReplyFilter): boolean {
  if (message.speaker !== 'agent' && message.speaker !== 'robot') return false;
  const kind: MessageKind = message.kind ?? 'text';
  return replies.speakers.includes(message.speaker) && replies.kinds.includes(kind);
}

function rawClocks(messages: readonly LogMessage[], mode: RateMetricDef['clock'], replies: ReplyFilter): RawClock[] {
  const clocks: RawClock[] = [];
  let open: RawClock[] = [];
  for (const message of messages) {
    if (message.speaker === 'buyer') {
      if (mode === 'each-message' || (open.length === 0 && (mode === 'round' || clocks.length === 0))) {
        const clock = { start: message.at, answeredAt: null };
        clocks.push(clock);
        open.push(clock);
      }
    } else if (open.length > 0 && counts(message, replies)) {
      for (const clock of open) clock.answeredAt = message.at;
      open = [];
    }
  }
  return clocks;
}

/**
 * Moves a raw clock's start to where the metric starts counting (transfer to a human, window
 * opening) or drops it when the metric does not assess it.
 */
function placeClock(raw: RawClock, def: RateMetricDef | AverageMetricDef, ctx: Context, notBefore: number | undefined): RawClock | null {
  let start = notBefore === undefined ? raw.start : Math.max(raw.start, notBefore);
  const { answeredAt } = raw;
  if (answeredAt !== null && answeredAt < start) return null; // answered before the clock could start
  if (def.windowOn === 'clock-start' && !(start >= ctx.open && start < ctx.close)) {
    const deferrable = def.outsideWindow === 'defer-start' && start >= ctx.prevClose && start < ctx.open;
    if (!deferrable || (answeredAt !== null && answeredAt < ctx.open)) return null;
    start = ctx.open;
  }
  return { start, answeredAt };
}

function judgeRateClock(clock: RawClock, def: RateMetricDef, ctx: Context): Clock {
  const { start, answeredAt } = clock;
  const done = (status: ItemStatus, reason: ItemReason | null, answered: number | null = answeredAt): Clock => ({
    start,
    answeredAt: answered,
    waitedMs: answered === null ? null : answered - start,
    status,
    reason,
  });
  if (answeredAt !== null) {
    if (answeredAt >= ctx.dayEnd && def.midnight === 'excluded') return done('excluded', 'crosses-midnight');
    if (answeredAt >= ctx.dayEnd && def.midnight === 'due-by-midnight') return done('missed', 'reply-after-midnight');
    return answeredAt - start <= def.limitMs ? done('met', null) : done('missed', 'late');
  }
  const dayOver = def.midnight !== 'continue' && ctx.now >= ctx.dayEnd;
  if (!dayOver && ctx.now <= start + def.limitMs) return done('pending', null);
  return def.unanswered === 'missed' ? done('missed', 'unanswered') : done('excluded', 'no-human-reply');
}

/** An item judged on several clocks: missed if any is missed, else pending if any is, else met. */
function aggregate(key: string, clocks: readonly Clock[]): MetricItem | null {
  if (clocks.length === 0) return null;
  const longestMet = clocks
    .filter((c) => c.status === 'met')
    .reduce<Clock | undefined>((best, c) => (best === undefined || (c.waitedMs ?? 0) > (best.waitedMs ?? 0) ? c : best), undefined);
  const decider =
    clocks.find((c) => c.status === 'missed') ?? clocks.find((c) => c.status === 'pending') ?? longestMet ?? (clocks[0] as Clock);
  return {
    key,
    startedAt: decider.start,
    answeredAt: decider.answeredAt,
    waitedMs: decider.waitedMs,
    met: decider.status === 'met',
    status: decider.status,
    reason: decider.reason,
    clocks: clocks.length,
  };
}

function offlineItem(stream: Stream, status: ItemStatus): MetricItem {
  return { key: stream.key, startedAt: stream.startedAt, answeredAt: null, waitedMs: null, met: false, status, reason: 'offline', clocks: 0 };
}

const inRange = (t: number, [open, close]: [number, number]) => t >= open && t < close;

// ---------------------------------------------------------------------------------------------
// Items per kind

function rateItems(def: RateMetricDef, groups: readonly BuyerGroup[], ctx: Context): MetricItem[] {
  const items: MetricItem[] = [];
  const judge = (raw: RawClock, notBefore?: number): Clock | null => {
    const placed = placeClock(raw, def, ctx, notBefore);
    return placed && judgeRateClock(placed, def, ctx);
  };
  for (const group of groups) {
    if (def.unit === 'buyer') {
      const clocks = rawClocks(group.messages, def.clock, def.replies).flatMap((raw) => judge(raw) ?? []);
      const item = aggregate(group.buyer, clocks);
      if (item) items.push(item);
    } else if (def.unit === 'round') {
      rawClocks(group.messages, def.clock, def.replies).forEach((raw, i) => {
        const clock = judge(raw);
        const item = clock && aggregate(`${group.buyer}#${i + 1}`, [clock]);
        if (item) items.push(item);
      });
    } else {
      for (const stream of sessionStreams(group)) {
        const sessionInWindow = inRange(stream.startedAt, [ctx.open, ctx.close]);
        if (stream.offline) {
          if (sessionInWindow) items.push(offlineItem(stream, def.offlineSessions));
          continue;
        }
        if (def.windowOn === 'session-start' && !sessionInWindow) continue;
        const humanFrom = def.clockFromHuman ? (stream.humanFrom ?? stream.startedAt) : undefined;
        if (humanFrom !== undefined && humanFrom > ctx.now) continue; // not with a human yet
        const clocks = rawClocks(stream.messages, def.clock, def.replies).flatMap((raw) => judge(raw, humanFrom) ?? []);
        const item = aggregate(stream.key, clocks);
        if (item) items.push(item);
      }
    }
  }
  return items;
}

function averageItems(def: AverageMetricDef, groups: readonly BuyerGroup[], ctx: Context): MetricItem[] {
  const items: MetricItem[] = [];
  const streams: Stream[] =
    def.unit === 'session'
      ? groups.flatMap(sessionStreams)
      : groups.map((g) => ({ key: g.buyer, startedAt: g.messages[0]?.at ?? 0, humanFrom: undefined, offline: false, messages: g.messages }));
  for (const stream of streams) {
    const sessionInWindow = inRange(stream.startedAt, [ctx.open, ctx.close]);
    if (stream.offline) {
      if (sessionInWindow) items.push(offlineItem(stream, 'excluded'));
      continue;
    }
    if (def.windowOn === 'session-start' && !sessionInWindow) continue;
    const humanFrom = def.clockFromHuman ? (stream.humanFrom ?? stream.startedAt) : undefined;
    rawClocks(stream.messages, def.clock, def.replies).forEach((raw, i) => {
      const placed = placeClock(raw, def, ctx, humanFrom);
      if (!placed) return;
      const key = def.clock === 'first-message' ? stream.key : `${stream.key}#${i + 1}`;
      const base = { key, startedAt: placed.start, clocks: 1 };
      // An average has no miss to book a reply after 24:00 against: under either non-'continue'
      // policy such an item is left out of the mean.
      const afterMidnight = placed.answeredAt !== null && placed.answeredAt >= ctx.dayEnd && def.midnight !== 'continue';
      if (placed.answeredAt === null || afterMidnight) {
        const reason: ItemReason = placed.answeredAt === null ? 'unanswered' : 'crosses-midnight';
        items.push({ ...base, answeredAt: placed.answeredAt, waitedMs: null, met: false, status: 'excluded', reason });
        return;
      }
      const waitedMs = placed.answeredAt - placed.start;
      const met = def.passBelowMs === null || waitedMs < def.passBelowMs;
      items.push({ ...base, answeredAt: placed.answeredAt, waitedMs, met, status: met ? 'met' : 'missed', reason: met ? null : 'late' });
    });
  }
  return items;
}

function shareItems(def: ShareMetricDef, groups: readonly BuyerGroup[], ctx: Context): MetricItem[] {
  const items: MetricItem[] = [];
  const service = def.offlineOutside && windowBounds(ctx.midnight, def.offlineOutside);
  for (const stream of groups.flatMap(sessionStreams)) {
    if (!inRange(stream.startedAt, [ctx.open, ctx.close])) continue;
    const reason: ItemReason | null = stream.offline ? 'offline' : service && !inRange(stream.startedAt, service) ? 'outside-hours' : null;
    items.push({
      key: stream.key,
      startedAt: stream.startedAt,
      answeredAt: null,
      waitedMs: null,
      met: reason === null,
      status: reason === null ? 'met' : 'missed',
      reason,
      clocks: 0,
    });
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// The engine

/**
 * One platform metric for one day, by that platform's own formula as described by `def`.
 * Pure: same inputs, same result.
 */
export function computeMetric(def: MetricDef, log: DayLog, options: ComputeOptions = {}): MetricResult {
  validateMetricDef(def);
  if (log.platform !== def.platform) throw new Error(`metric ${def.id} is for ${def.platform}, the log is ${log.platform}`);
  const offset = options.utcOffsetMinutes ?? SHANGHAI_UTC_OFFSET_MINUTES;
  const now = options.now ?? Number.POSITIVE_INFINITY;
  const midnight = dayStart(log.day, offset);
  const [open, close] = windowBounds(midnight, def.window);
  const ctx: Context = { midnight, dayEnd: midnight + DAY, open, close, prevClose: windowBounds(midnight - DAY, def.window)[1], now };
  const groups = groupByBuyer(log, now);

  const items = def.kind === 'rate' ? rateItems(def, groups, ctx) : def.kind === 'average' ? averageItems(def, groups, ctx) : shareItems(def, groups, ctx);
  items.sort((a, b) => a.startedAt - b.startedAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  const tally = (status: ItemStatus) => items.filter((i) => i.status === status).length;
  const met = tally('met');
  const missed = tally('missed');
  const pending = tally('pending');
  const excluded = tally('excluded');
  const sample = met + missed + pending;
  const minSample = def.kind === 'rate' ? def.minSample : null;
  const assessed = minSample === null || sample >= minSample;
  const base = { metric: def.id, platform: def.platform, day: log.day, kind: def.kind, sample, minSample, assessed, pending, excluded, items };

  if (def.kind === 'average') {
    const answered = items.filter((i) => i.status === 'met' || i.status === 'missed');
    const sum = answered.reduce((total, i) => total + (i.waitedMs ?? 0), 0);
    const count = answered.length;
    const threshold: MetricThreshold | null = def.passBelowMs === null ? null : { belowMs: def.passBelowMs };
    const passes = def.passBelowMs === null || !assessed || count === 0 ? null : sum < def.passBelowMs * count;
    return { ...base, numerator: sum, denominator: count, rate: null, value: count === 0 ? null : sum / count, threshold, passes, missesLeft: null };
  }

  const denominator = met + missed;
  const rate = denominator === 0 ? null : (def.kind === 'rate' ? met : missed) / denominator;
  if (def.kind === 'rate') {
    const t = def.passAtLeastBp;
    const passes = t === null || !assessed || denominator === 0 ? null : met * BP >= t * denominator;
    const missesLeft = t === null ? null : rateMissesLeft(met, denominator, t);
    return { ...base, numerator: met, denominator, rate, value: rate, threshold: t === null ? null : { atLeastBp: t }, passes, missesLeft };
  }
  const t = def.passBelowBp;
  const passes = t === null || !assessed || denominator === 0 ? null : missed * BP < t * denominator;
  const missesLeft = t === null ? null : shareMissesLeft(missed, denominator, t);
  return { ...base, numerator: missed, denominator, rate, value: rate, threshold: t === null ? null : { belowBp: t }, passes, missesLeft };
}
