import { applyOverrides, setOverride, type RuleOverrides } from '@/lib/rules/overrides';
import type { AnyRule, RulePack } from '@/lib/rules/schema';
import { joinDuration, ladderText, parseLadderText, parseWhole, splitDuration, type DurationField } from './durations';
import type { Problem } from './problems';

/** The rules whose numbers a shop edits here: live reply clocks and the seller's after-sales stages. */
export function editableRules(pack: RulePack): AnyRule[] {
  return [...pack.replyRules.filter((r) => r.measure === 'deadline' && r.tracked), ...pack.aftersaleRules.filter((r) => r.actor === 'seller')];
}

/** How a rule's time limit is edited: a duration, a number of natural days, or not here (a cut-off time). */
export type LimitForm = { kind: 'duration'; field: DurationField } | { kind: 'days'; value: string } | { kind: 'fixed' };

/** One rule's editable numbers as the form holds them. Field names are the problem paths. */
export interface RuleForm {
  limit: LimitForm;
  /** PDD: what is left once the return is signed; null when the rule has no such cut. */
  remaining: DurationField | null;
  ladder: string;
}

export function ruleToForm(rule: AnyRule): RuleForm {
  let limit: LimitForm;
  if (rule.kind === 'reply') limit = { kind: 'duration', field: splitDuration(rule.durationMs) };
  else if (rule.duration.type === 'elapsed' || rule.duration.type === 'from-next-midnight') limit = { kind: 'duration', field: splitDuration(rule.duration.ms) };
  else if (rule.duration.type === 'natural-days') limit = { kind: 'days', value: String(rule.duration.days) };
  else limit = { kind: 'fixed' };
  const remaining = rule.kind === 'aftersale' && rule.shortenOn ? splitDuration(rule.shortenOn.remainingMs) : null;
  return { limit, remaining, ladder: ladderText(rule.warnBeforeMs) };
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * The override to store for one rule after the agent's edit. The background replaces a rule's whole
 * override, so fields set before (e.g. a counting window) are kept; a field set back to the shipped
 * value is dropped, and `null` means nothing differs from the shipped rule any more (clear it).
 */
export function formToPatch(shipped: AnyRule, current: Record<string, unknown> | undefined, effective: AnyRule, form: RuleForm): { ok: true; patch: Record<string, unknown> | null } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const patch: Record<string, unknown> = { ...current };
  const edited: Record<string, unknown> = {};

  const ladder = parseLadderText(form.ladder);
  if (ladder.ok) edited.warnBeforeMs = ladder.ms;
  else problems.push({ path: 'ladder', kind: 'ladder', item: ladder.part, positive: ladder.problem === 'positive' });

  if (form.limit.kind === 'duration') {
    const limit = joinDuration(form.limit.field);
    if (!limit.ok) problems.push({ path: 'limit', kind: limit.problem });
    else if (effective.kind === 'reply') edited.durationMs = limit.ms;
    else if (effective.duration.type === 'elapsed' || effective.duration.type === 'from-next-midnight') edited.duration = { type: effective.duration.type, ms: limit.ms };
  } else if (form.limit.kind === 'days') {
    const days = parseWhole(form.limit.value);
    if (!days.ok) problems.push({ path: 'limit', kind: days.problem });
    else edited.duration = { type: 'natural-days', days: days.value };
  }

  if (form.remaining && effective.kind === 'aftersale' && effective.shortenOn) {
    const remaining = joinDuration(form.remaining);
    if (!remaining.ok) problems.push({ path: 'remaining', kind: remaining.problem });
    else edited.shortenOn = { event: effective.shortenOn.event, remainingMs: remaining.ms };
  }
  if (problems.length > 0) return { ok: false, problems };

  for (const [field, value] of Object.entries(edited)) {
    if (same(value, (shipped as Record<string, unknown>)[field])) delete patch[field];
    else patch[field] = value;
  }
  return { ok: true, patch: Object.keys(patch).length > 0 ? patch : null };
}

/** Which form field a rule-pack field is edited in. */
const FIELD_OF: Record<string, string> = { durationMs: 'limit', duration: 'limit', warnBeforeMs: 'ladder', shortenOn: 'remaining' };

/**
 * An override refusal ("pdd.reply.human_3min.durationMs: Too small; …", from `setOverride` here or
 * from the background) → problems on the form's fields; anything else on the rule as a whole ("").
 */
export function overrideProblems(ruleId: string, error: string): Problem[] {
  return error
    .split('; ')
    .filter(Boolean)
    .map((part): Problem => {
      const colon = part.indexOf(': ');
      const path = colon >= 0 ? part.slice(0, colon) : '';
      const message = colon >= 0 ? part.slice(colon + 2) : part;
      const sub = path.startsWith(`${ruleId}.`) ? path.slice(ruleId.length + 1) : '';
      const field = sub.split('.')[0]!;
      return { path: FIELD_OF[field] ?? '', kind: 'text', message: sub && !FIELD_OF[field] ? `${sub}: ${message}` : message };
    });
}

/** Check an override the way the background will (same function, same shipped pack) before sending it. */
export function checkOverride(shippedPack: RulePack, platformOverrides: RuleOverrides, ruleId: string, patch: Record<string, unknown>): Problem[] {
  const result = setOverride(shippedPack, platformOverrides, ruleId, patch);
  return result.ok ? [] : overrideProblems(ruleId, result.error);
}

/** The pack as the shop runs it, and the overrides that could not be applied. */
export function effectivePack(shippedPack: RulePack, platformOverrides: RuleOverrides | undefined): { pack: RulePack; rejected: string[] } {
  return applyOverrides(shippedPack, platformOverrides ?? {});
}
