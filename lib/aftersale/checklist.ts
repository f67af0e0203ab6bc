import { z } from 'zod';
import { CASE_KINDS } from '../domain/aftersale';
import { PLATFORM_IDS, type PlatformId } from '../domain/platform';
import { stageDueAt } from '../rules/aftersale';
import { ruleAt } from '../rules/effective';
import { AftersaleStage, LocalText, type CaseKind, type RulePack } from '../rules/schema';
import { rulesForCase } from './case-rules';
import stepsJson from './checklist-steps.json';

export const EVIDENCE = ['photos', 'tracking_number', 'return_address_confirmed', 'inspection_result', 'buyer_informed', 'chat_record'] as const;
export const SCENARIOS = [
  'greeting', 'busy_apology', 'out_of_stock', 'size_advice', 'shipping_time', 'address_check', 'unpaid_followup',
  'refund_progress', 'return_conditions', 'exchange_steps', 'repair_timeline', 'rejection_evidence', 'review_request', 'farewell',
] as const;

const StepData = z.strictObject({
  id: z.string().regex(/^[a-z_]+$/),
  stage: z.union([AftersaleStage, z.literal('any')]),
  title: LocalText,
  detail: LocalText,
  evidence: z.array(z.enum(EVIDENCE)),
  templates: z.array(z.enum(SCENARIOS)),
  warning: LocalText.optional(),
});

const KindFlow = z.strictObject({ stages: z.array(AftersaleStage).min(1), steps: z.array(z.string()).min(1) });

/** The steps as data (checklist-steps.json), checked once when first used. */
const ChecklistData = z
  .strictObject({
    $comment: z.string(),
    steps: z.record(z.string(), StepData),
    kinds: z.strictObject(Object.fromEntries([...CASE_KINDS, 'unknown'].map((k) => [k, KindFlow])) as Record<CaseKind | 'unknown', typeof KindFlow>),
    platformNotes: z.partialRecord(z.enum(PLATFORM_IDS), z.record(z.string(), LocalText)),
  })
  .superRefine((data, ctx) => {
    for (const [kind, flow] of Object.entries(data.kinds))
      for (const id of flow.steps) {
        const step = data.steps[id];
        if (!step) ctx.addIssue({ code: 'custom', path: ['kinds', kind, 'steps'], message: `unknown step "${id}"` });
        else if (step.stage !== 'any' && !flow.stages.includes(step.stage)) ctx.addIssue({ code: 'custom', path: ['kinds', kind, 'steps'], message: `step "${id}" is in stage ${step.stage}, not in this flow` });
      }
    for (const notes of Object.values(data.platformNotes))
      for (const id of Object.keys(notes ?? {})) if (!data.steps[id]) ctx.addIssue({ code: 'custom', path: ['platformNotes'], message: `note for unknown step "${id}"` });
  });
type ChecklistData = z.infer<typeof ChecklistData>;

let loaded: ChecklistData | null = null;
function data(): ChecklistData {
  return (loaded ??= ChecklistData.parse(stepsJson));
}

export type Evidence = (typeof EVIDENCE)[number];
export type Scenario = (typeof SCENARIOS)[number];

export interface ChecklistStep {
  id: string;
  stage: AftersaleStage | 'any';
  title: LocalText;
  detail: LocalText;
  /** This platform's own rule or practice for the step, when it has one. */
  platformNote: LocalText | null;
  evidence: Evidence[];
  /** Reply scenarios the agent may want for this step (lib/replies). */
  templates: Scenario[];
  /** Due time from the rule pack (the page's deadline for the current stage); null when not knowable. */
  dueAt: number | null;
  dueRuleId: string | null;
  warning: LocalText | null;
  /** Relative to the case's stage, so a stage change can highlight the steps that now apply. */
  applies: 'done-stage' | 'current' | 'later';
}

export interface Checklist {
  steps: ChecklistStep[];
  /** What the platform does when the seller stays silent in the current stage. */
  silentOutcome: LocalText | null;
  unknownKind: boolean;
}

export interface ChecklistInput {
  platform: PlatformId;
  kind: CaseKind | null;
  stage: string | null;
  pack: RulePack;
  stageStartedAt: number | null;
  appliedAt: number | null;
  pageDeadline: number | null;
  now: number;
}

/** The earliest due time among the rules for this kind and stage (the strictest reading when the condition is unknown). */
function stageDue(input: ChecklistInput, stage: AftersaleStage): { dueAt: number | null; ruleId: string | null } {
  const start = stage === 'seller_review' ? (input.stageStartedAt ?? input.appliedAt) : input.stage === stage ? input.stageStartedAt : null;
  let best: { dueAt: number | null; ruleId: string | null } = { dueAt: null, ruleId: null };
  for (const rule of rulesForCase(input.pack, input.kind, stage)) {
    if (start === null) {
      best.ruleId ??= rule.id;
      continue;
    }
    const inForce = ruleAt(input.pack, rule, start);
    if (inForce.notAssessed) continue;
    const due = stageDueAt(inForce.rule.duration, start, input.pack.utcOffsetMinutes);
    if (best.dueAt === null || due < best.dueAt) best = { dueAt: due, ruleId: rule.id };
  }
  return best;
}

/**
 * The checklist for one case: the kind's steps in stage order, each with its due time from the
 * rules (the page's own deadline wins for the stage the case is in), the evidence to collect, the
 * reply scenarios to use, and what the platform does if the seller stays silent.
 */
export function buildChecklist(input: ChecklistInput): Checklist {
  const { steps, kinds, platformNotes } = data();
  const flow = kinds[input.kind ?? 'unknown'];
  const closed = input.stage === 'closed';
  const currentIndex = flow.stages.indexOf(input.stage as AftersaleStage);
  const dueByStage = new Map<AftersaleStage, { dueAt: number | null; ruleId: string | null }>();
  const dueOf = (stage: AftersaleStage) => {
    if (!dueByStage.has(stage)) {
      const due = stageDue(input, stage);
      dueByStage.set(stage, stage === input.stage && input.pageDeadline !== null ? { ...due, dueAt: input.pageDeadline } : due);
    }
    return dueByStage.get(stage)!;
  };
  const built = flow.steps.map((id): ChecklistStep => {
    const step = steps[id]!;
    const index = step.stage === 'any' ? currentIndex : flow.stages.indexOf(step.stage);
    const applies = closed || (currentIndex >= 0 && index < currentIndex) ? 'done-stage' : step.stage === 'any' || index === currentIndex ? 'current' : 'later';
    const due = step.stage === 'any' ? { dueAt: null, ruleId: null } : dueOf(step.stage);
    return {
      id: step.id,
      stage: step.stage,
      title: step.title,
      detail: step.detail,
      platformNote: platformNotes[input.platform]?.[id] ?? null,
      evidence: step.evidence,
      templates: step.templates,
      dueAt: due.dueAt,
      dueRuleId: due.ruleId,
      warning: step.warning ?? null,
      applies,
    };
  });
  // The outcome of the rule in force for the current stage (the same one the tracker warns by).
  const currentRuleId = closed || currentIndex < 0 ? null : dueOf(flow.stages[currentIndex]!).ruleId;
  const currentRule = input.pack.aftersaleRules.find((r) => r.id === currentRuleId);
  return { steps: built, silentOutcome: currentRule?.onTimeoutText ?? null, unknownKind: input.kind === null };
}
