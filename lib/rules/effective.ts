import type { AftersaleRule, AnyRule, Exemption, ReplyRule, RulePack } from './schema';

/** Reply rules the background keeps live clocks (and alarms) for. */
export function trackedReplyRules(pack: RulePack): ReplyRule[] {
  return pack.replyRules.filter((rule) => rule.measure === 'deadline' && rule.tracked);
}

/** The exemption in force for a rule at an instant, if any. */
export function exemptionAt(pack: RulePack, ruleId: string, at: number): Exemption | null {
  return (
    pack.exemptions.find(
      (e) => (e.rules.includes('*') || e.rules.includes(ruleId)) && Date.parse(e.from) <= at && at <= Date.parse(e.to),
    ) ?? null
  );
}

export interface RuleInForce<R extends AnyRule> {
  rule: R;
  /** Set when the rule is not assessed at that instant ("不考核"). */
  notAssessed: Exemption | null;
  /** Set when a dated change (大促规则) supplies the numbers. */
  changedBy: Exemption | null;
}

/** A rule as it applies to a clock started at `at`: switched off, changed for a period, or as written. */
export function ruleAt<R extends ReplyRule | AftersaleRule>(pack: RulePack, rule: R, at: number): RuleInForce<R> {
  const exemption = exemptionAt(pack, rule.id, at);
  if (!exemption) return { rule, notAssessed: null, changedBy: null };
  if (exemption.effect === 'not-assessed') return { rule, notAssessed: exemption, changedBy: null };
  return { rule: { ...rule, ...exemption.change } as R, notAssessed: null, changedBy: exemption };
}

/** Exemptions in force now, for the banner "不考核" / "大促规则生效至…". */
export function activeExemptions(pack: RulePack, now: number): Exemption[] {
  return pack.exemptions.filter((e) => Date.parse(e.from) <= now && now <= Date.parse(e.to));
}

/** "11-12 23:59" in the pack's zone: when an exemption ends. */
export function formatUntil(iso: string, utcOffsetMinutes: number): string {
  const local = new Date(Date.parse(iso) + utcOffsetMinutes * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}
