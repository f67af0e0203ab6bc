import { z } from 'zod';
import { PlatformId } from '../domain/platform';

const clockTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'expected HH:MM between 00:00 and 24:00');

/** A localized text: zh-CN first, English second. */
export const LocalText = z.strictObject({ zh_CN: z.string().min(1), en: z.string().min(1) });
export type LocalText = z.infer<typeof LocalText>;

export const Source = z.strictObject({
  title: z.string().min(1),
  where: z.string().min(1),
  date: z.string().min(1),
});

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
  .strictObject({ start: clockTime, end: clockTime })
  .refine((w) => w.start < w.end, { message: 'window start must be before its end (same day)', path: ['end'] });
export type CountingWindow = z.infer<typeof CountingWindow>;

export const ReplyRule = z.strictObject({
  id: z.string().regex(/^[a-z]+\.reply\.[a-z0-9_]+$/),
  kind: z.literal('reply'),
  label: LocalText,
  /** Used in warnings: "30秒后计入{missLabel}". */
  missLabel: LocalText,
  durationMs: z.number().int().positive(),
  window: CountingWindow,
  outsideWindow: OutsideWindow,
  /** Speakers whose message stops the clock. Anything else (robot, system, cards) does not. */
  stoppedBy: z.array(z.enum(['agent', 'robot'])).min(1),
  /** Warn this long before the deadline, one alert per entry. */
  warnBeforeMs: z.array(z.number().int().positive()).min(1),
  consequence: LocalText,
  sources: z.array(z.string()).min(1),
  ruleDate: z.string(),
  trust: z.enum(['confirmed', 'single-source', 'conflicting', 'weak']),
  alternatives: z.array(z.string()).default([]),
});
export type ReplyRule = z.infer<typeof ReplyRule>;

export const RulePack = z
  .strictObject({
    platform: PlatformId,
    version: z.string().min(1),
    /** Zone in which windows are evaluated; fixed offset because none of these zones has DST. */
    timeZone: z.string().min(1),
    utcOffsetMinutes: z.number().int().min(-720).max(840),
    sources: z.record(z.string(), Source),
    replyRules: z.array(ReplyRule).min(1),
  })
  .superRefine((pack, ctx) => {
    const seen = new Set<string>();
    pack.replyRules.forEach((rule, i) => {
      if (seen.has(rule.id)) ctx.addIssue({ code: 'custom', path: ['replyRules', i, 'id'], message: `duplicate rule id ${rule.id}` });
      seen.add(rule.id);
      rule.sources.forEach((key, j) => {
        if (!(key in pack.sources)) ctx.addIssue({ code: 'custom', path: ['replyRules', i, 'sources', j], message: `unknown source key ${key}` });
      });
    });
  });
export type RulePack = z.infer<typeof RulePack>;

/** Parse a rule pack, turning zod's issues into one readable message naming each field. */
export function parseRulePack(input: unknown): RulePack {
  const result = RulePack.safeParse(input);
  if (result.success) return result.data;
  const detail = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  throw new Error(`invalid rule pack: ${detail}`);
}
