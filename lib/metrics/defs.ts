import type { PlatformId } from '../domain/platform';
import type { AverageMetricDef, MetricDef, RateMetricDef, ShareMetricDef } from './types';

/**
 * Each platform's customer-service reply metrics as data, from shared/reference/platform-rules.md
 * (the C rows) and the seeds in shared/seeds/. Where the reference conflicts or is silent, the
 * field holds the strictest reading and the comment next to it names the alternative.
 *
 * Every metric is computed for one local day. Platforms assess over longer periods (Taobao 30
 * days, Kuaishou a week, JD a month); those figures are the sums of the daily numerators and
 * denominators, which is why each result keeps both.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;

// --- Pinduoduo -------------------------------------------------------------------------------

/**
 * 有效回复率 = (consulting buyers − buyers not validly answered) ÷ consulting buyers (C1).
 * Seed 003 (PD1): "同一天内从08:00至23:00 … 同一消费者当天内多次询问只累计一次 … 任意一条消息未得到商家客服
 * 回复或者超过一小时后才得到商家客服回复".
 */
export const PDD_VALID_REPLY_RATE: RateMetricDef = {
  id: 'pdd.metric.valid_reply_rate',
  platform: 'pdd',
  kind: 'rate',
  label: { zh_CN: '有效回复率', en: 'Effective reply rate' },
  rule: 'C1',
  sources: ['PD1', 'PD2', 'PD3', 'PD4', 'PD9'],
  trust: 'confirmed',
  unit: 'buyer',
  // [08:00, 23:00): a message at 23:00:00 is outside (same convention as the rule packs).
  // Alternative: 23:00:00 itself inside.
  window: { start: '08:00', end: '23:00' },
  windowOn: 'clock-start',
  // The seed bases the count on "当日从08:00至23:00之间的咨询", so a 07:59 message is not a
  // consultation of the day. Alternative (stricter): defer its clock to 08:00.
  outsideWindow: 'not-assessed',
  clock: 'each-message',
  // Coupons and product/order cards count as a manual reply (PD4). Whether the auto-reply robot
  // counts is not stated: strictest = it does not, nor do automatic messages from the agent's
  // account ('auto'). Alternative: robot / auto replies count (PD26, weak, talks of a partial
  // "自动回复抵扣").
  replies: { speakers: ['agent'], kinds: ['text', 'card', 'coupon'] },
  clockFromHuman: false,
  // "超过一小时后才得到回复" is the miss: a reply at exactly 60:00 is valid. Alternative: ≥ 60 min misses.
  limitMs: 60 * MINUTE,
  unanswered: 'missed',
  // The last clock (22:59:59.999) runs out before midnight, so this never decides anything.
  midnight: 'continue',
  offlineSessions: 'missed',
  // ≥50%, 50% itself passes ("50%以上(含50%)").
  passAtLeastBp: 5000,
  // Seed: "咨询的消费者总人数大于等于100". PD4 / PD6 say ">100" → alternative 101. 100 is stricter.
  minSample: 100,
};

/**
 * 3分钟人工回复率 (8-23点) = (buyers − buyers with any message left >3 min without a human reply)
 * ÷ buyers (C4, formula from PD5).
 */
export const PDD_HUMAN_3MIN_RATE: RateMetricDef = {
  id: 'pdd.metric.human_3min_rate',
  platform: 'pdd',
  kind: 'rate',
  label: { zh_CN: '3分钟人工回复率', en: '3-minute human reply rate' },
  rule: 'C4',
  sources: ['PD5', 'PD10', 'PD11', 'PD12'],
  trust: 'confirmed',
  unit: 'buyer',
  window: { start: '08:00', end: '23:00' },
  windowOn: 'clock-start',
  // Same counting basis as 有效回复率 (console label "(8-23点)"). Alternative (stricter): defer-start.
  outsideWindow: 'not-assessed',
  clock: 'each-message',
  // 人工 = human only; robots excluded by name. Cards and coupons are not named for this metric:
  // strictest = only typed replies count. Alternative: cards/coupons sent by the agent count as
  // they do for 有效回复率.
  replies: { speakers: ['agent'], kinds: ['text'] },
  clockFromHuman: false,
  // ">3分钟" is the miss: exactly 3:00 is met.
  limitMs: 3 * MINUTE,
  unanswered: 'missed',
  midnight: 'continue',
  offlineSessions: 'missed',
  // No pass line found. PD5 says ≥50% (mixed up with C1), PD26 80% (weak); console test data
  // shows 52.17% flagged 未达标 (PD12), so the real line is above 52.17%. Take it from the user.
  passAtLeastBp: null,
  // The console also shows 需人工回复的咨询人数, which suggests the denominator may be only buyers
  // who needed a human (robot-resolved buyers left out). Alternative not modelled: all buyers count.
  minSample: null,
};

/**
 * 30秒应答率 (8-23点): console name only (C5); its definition was not found. Modelled like its
 * sibling 3分钟人工回复率 with a 30-second limit.
 */
export const PDD_ANSWER_30S_RATE: RateMetricDef = {
  id: 'pdd.metric.answer_30s_rate',
  platform: 'pdd',
  kind: 'rate',
  label: { zh_CN: '30秒应答率', en: '30-second answer rate' },
  rule: 'C5',
  sources: ['PD10', 'PD13'],
  trust: 'single-source',
  // Alternatives: per message (answered messages ÷ messages), or only the first message of the
  // buyer's day (an "应答" is often the first answer). Per buyer, every message, is strictest.
  unit: 'buyer',
  window: { start: '08:00', end: '23:00' },
  windowOn: 'clock-start',
  outsideWindow: 'not-assessed',
  clock: 'each-message',
  // Alternative: robot answers count ("应答" is not "人工"). Strictest: human typed replies only.
  replies: { speakers: ['agent'], kinds: ['text'] },
  clockFromHuman: false,
  limitMs: 30 * SECOND,
  unanswered: 'missed',
  midnight: 'continue',
  offlineSessions: 'missed',
  passAtLeastBp: null,
  minSample: null,
};

// --- Taobao / Tmall --------------------------------------------------------------------------

/**
 * 阿里旺旺三分钟响应率 = rounds answered within 3 min ÷ all rounds (C1, 首问首答). A round runs
 * from the buyer's first question to the first valid answer; later buyer messages stay in it.
 * The platform's period is the last 30 days. Chats between sub-accounts and the main account and
 * chats with 小二 are excluded on both sides: the log must not contain them.
 */
export const TAOBAO_WANGWANG_3MIN_RATE: RateMetricDef = {
  id: 'taobao.metric.wangwang_3min_rate',
  platform: 'taobao',
  kind: 'rate',
  label: { zh_CN: '阿里旺旺三分钟响应率', en: 'AliWangwang 3-minute response rate' },
  rule: 'C1',
  sources: ['TB1', 'TB2', 'TB3', 'TB4'],
  trust: 'confirmed',
  unit: 'round',
  // 08:00–24:00 in five reposts of the official text. Alternative: TB5's 09:00–23:00 (single).
  window: { start: '08:00', end: '24:00' },
  windowOn: 'clock-start',
  // Silent on a round opened before 08:00 and still unanswered at 08:00: strictest = its clock
  // starts at 08:00. Alternative: not assessed (only rounds opened 08:00–24:00 count).
  outsideWindow: 'defer-start',
  clock: 'round',
  // A human, or 店小蜜/乐言/小微/晓多 in 智能辅助 mode — those replies are sent by the agent, so they
  // arrive as speaker 'agent'. Unattended robots do not count. Cards and coupons are not
  // mentioned: strictest = they do not end a round. Alternative: any agent message ends it.
  replies: { speakers: ['agent'], kinds: ['text'] },
  clockFromHuman: false,
  limitMs: 3 * MINUTE,
  // Stated: rounds with no human reply are excluded from both sides. So an overdue round is
  // `excluded` until a human answers it, and `missed` once one does. Alternative (stricter,
  // unofficial): count an unanswered round as missed.
  unanswered: 'excluded',
  // Stated: rounds crossing midnight are excluded from both sides.
  midnight: 'excluded',
  offlineSessions: 'missed',
  // No pass line in the official text. Alternative: TB5 says ≥90% and not assessed below 100
  // rounds (single source, and it gives 09:00–23:00).
  passAtLeastBp: null,
  minSample: null,
};

// --- Douyin (抖店 飞鸽) ------------------------------------------------------------------------

/**
 * 三分钟回复率(会话) = sessions in which the agent answered every buyer round within 3 min ÷
 * sessions after transfer to a human (C1). A session with any round unanswered for >3 min
 * scores 0; sessions that fell into offline messages (未分配客服 / 无客服回应) score 0. Buyer
 * messages reported as abusive (C5) must be left out of the log.
 */
export const DOUYIN_SESSION_3MIN_RATE: RateMetricDef = {
  id: 'douyin.metric.session_3min_rate',
  platform: 'douyin',
  kind: 'rate',
  label: { zh_CN: '三分钟回复率(会话)', en: '3-minute reply rate (sessions)' },
  rule: 'C1',
  sources: ['DY1', 'DY2', 'DY5'],
  trust: 'confirmed',
  unit: 'session',
  // 08:00:00–22:59:59 inclusive = [08:00:00, 23:00:00). Same window as C2/C3's 08:00–23:00.
  window: { start: '08:00:00', end: '22:59:59' },
  // Each round is assessed when its clock starts in the window; a session counts when at least
  // one of its rounds does. Alternative: judge the whole session by its start (or transfer) time.
  windowOn: 'clock-start',
  // Silent: strictest = a round still open at 08:00:00 is timed from 08:00:00. Alternative: not assessed.
  outsideWindow: 'defer-start',
  clock: 'round',
  // The clock starts at the transfer to a human, or at the first buyer message after it.
  clockFromHuman: true,
  // Human only. C2 lists typed text, emoji and images (all 'text' here); cards and coupons are
  // not listed, so strictest = they do not count. Alternative: C3's "any human reply" (cards too).
  // System welcome and auto messages do not count (C3: a session with only the welcome is not served).
  replies: { speakers: ['agent'], kinds: ['text'] },
  limitMs: 3 * MINUTE,
  unanswered: 'missed',
  // A round at 22:59:59 is due 23:02:59, long before midnight.
  midnight: 'continue',
  offlineSessions: 'missed',
  // No reliable pass line (SEO pages: ≥50%, ≥90%, "category average"). A 体验分 component.
  passAtLeastBp: null,
  minSample: null,
};

// --- Kuaishou (快手小店) -----------------------------------------------------------------------

/**
 * 商户客服3分钟回复率 = (buyers who consulted − buyers with any message unanswered for >3 min) ÷
 * buyers who consulted (C1, since 2021-09-01). A buyer counts at most once per natural day; the
 * platform assesses per natural week. Shop-level: the clock starts at the buyer's message (a
 * sub-account's own rate starts when the session enters its 接待中 list; not modelled).
 */
export const KUAISHOU_MERCHANT_3MIN_RATE: RateMetricDef = {
  id: 'kuaishou.metric.merchant_3min_rate',
  platform: 'kuaishou',
  kind: 'rate',
  label: { zh_CN: '商户客服3分钟回复率', en: 'Merchant CS 3-minute reply rate' },
  rule: 'C1',
  sources: ['KS3', 'KS4', 'KS5'],
  trust: 'confirmed',
  unit: 'buyer',
  // KS4: 08:00–24:00. Alternative: KS13 (2023-03, via product-anchors) 08:00–23:00, human only.
  // 08:00–24:00 assesses more messages, so it is the stricter default.
  window: { start: '08:00', end: '24:00' },
  windowOn: 'clock-start',
  // Silent: strictest = a message still unanswered at 08:00 is timed from 08:00. Alternative:
  // not assessed (seed, old 5-minute rate: "仅计算8:00-24:00时间段的数据").
  outsideWindow: 'defer-start',
  clock: 'each-message',
  // Not stated for the 3-minute rate; KS13 says human only. Alternative: robot and third-party
  // bot replies count, as they did for the old 5-minute rate (seed). Cards: not stated → do not count.
  replies: { speakers: ['agent'], kinds: ['text'] },
  clockFromHuman: false,
  limitMs: 3 * MINUTE,
  unanswered: 'missed',
  // Silent on a 23:59 message answered at 00:01: the day's data ends at 24:00, so strictest = it
  // is missed. Alternative: 'continue' (the reply counts, 2 minutes).
  midnight: 'due-by-midnight',
  offlineSessions: 'missed',
  // ≥70% (confirmed); 70% itself passes (alternative: > 70%).
  passAtLeastBp: 7000,
  // KS4 adds a monthly check below 20%; no minimum sample found.
  minSample: null,
};

// --- JD (京东 POP 咚咚) -------------------------------------------------------------------------

/**
 * 咚咚首次30秒应答率 (C1): first agent response within 30 s of the session's first buyer
 * message. Only sessions started 09:00–23:00; 留言 sessions (all agents offline or 挂起) are
 * excluded. Only the first consultation of a session is scored (C2).
 */
export const JD_FIRST_30S_RATE: RateMetricDef = {
  id: 'jd.metric.first_30s_rate',
  platform: 'jd',
  kind: 'rate',
  label: { zh_CN: '咚咚首次30秒应答率', en: 'Dongdong first 30-second answer rate' },
  rule: 'C1',
  sources: ['JD2', 'JD3', 'JD4'],
  trust: 'confirmed',
  unit: 'session',
  // [09:00, 23:00): a session started at 23:00:00 is outside. Alternative: 23:00:00 inside.
  window: { start: '09:00', end: '23:00' },
  // Stated: a session started 08:56 and answered 09:01 is excluded.
  windowOn: 'session-start',
  outsideWindow: 'not-assessed',
  clock: 'first-message',
  // An agent's reply. JD 咚咚 auto-replies are not mentioned: strictest = they do not count, nor
  // cards. Alternative: any message from the agent's account counts.
  replies: { speakers: ['agent'], kinds: ['text'] },
  clockFromHuman: false,
  // "within 30 s": exactly 30 s is met.
  limitMs: 30 * SECOND,
  // A (non-留言) session never answered: silent; strictest = missed. Alternative: excluded.
  unanswered: 'missed',
  midnight: 'continue',
  offlineSessions: 'excluded',
  // No pass line published.
  passAtLeastBp: null,
  minSample: null,
};

/**
 * 咚咚平均响应时长 (C3; the platform assesses the month: 咚咚月平均响应时长 < 40 s, 一般违规 2 points).
 * Same sessions as C1: mean of the first-response times of answered sessions.
 */
export const JD_AVERAGE_RESPONSE: AverageMetricDef = {
  id: 'jd.metric.avg_response',
  platform: 'jd',
  kind: 'average',
  label: { zh_CN: '咚咚平均响应时长', en: 'Dongdong average response time' },
  rule: 'C3',
  sources: ['JD3'],
  trust: 'confirmed',
  unit: 'session',
  window: { start: '09:00', end: '23:00' },
  windowOn: 'session-start',
  outsideWindow: 'not-assessed',
  // First response per session. Alternative: every buyer message → reply pair of the session
  // (the source only says "buyer message → agent reply"). Unanswered sessions have no response
  // time and are left out (alternative not modelled: count them at some cap).
  clock: 'first-message',
  replies: { speakers: ['agent'], kinds: ['text'] },
  clockFromHuman: false,
  midnight: 'continue',
  offlineSessions: 'excluded',
  // < 40 s. Alternative: 京喜 uses ≤ 45 s (JD14).
  passBelowMs: 40 * SECOND,
};

/**
 * 留言率 = offline-message consultations ÷ all consultations (C4; assessed monthly, < 50%,
 * 一般违规 2 points). Offline messages are those arriving 23:00–09:00 or while 咚咚 is offline.
 */
export const JD_OFFLINE_SHARE: ShareMetricDef = {
  id: 'jd.metric.offline_share',
  platform: 'jd',
  kind: 'share',
  label: { zh_CN: '留言率', en: 'Offline-message rate' },
  rule: 'C4',
  sources: ['JD2', 'JD3'],
  trust: 'confirmed',
  unit: 'session',
  // All consultations of the day.
  window: { start: '00:00', end: '24:00' },
  windowOn: 'session-start',
  outsideWindow: 'not-assessed',
  // The reference counts sessions arriving 23:00–09:00 as offline messages even when flagged
  // online. Alternative (looser): only sessions flagged `offline`.
  offlineOutside: { start: '09:00', end: '23:00' },
  // < 50%: exactly 50% fails.
  passBelowBp: 5000,
};

/** Every metric, in display order. */
export const METRIC_DEFS: readonly MetricDef[] = [
  PDD_VALID_REPLY_RATE,
  PDD_HUMAN_3MIN_RATE,
  PDD_ANSWER_30S_RATE,
  TAOBAO_WANGWANG_3MIN_RATE,
  DOUYIN_SESSION_3MIN_RATE,
  KUAISHOU_MERCHANT_3MIN_RATE,
  JD_FIRST_30S_RATE,
  JD_AVERAGE_RESPONSE,
  JD_OFFLINE_SHARE,
];

export function metricDefsFor(platform: PlatformId): MetricDef[] {
  return METRIC_DEFS.filter((def) => def.platform === platform);
}
