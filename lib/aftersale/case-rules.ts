import { aftersaleDeadline } from '../rules/aftersale';
import { deadlineDifference } from '../rules/countdown';
import { ruleAt } from '../rules/effective';
import type { AftersaleRule, LocalText, RulePack } from '../rules/schema';

/**
 * Ladder for a case whose page shows a deadline but whose stage no rule of the pack covers:
 * the page still says when the platform acts, so the agent is still warned.
 */
export const PAGE_ONLY_LADDER_MS = [4 * 3_600_000, 3_600_000, 15 * 60_000];

export interface StageSeen {
  stage: string | null;
  seenAt: number;
}

export interface CaseClockInput {
  kind: string | null;
  stage: string | null;
  appliedAt: number | null;
  /** Stages in the order they were seen, the current one last. */
  stageHistory: readonly StageSeen[];
  pageDeadline: number | null;
}

export interface CaseClock {
  /** Identifies this run of the current stage: warnings belong to it and end with it. */
  stageKey: string;
  /** The rule in force (the earliest-due one when the page does not say which condition applies). */
  rule: AftersaleRule | null;
  /** When the current stage began, when known: the application time for review, or a stage change we saw. */
  stageStartedAt: number | null;
  ruleDueAt: number | null;
  pageDueAt: number | null;
  /** The page's deadline wins; the rule's stands in when the page shows none. */
  dueAt: number | null;
  /** Page minus rule, when both are known; `disagrees` above a minute. */
  differenceMs: number | null;
  disagrees: boolean;
  ladderMs: number[];
  onTimeoutText: LocalText | null;
}

/** Rules of the pack for this stage and kind (every kind when the page did not say which). */
export function rulesForCase(pack: RulePack, kind: string | null, stage: string | null): AftersaleRule[] {
  if (stage === null || stage === 'closed') return [];
  return pack.aftersaleRules.filter((r) => r.stage === stage && (kind === null || (r.caseKinds as string[]).includes(kind)));
}

/**
 * When the current stage began. A review starts at the application; any other stage only when
 * we saw the case change into it. A case first seen mid-stage has no known start: its rule
 * deadline stays unknown rather than being guessed late (a late guess would warn too late).
 */
export function stageStart(input: CaseClockInput): { startedAt: number | null; runFirstSeenAt: number } {
  const history = input.stageHistory;
  let i = history.length - 1;
  while (i > 0 && history[i - 1]!.stage === input.stage) i--;
  const runFirstSeenAt = history[i]?.seenAt ?? 0;
  if (input.stage === 'seller_review' && input.appliedAt !== null) return { startedAt: input.appliedAt, runFirstSeenAt };
  return { startedAt: i > 0 ? runFirstSeenAt : null, runFirstSeenAt };
}

/** The current stage's deadline of one case: rule-computed, page-read, and which one is in force. */
export function caseClock(pack: RulePack, input: CaseClockInput): CaseClock {
  const { startedAt, runFirstSeenAt } = stageStart(input);
  const stageKey = `${input.stage ?? 'unknown'}@${runFirstSeenAt}`;
  const candidates = rulesForCase(pack, input.kind, input.stage);
  let rule: AftersaleRule | null = null;
  let ruleDueAt: number | null = null;
  for (const candidate of candidates) {
    if (startedAt === null) {
      rule ??= candidate;
      continue;
    }
    const inForce = ruleAt(pack, candidate, startedAt);
    if (inForce.notAssessed) continue;
    const due = aftersaleDeadline(inForce.rule, startedAt, pack.utcOffsetMinutes).ruleDueAt;
    if (ruleDueAt === null || due < ruleDueAt) {
      ruleDueAt = due;
      rule = inForce.rule;
    }
  }
  const closed = input.stage === 'closed';
  const pageDueAt = closed ? null : input.pageDeadline;
  const compared = deadlineDifference(pageDueAt, ruleDueAt);
  const dueAt = pageDueAt ?? ruleDueAt;
  return {
    stageKey,
    rule,
    stageStartedAt: startedAt,
    ruleDueAt,
    pageDueAt,
    dueAt,
    differenceMs: compared.differenceMs,
    disagrees: compared.disagrees,
    ladderMs: dueAt === null ? [] : rule ? rule.warnBeforeMs : PAGE_ONLY_LADDER_MS,
    onTimeoutText: rule?.onTimeoutText ?? null,
  };
}
