import type { Speaker } from '../domain/chat';
import type { PlatformId } from '../domain/platform';

/**
 * Reply-metric maths: the inputs (one shop-day of chat), the metric definitions (data, one
 * object per platform metric) and the result of `computeMetric`. Everything here is plain data:
 * no clocks, no storage, no DOM.
 */

/** zh-CN first, English second (same shape as the rule packs' LocalText). */
export interface MetricText {
  zh_CN: string;
  en: string;
}

/**
 * How a message was produced. Anything a person typed or pasted (text, emoji, images) is `text`;
 * `card` = product or order card, `coupon` = coupon sent from the chat tool, `auto` = an automatic
 * message sent from the agent's account (welcome text, auto-reply, quick-reply macros fired by a
 * rule). Absent = `text`.
 */
export type MessageKind = 'text' | 'card' | 'coupon' | 'auto';

export interface LogMessage {
  /** Epoch ms. */
  at: number;
  speaker: Speaker;
  kind?: MessageKind;
}

export interface LogSession {
  /** Unique per buyer. */
  id: string;
  /** Epoch ms when the session opened (JD: the first buyer message). */
  startedAt: number;
  /** Douyin: when the session was transferred to a human. Absent = human from `startedAt`. */
  humanFrom?: number;
  /** The session ended as an offline message: JD 留言, Douyin 未分配客服 / 无客服回应. */
  offline?: boolean;
}

export interface LogConversation {
  /** Buyer uid. Conversations with the same buyer are merged. */
  buyer: string;
  /**
   * Sessions, for session-scored metrics (Douyin, JD). A message belongs to the latest session
   * that started at or before it (messages before every session go to the first). Absent = one
   * session that starts at the buyer's first message.
   */
  sessions?: readonly LogSession[];
  messages: readonly LogMessage[];
}

/** One shop's chat for one local (Asia/Shanghai) day. May hold messages of the next day too. */
export interface DayLog {
  platform: PlatformId;
  /** 'YYYY-MM-DD', local day. */
  day: string;
  conversations: readonly LogConversation[];
}

/**
 * A same-day window. `start` is inclusive. `end` is exclusive when written HH:MM ("23:00" = up
 * to 22:59:59.999) and inclusive of the named second when written HH:MM:SS ("22:59:59" = up to
 * 23:00:00, exclusive). "24:00" / "24:00:00" = the next midnight. Same convention as
 * `clockSeconds` in lib/rules/schema.ts.
 */
export interface MetricWindow {
  start: string;
  end: string;
}

export type ReplySpeaker = 'agent' | 'robot';

/** Which messages stop a clock: the speaker must be listed AND the kind must be listed. */
export interface ReplyFilter {
  speakers: readonly ReplySpeaker[];
  kinds: readonly MessageKind[];
}

export type MetricUnit = 'buyer' | 'round' | 'session';

export type Trust = 'confirmed' | 'single-source' | 'conflicting' | 'weak' | 'seed-only';

interface MetricDefBase {
  /** `<platform>.metric.<name>` */
  id: string;
  platform: PlatformId;
  label: MetricText;
  /** Row id in shared/reference/platform-rules.md for this platform (C1, C4 …). */
  rule: string;
  /** Source keys of that row (PD4, TB1 …). */
  sources: readonly string[];
  trust: Trust;
  /** What one scored item is. `buyer` = a buyer counted once per day. */
  unit: MetricUnit;
  window: MetricWindow;
  /**
   * What has to lie inside `window`: each clock's start (the buyer message, or the transfer to a
   * human), or the session's start (JD: only sessions started 09:00–23:00 count).
   */
  windowOn: 'clock-start' | 'session-start';
  /**
   * A clock that starts outside the window: not assessed at all, or (strictest, same as the rule
   * packs' `defer-start`) started at the window's next opening when still unanswered by then. In a
   * day log only clocks from the previous window's close to this day's opening are deferred.
   */
  outsideWindow: 'not-assessed' | 'defer-start';
}

/**
 * How reply clocks are found in a buyer's (or session's) message stream.
 * - `each-message`: every buyer message starts its own clock; the first reply that counts stops
 *   every open one.
 * - `round`: a buyer message with no open round opens a round; later buyer messages join it; the
 *   first reply that counts closes it (Taobao 首问首答, Douyin rounds).
 * - `first-message`: only the session's first buyer message (JD 首次应答).
 */
export type ClockMode = 'each-message' | 'round' | 'first-message';

/**
 * Replies that arrive after 24:00 of the day:
 * - `continue`: counted normally (the reply stops the clock whenever it comes);
 * - `excluded`: the item is dropped from both sides (Taobao: rounds crossing midnight);
 * - `due-by-midnight`: the day's data ends at 24:00, so an item still open then is missed.
 * Same names as `ReplyRule.midnight` in lib/rules/schema.ts.
 */
export type MidnightPolicy = 'continue' | 'excluded' | 'due-by-midnight';

interface ClockSpec {
  clock: ClockMode;
  replies: ReplyFilter;
  /** Douyin: no clock starts before the session's transfer to a human (`humanFrom`). */
  clockFromHuman: boolean;
  midnight: MidnightPolicy;
  /** Session units only: a session flagged `offline` scores 0, or is left out of both sides. */
  offlineSessions: 'missed' | 'excluded';
}

/** Share of items answered in time. Passes when rate ≥ passAtLeastBp / 10000. */
export interface RateMetricDef extends MetricDefBase, ClockSpec {
  kind: 'rate';
  /** Met when the wait is ≤ this (a wait longer than the limit is a miss). */
  limitMs: number;
  /** A clock never answered: missed, or (Taobao) left out of both sides. */
  unanswered: 'missed' | 'excluded';
  /** Pass line in basis points (5000 = 50%), inclusive; null when no pass line is published. */
  passAtLeastBp: number | null;
  /** Assessed only with at least this many items (PDD: 100 consulting buyers); null = always. */
  minSample: number | null;
}

/** Mean wait of answered items, in ms. Passes when the mean is < passBelowMs. */
export interface AverageMetricDef extends MetricDefBase, ClockSpec {
  kind: 'average';
  /** Pass line (exclusive) in ms; null when none is published. */
  passBelowMs: number | null;
}

/** Share of sessions that ended as offline messages. Passes when share < passBelowBp / 10000. */
export interface ShareMetricDef extends MetricDefBase {
  kind: 'share';
  unit: 'session';
  /** Sessions started outside this window count as offline messages too (JD: 23:00–09:00); null = flag only. */
  offlineOutside: MetricWindow | null;
  /** Pass line in basis points, exclusive; null when none is published. */
  passBelowBp: number | null;
}

export type MetricDef = RateMetricDef | AverageMetricDef | ShareMetricDef;
export type MetricKind = MetricDef['kind'];

export type ItemStatus = 'met' | 'missed' | 'pending' | 'excluded';

export type ItemReason =
  /** answered after the limit */
  | 'late'
  /** never answered (or not by the time the limit ran out) */
  | 'unanswered'
  /** the reply came after 24:00 and the day's data ends at 24:00 */
  | 'reply-after-midnight'
  /** excluded: the item crosses midnight */
  | 'crosses-midnight'
  /** excluded: no reply that counts (Taobao drops rounds with no human reply) */
  | 'no-human-reply'
  /** the session ended as an offline message */
  | 'offline'
  /** share metrics: the session started outside service hours, which makes it an offline message */
  | 'outside-hours';

export interface MetricItem {
  /** buyer uid; `buyer#n` for the buyer's n-th round; `buyer#sessionId` for sessions. */
  key: string;
  /**
   * Start of the clock that decided the item (for a missed buyer: the first missed message; for
   * a met buyer: the longest wait). Session start for share metrics.
   */
  startedAt: number;
  answeredAt: number | null;
  waitedMs: number | null;
  met: boolean;
  status: ItemStatus;
  reason: ItemReason | null;
  /** How many clocks the item was judged on (0 for offline sessions and share items). */
  clocks: number;
}

export type MetricThreshold = { atLeastBp: number } | { belowBp: number } | { belowMs: number };

export interface MetricResult {
  metric: string;
  platform: PlatformId;
  day: string;
  kind: MetricKind;
  /**
   * rate: met items; share: offline-message sessions; average: sum of waits in ms.
   */
  numerator: number;
  /** rate: met + missed items; share: all sessions; average: answered items. */
  denominator: number;
  /** numerator ÷ denominator for rate and share; null for average or when the denominator is 0. */
  rate: number | null;
  /** rate/share: same as `rate`; average: mean wait in ms; null when the denominator is 0. */
  value: number | null;
  threshold: MetricThreshold | null;
  /** Items for the minimum-sample test: met + missed + pending. */
  sample: number;
  minSample: number | null;
  /** False when `sample` is below `minSample`. */
  assessed: boolean;
  /** null when there is no threshold, the day is not assessed, or there is nothing to judge. */
  passes: boolean | null;
  /**
   * How many more items can be missed (rate) or become offline messages (share), with no
   * further good items, before the pass line is lost; 0 when already failing. Pending items are
   * not counted yet: each one that ends as a miss uses one. null without a threshold, and for
   * averages.
   */
  missesLeft: number | null;
  pending: number;
  excluded: number;
  /** Every item, sorted by startedAt then key; pending and excluded ones included. */
  items: MetricItem[];
}

export interface ComputeOptions {
  /**
   * Evaluate as of this instant: later messages and sessions are ignored, and an unanswered
   * clock whose limit has not run out is `pending`. Default: the log is complete.
   */
  now?: number;
  /** Default 480 (Asia/Shanghai, no DST). */
  utcOffsetMinutes?: number;
}
