import { z } from 'zod';
import { SCENARIOS, type Scenario } from '../aftersale/checklist';
import type { PlatformId } from '../domain/platform';
import intentsJson from './intents.json';
import { shippedTemplates } from './library';
import type { ReplyTemplate } from './schema';

const Boosts = z.record(z.string(), z.partialRecord(z.enum(SCENARIOS), z.number()));
const Intents = z.strictObject({
  $comment: z.string(),
  cues: z.strictObject(Object.fromEntries(SCENARIOS.map((s) => [s, z.array(z.strictObject({ pattern: z.string(), weight: z.number().positive() }))])) as Record<Scenario, z.ZodArray<z.ZodObject<{ pattern: z.ZodString; weight: z.ZodNumber }>>>),
  stageBoosts: Boosts,
  kindBoosts: Boosts,
  fallback: z.array(z.enum(SCENARIOS)),
});

interface CompiledIntents {
  cues: [Scenario, RegExp, number][];
  stageBoosts: z.infer<typeof Boosts>;
  kindBoosts: z.infer<typeof Boosts>;
  fallback: Scenario[];
}

let compiled: CompiledIntents | null = null;
function intents(): CompiledIntents {
  if (compiled) return compiled;
  const data = Intents.parse(intentsJson);
  compiled = {
    cues: SCENARIOS.flatMap((s) => data.cues[s].map((c): [Scenario, RegExp, number] => [s, new RegExp(c.pattern, 'i'), c.weight])),
    stageBoosts: data.stageBoosts,
    kindBoosts: data.kindBoosts,
    fallback: data.fallback,
  };
  return compiled;
}

/** Full-width to half-width and lower case, so "ＸＬ码" and "xl码" read alike. */
const normalise = (text: string) => text.normalize('NFKC').toLowerCase();

export interface SuggestInput {
  /** The buyer's recent messages, oldest first (the last one weighs most). */
  buyerMessages: string[];
  caseStage?: string | null;
  caseKind?: string | null;
  platform: PlatformId;
}

/** Scenarios scored from the buyer's words and the case's stage, best first. */
export function rankScenarios(input: SuggestInput): { scenario: Scenario; score: number }[] {
  const { cues, stageBoosts, kindBoosts, fallback } = intents();
  const scores = new Map<Scenario, number>();
  const add = (s: Scenario, n: number) => scores.set(s, (scores.get(s) ?? 0) + n);
  const recent = input.buyerMessages.slice(-3);
  recent.forEach((message, i) => {
    const recency = i === recent.length - 1 ? 1 : 0.4; // earlier messages only add context
    const text = normalise(message);
    for (const [scenario, re, weight] of cues) if (re.test(text)) add(scenario, weight * recency);
  });
  for (const [s, n] of Object.entries(stageBoosts[input.caseStage ?? ''] ?? {})) add(s as Scenario, n!);
  for (const [s, n] of Object.entries(kindBoosts[input.caseKind ?? ''] ?? {})) add(s as Scenario, n!);
  fallback.forEach((s, i) => add(s, 0.01 * (fallback.length - i))); // a stable order when nothing matched
  return [...scores.entries()].map(([scenario, score]) => ({ scenario, score })).sort((a, b) => b.score - a.score || SCENARIOS.indexOf(a.scenario) - SCENARIOS.indexOf(b.scenario));
}

export interface RankedTemplate {
  template: ReplyTemplate;
  scenario: Scenario;
  score: number;
}

/** The `limit` best templates for this platform: one per scenario, best scenario first. */
export function suggestTemplates(input: SuggestInput, limit = 3, templates: readonly ReplyTemplate[] = shippedTemplates()): RankedTemplate[] {
  const out: RankedTemplate[] = [];
  for (const { scenario, score } of rankScenarios(input)) {
    const template = templates.find((t) => t.scenario === scenario && t.platforms.includes(input.platform));
    if (template) out.push({ template, scenario, score });
    if (out.length === limit) break;
  }
  return out;
}
