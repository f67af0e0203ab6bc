import { z } from 'zod';
import { AftersaleRulePatch, describeIssues, RulePack, ReplyRulePatch, type RulePack as Pack } from './schema';

/** Per-shop overrides as stored in settings: rule id → the fields it changes. */
export const RuleOverrides = z.record(z.string(), z.record(z.string(), z.unknown()));
export type RuleOverrides = z.infer<typeof RuleOverrides>;

export type OverrideResult = { ok: true; overrides: RuleOverrides; pack: Pack } | { ok: false; error: string; overrides: RuleOverrides };

function patchRule(pack: Pack, ruleId: string, patch: unknown): { pack: Pack } | { error: string } {
  const replyIndex = pack.replyRules.findIndex((r) => r.id === ruleId);
  const aftersaleIndex = pack.aftersaleRules.findIndex((r) => r.id === ruleId);
  if (replyIndex < 0 && aftersaleIndex < 0) return { error: `${ruleId}: unknown rule id` };
  const schema = replyIndex >= 0 ? ReplyRulePatch.strict() : AftersaleRulePatch.strict();
  const parsed = schema.safeParse(patch);
  if (!parsed.success) return { error: describeIssues(parsed.error).replace(/(^|; )/g, `$1${ruleId}.`) };
  const next: Pack = {
    ...pack,
    replyRules: pack.replyRules.map((r, i) => (i === replyIndex ? { ...r, ...parsed.data } : r)) as Pack['replyRules'],
    aftersaleRules: pack.aftersaleRules.map((r, i) => (i === aftersaleIndex ? { ...r, ...parsed.data } : r)) as Pack['aftersaleRules'],
  };
  // The patched rule must still make sense as a whole (e.g. a window whose start is before its end).
  const whole = RulePack.safeParse(next);
  if (!whole.success) return { error: describeIssues(whole.error).replace(/(replyRules|aftersaleRules)\.\d+\./g, `${ruleId}.`) };
  return { pack: whole.data };
}

/** The pack with every valid override applied; invalid ones are listed, never applied. */
export function applyOverrides(pack: Pack, overrides: RuleOverrides): { pack: Pack; rejected: string[] } {
  let current = pack;
  const rejected: string[] = [];
  for (const [ruleId, patch] of Object.entries(overrides)) {
    const result = patchRule(current, ruleId, patch);
    if ('error' in result) rejected.push(result.error);
    else current = result.pack;
  }
  return { pack: current, rejected };
}

/**
 * Set one rule's override. A bad value is rejected with the field named (e.g.
 * "pdd.reply.human_3min.durationMs: Too small"), and the previous overrides are returned unchanged.
 */
export function setOverride(pack: Pack, previous: RuleOverrides, ruleId: string, patch: unknown): OverrideResult {
  const candidate = { ...previous, [ruleId]: patch as Record<string, unknown> };
  const checked = patchRule(applyOverrides(pack, previous).pack, ruleId, patch);
  if ('error' in checked) return { ok: false, error: checked.error, overrides: previous };
  return { ok: true, overrides: candidate, pack: applyOverrides(pack, candidate).pack };
}
