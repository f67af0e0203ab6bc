import type { Scenario } from '@/lib/aftersale/checklist';
import { checkMessage, type CompiledLexicon, type Finding } from '@/lib/compliance';
import { PLATFORM_IDS, type PlatformId } from '@/lib/domain/platform';
import { fillTemplate } from '@/lib/replies/fill';
import { failingTemplates, type TemplateProblem } from '@/lib/replies/recheck';
import { ReplyTemplate, VARIABLES, type VariableName } from '@/lib/replies/schema';
import { problemsFromIssues, type Problem } from './problems';

export interface VariableForm {
  required: boolean;
  /** Used when an optional value is missing; '' = left out. */
  fallback: string;
}

/** One template in the editor. `original` is the stored id it replaces (null: not stored yet). */
export interface TemplateForm {
  id: string;
  original: string | null;
  scenario: Scenario;
  text: string;
  gloss: string;
  platforms: PlatformId[];
  /** Specs the agent set; a variable used in the text without one gets the default spec. */
  variables: Partial<Record<VariableName, VariableForm>>;
}

const isVariable = (name: string): name is VariableName => (VARIABLES as readonly string[]).includes(name);

/** The buyer's nick may be missing (falls back to 亲); any other value must be filled before inserting. */
export const defaultVariable = (name: VariableName): VariableForm => (name === 'buyerNick' ? { required: false, fallback: '亲' } : { required: true, fallback: '' });

/** `{name}` placeholders of a text, each once, in order. */
export const usedVariables = (text: string): string[] => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))];

/** The variable rows the editor shows: every known variable the text uses, with its spec. */
export function variableRows(form: TemplateForm): { name: VariableName; spec: VariableForm }[] {
  return usedVariables(form.text)
    .filter(isVariable)
    .map((name) => ({ name, spec: form.variables[name] ?? defaultVariable(name) }));
}

export function templateToForm(template: ReplyTemplate): TemplateForm {
  const variables: TemplateForm['variables'] = {};
  for (const [name, spec] of Object.entries(template.variables) as [VariableName, { required: boolean; fallback?: string }][])
    variables[name] = { required: spec.required, fallback: spec.fallback ?? '' };
  return { id: template.id, original: template.id, scenario: template.scenario, text: template.text, gloss: template.gloss, platforms: [...template.platforms], variables };
}

/** `base`, or `base_2`, `base_3`… whichever no template has yet. */
export function freeId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

/** A shop copy of a template (shipped or the shop's own), not stored until saved. */
export function duplicateForm(template: ReplyTemplate, taken: ReadonlySet<string>): TemplateForm {
  const base = `user.${template.id.replace(/^user\./, '').replace(/_\d+$/, '')}`;
  return { ...templateToForm(template), id: freeId(base, taken), original: null };
}

/** A new empty template of the shop's own. */
export function blankForm(taken: ReadonlySet<string>, scenario: Scenario = 'greeting'): TemplateForm {
  return { id: freeId(`user.${scenario}.own`, taken), original: null, scenario, text: '', gloss: '', platforms: [...PLATFORM_IDS], variables: {} };
}

/** The editor's value → a user template validated by the stored schema (field problems by path). */
export function formToTemplate(form: TemplateForm): { ok: true; template: ReplyTemplate } | { ok: false; problems: Problem[] } {
  const used = usedVariables(form.text);
  const unknown = used.filter((name) => !isVariable(name));
  const problems: Problem[] = unknown.map((name) => ({ path: 'text', kind: 'unknownVariable', item: `{${name}}` }));
  const variables: ReplyTemplate['variables'] = {};
  for (const name of used.filter(isVariable)) {
    const spec = form.variables[name] ?? defaultVariable(name);
    const fallback = spec.fallback.trim();
    variables[name] = spec.required || fallback === '' ? { required: spec.required } : { required: false, fallback };
  }
  const candidate = {
    id: form.id,
    scenario: form.scenario,
    text: form.text.trim(),
    gloss: form.gloss.trim(),
    variables,
    platforms: PLATFORM_IDS.filter((p) => form.platforms.includes(p)),
  };
  const parsed = ReplyTemplate.safeParse(candidate);
  if (!parsed.success)
    problems.push(...problemsFromIssues(parsed.error.issues).filter((p) => !(p.kind === 'text' && p.path === 'text' && unknown.length > 0)));
  if (!candidate.id.startsWith('user.')) problems.push({ path: 'id', kind: 'text', message: "user template ids start with 'user.'" });
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, template: parsed.data };
}

/** What the compliance check finds in a template (filled as far as it can be without a page) on each platform it targets. */
export function templateFindings(template: ReplyTemplate, lexicon: CompiledLexicon | undefined): { platform: PlatformId; finding: Finding; excerpt: string }[] {
  const { text } = fillTemplate(template, {});
  return template.platforms.flatMap((platform) =>
    checkMessage(text, { platform, lexicon }).map((finding) => ({ platform, finding, excerpt: text.slice(finding.start, finding.end) })),
  );
}

/** Blocking findings as problems on the text: a template that would be refused in chat is not saved. */
export function complianceProblems(template: ReplyTemplate, lexicon: CompiledLexicon | undefined, platformName: (p: PlatformId) => string = (p) => p): Problem[] {
  const seen = new Set<string>();
  return templateFindings(template, lexicon)
    .filter(({ finding }) => finding.severity === 'block')
    .filter(({ platform }) => !seen.has(platform) && seen.add(platform) !== undefined)
    .map(({ platform, finding, excerpt }) => ({ path: 'text', kind: 'compliance', item: excerpt, platform: platformName(platform), message: finding.reason }));
}

/** Put a saved template into the stored list: new ones may not take an id in use, edited ones must still exist. */
export function replaceIn(list: readonly ReplyTemplate[], original: string | null, template: ReplyTemplate): { ok: true; list: ReplyTemplate[] } | { ok: false; problems: Problem[] } {
  const clash = list.some((x) => x.id === template.id && x.id !== original);
  if (clash) return { ok: false, problems: [{ path: 'id', kind: 'taken', item: template.id }] };
  if (original === null) return { ok: true, list: [template, ...list] };
  const index = list.findIndex((x) => x.id === original);
  if (index < 0) return { ok: false, problems: [{ path: '', kind: 'gone' }] };
  return { ok: true, list: list.map((x, i) => (i === index ? template : x)) };
}

/**
 * The shop's templates that no longer pass the check with the shop's lexicon, one line per template
 * and platform with the reason: re-run whenever templates, the lexicon or the rules change.
 */
export function failingList(templates: readonly ReplyTemplate[], lexicon: CompiledLexicon | undefined): TemplateProblem[] {
  return failingTemplates(templates, lexicon);
}
