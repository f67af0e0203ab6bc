import { z } from 'zod';
import { PlatformId } from '../domain/platform';

/**
 * Rule packs: every number a platform scores agents by, as data that cites its sources.
 * Files are strict (an unknown field is an error naming its path) and canonical: the file text
 * equals `formatRulePack(parseRulePack(file))`, so packs diff cleanly and are reviewed as data.
 */

/** "HH:MM" or "HH:MM:SS", 00:00 to 24:00. */
export const ClockTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?|24:00(:00)?)$/, 'expected HH:MM or HH:MM:SS between 00:00 and 24:00');

/** Seconds after midnight. An `end` written with seconds is inclusive of that second (22:59:59 = up to 23:00:00). */
export function clockSeconds(time: string, asEnd = false): number {
  const [h = 0, m = 0, s] = time.split(':').map(Number);
  return h * 3600 + m * 60 + (s ?? 0) + (asEnd && s !== undefined && time !== '24:00:00' ? 1 : 0);
}

/** A localized text: zh-CN first, English second. */
export const LocalText = z.strictObject({ zh_CN: z.string().min(1), en: z.string().min(1) });
export type LocalText = z.infer<typeof LocalText>;

export const Source = z.strictObject({
  title: z.string().min(1),
  where: z.string().min(1),
  date: z.string().min(1),
});

export const Trust = z.enum(['confirmed', 'single-source', 'conflicting', 'weak', 'seed-only']);

/**
 * How a buyer message that arrives outside the counting window is treated.
 * - `defer-start`: the clock starts when the window next opens, then runs in real time
 *   (a message at 22:59 is due 23:02) — the strictest reading, our default.
 * - `pause`: only time inside the window counts (22:59 + 3 min → 08:02 next day).
 * - `not-assessed`: messages outside the window never get a deadline.
 */
export const OutsideWindow = z.enum(['defer-start', 'pause', 'not-assessed']);
export type OutsideWindow = z.infer<typeof OutsideWindow>;

/** A same-day window [start, end); overnight windows are not used by any platform we know. */
export const CountingWindow = z
  .strictObject({ start: ClockTime, end: ClockTime })
  .refine((w) => clockSeconds(w.start) < clockSeconds(w.end, true), { message: 'window start must be before its end (same day)', path: ['end'] });
export type CountingWindow = z.infer<typeof CountingWindow>;

export const Threshold = z.strictObject({
  /** Pass line as a fraction (0.7 = 70%) for rates, or milliseconds for averages. */
  value: z.number().positive(),
  comparison: z.enum(['>=', '<', '<=']),
  /** Assessed only with at least this many units in the period (PDD: 100 consulting buyers). */
  minSample: z.number().int().positive().nullable(),
  period: z.enum(['day', 'week', 'month', '30-days']),
});

/** Things a page may show that do not count as a reply for a given rule. */
export const NotAReply = z.enum(['robot', 'auto-reply', 'card', 'coupon', 'offline-message', 'system-welcome', 'other-bot']);

export const ReplyRule = z.strictObject({
  id: z.string().regex(/^[a-z]+\.reply\.[a-z0-9_]+$/),
  kind: z.literal('reply'),
  label: LocalText,
  /** Used in warnings: "30秒后计入{missLabel}". */
  missLabel: LocalText,
  /** What one scored item is: a buyer per day, a dialogue round, a session, a message. */
  unit: z.enum(['buyer-day', 'round', 'session', 'message']),
  /** `deadline`: a clock per item; `average` / `share`: a figure over the period, no clock. */
  measure: z.enum(['deadline', 'average', 'share']),
  startsOn: z.enum(['buyer-message', 'human-transfer', 'session-start']),
  startsNote: LocalText,
  /** Speakers whose message stops the clock. */
  stoppedBy: z.array(z.enum(['agent', 'robot'])).min(1),
  notReplies: z.array(NotAReply),
  stopsNote: LocalText,
  durationMs: z.number().int().positive(),
  window: CountingWindow,
  outsideWindow: OutsideWindow,
  /** Items crossing midnight: counted normally, excluded (Taobao), or due by 24:00 (old Tmall). */
  midnight: z.enum(['continue', 'excluded', 'due-by-midnight']),
  /** Whether the background keeps a live clock with alarms (false for metrics-only rules). */
  tracked: z.boolean(),
  threshold: Threshold.nullable(),
  /** Warn this long before the deadline, one alert per entry. */
  warnBeforeMs: z.array(z.number().int().positive()),
  consequence: LocalText,
  sources: z.array(z.string()).min(1),
  ruleDate: z.string().min(1),
  trust: Trust,
  /** Readings we did not choose, and why: the default is always the strictest. */
  alternatives: z.array(z.string()),
});
export type ReplyRule = z.infer<typeof ReplyRule>;

export const CaseKind = z.enum(['refund_only', 'return_refund', 'exchange', 'resend', 'repair']);
export type CaseKind = z.infer<typeof CaseKind>;

export const AftersaleStage = z.enum([
  'seller_review',
  'buyer_amend',
  'seller_give_address',
  'buyer_return_shipment',
  'seller_confirm_receipt',
  'seller_inspect',
  'seller_ship_replacement',
  'buyer_confirm_replacement',
  'repair_arrange_visit',
  'repair_first_visit',
  'repair_complete',
  'platform_ruling',
  'buyer_appeal',
]);
export type AftersaleStage = z.infer<typeof AftersaleStage>;

/**
 * How long a stage lasts.
 * - `elapsed`: calendar time (48 h, 7 days = 168 h), night and holidays included.
 * - `natural-days`: ends at 24:00 of the Nth natural day, the start day counting as day 1
 *   (strictest reading of "N个自然日").
 * - `from-next-midnight`: `ms` counted from 00:00 of the day after the start (PDD 7天无理由 objection).
 * - `cutoff`: started before `cutoff` → due `before` (same day), else `after` next day (JD 极速审核).
 */
export const StageDuration = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('elapsed'), ms: z.number().int().positive() }),
  z.strictObject({ type: z.literal('natural-days'), days: z.number().int().positive() }),
  z.strictObject({ type: z.literal('from-next-midnight'), ms: z.number().int().positive() }),
  z.strictObject({ type: z.literal('cutoff'), cutoff: ClockTime, before: ClockTime, after: ClockTime }),
]);
export type StageDuration = z.infer<typeof StageDuration>;

export const AftersaleRule = z.strictObject({
  id: z.string().regex(/^[a-z]+\.aftersale\.[a-z0-9_]+$/),
  kind: z.literal('aftersale'),
  label: LocalText,
  caseKinds: z.array(CaseKind).min(1),
  stage: AftersaleStage,
  condition: z.enum(['any', 'before_shipment', 'after_shipment', 'not_received', 'virtual_goods', 'surface_mail', 'overseas_mail', 'speed_review']),
  /** Whose move it is while this clock runs. */
  actor: z.enum(['seller', 'buyer', 'platform']),
  startsNote: LocalText,
  stopsNote: LocalText,
  duration: StageDuration,
  /** An event that cuts what is left (PDD: a signed return leaves 24 h). */
  shortenOn: z.strictObject({ event: z.enum(['return_signed']), remainingMs: z.number().int().positive() }).nullable(),
  /** What the platform does when the actor stays silent past the deadline. */
  onTimeout: z.enum(['auto_refund', 'auto_approve', 'auto_close', 'auto_confirm', 'dispute_against_seller', 'penalty', 'none']),
  onTimeoutText: LocalText,
  warnBeforeMs: z.array(z.number().int().positive()),
  consequence: LocalText,
  sources: z.array(z.string()).min(1),
  ruleDate: z.string().min(1),
  trust: Trust,
  alternatives: z.array(z.string()),
});
export type AftersaleRule = z.infer<typeof AftersaleRule>;

/** Fields a shop may override, per rule (settings) or per dated period (exemption calendar). */
export const ReplyRulePatch = ReplyRule.pick({ durationMs: true, window: true, outsideWindow: true, stoppedBy: true, warnBeforeMs: true, threshold: true, tracked: true }).partial();
export const AftersaleRulePatch = AftersaleRule.pick({ duration: true, warnBeforeMs: true, shortenOn: true }).partial();
export type RulePatch = z.infer<typeof ReplyRulePatch> | z.infer<typeof AftersaleRulePatch>;

/** Wall-clock instant in Asia/Shanghai with explicit offset, e.g. 2026-01-28T00:00:00+08:00. */
const ZonedInstant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/, 'expected YYYY-MM-DDTHH:MM:SS+08:00').refine((s) => !Number.isNaN(Date.parse(s)), 'not a real date');

/** A dated period in which rules are not assessed, or assessed differently (大促). */
export const Exemption = z
  .strictObject({
    id: z.string().regex(/^[a-z]+\.exempt\.[a-z0-9_]+$/),
    label: LocalText,
    from: ZonedInstant,
    to: ZonedInstant,
    /** Rule ids affected; "*" for every rule of the pack. */
    rules: z.array(z.string()).min(1),
    effect: z.enum(['not-assessed', 'changed']),
    /** For `changed`: the numbers in force during the period. */
    change: z.union([ReplyRulePatch, AftersaleRulePatch]).nullable(),
    note: LocalText,
    sources: z.array(z.string()).min(1),
  })
  .refine((e) => Date.parse(e.from) < Date.parse(e.to), { message: 'from must be before to', path: ['to'] })
  .refine((e) => (e.effect === 'changed') === (e.change !== null), { message: 'a change is required exactly when effect is "changed"', path: ['change'] });
export type Exemption = z.infer<typeof Exemption>;

export const RulePack = z
  .strictObject({
    platform: PlatformId,
    version: z.string().min(1),
    /** Zone in which windows are evaluated; fixed offset because none of these zones has DST. */
    timeZone: z.string().min(1),
    utcOffsetMinutes: z.number().int().min(-720).max(840),
    sources: z.record(z.string(), Source),
    replyRules: z.array(ReplyRule),
    aftersaleRules: z.array(AftersaleRule),
    exemptions: z.array(Exemption),
  })
  .superRefine((pack, ctx) => {
    const ids = new Set<string>();
    const checkSources = (keys: string[], path: (string | number)[]) =>
      keys.forEach((key, j) => {
        if (!(key in pack.sources)) ctx.addIssue({ code: 'custom', path: [...path, 'sources', j], message: `unknown source key ${key}` });
      });
    const rules: [string, (ReplyRule | AftersaleRule)[]][] = [
      ['replyRules', pack.replyRules],
      ['aftersaleRules', pack.aftersaleRules],
    ];
    for (const [list, entries] of rules) {
      entries.forEach((rule, i) => {
        if (ids.has(rule.id)) ctx.addIssue({ code: 'custom', path: [list, i, 'id'], message: `duplicate rule id ${rule.id}` });
        if (!rule.id.startsWith(`${pack.platform}.`)) ctx.addIssue({ code: 'custom', path: [list, i, 'id'], message: `rule id must start with "${pack.platform}."` });
        ids.add(rule.id);
        checkSources(rule.sources, [list, i]);
      });
    }
    pack.exemptions.forEach((exemption, i) => {
      checkSources(exemption.sources, ['exemptions', i]);
      exemption.rules.forEach((id, j) => {
        if (id !== '*' && !ids.has(id)) ctx.addIssue({ code: 'custom', path: ['exemptions', i, 'rules', j], message: `unknown rule id ${id}` });
      });
    });
  });
export type RulePack = z.infer<typeof RulePack>;
export type AnyRule = ReplyRule | AftersaleRule;

/** zod issues as one readable line naming each field by its path. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

/** Parse a rule pack, turning zod's issues into one readable message naming each field. */
export function parseRulePack(input: unknown): RulePack {
  const result = RulePack.safeParse(input);
  if (result.success) return result.data;
  throw new Error(`invalid rule pack: ${describeIssues(result.error)}`);
}

/** The canonical file text of a pack: what every file in packs/ must be, byte for byte. */
export function formatRulePack(pack: RulePack): string {
  return `${JSON.stringify(pack, null, 2)}\n`;
}
