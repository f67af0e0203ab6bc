import { checkMessage, type CompiledLexicon } from '../compliance';
import { fillTemplate } from './fill';
import type { ReplyTemplate } from './schema';

export interface TemplateProblem {
  templateId: string;
  platform: string;
  reason: string;
}

/** User templates that no longer pass the check (re-run whenever the lexicon, rules or templates change). */
export function failingTemplates(templates: readonly ReplyTemplate[], lexicon?: CompiledLexicon): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const template of templates) {
    const { text } = fillTemplate(template, {});
    for (const platform of template.platforms) {
      const finding = checkMessage(text, { platform, lexicon }).find((f) => f.severity === 'block') ?? checkMessage(text, { platform, lexicon })[0];
      if (finding) problems.push({ templateId: template.id, platform, reason: `${finding.reason}（${text.slice(finding.start, finding.end)}）` });
    }
  }
  return problems;
}
