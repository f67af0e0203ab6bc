import type { Suggestion } from '../messaging/protocol';
import { fillTemplate } from './fill';
import { shippedTemplates } from './library';
import type { ReplyTemplate } from './schema';
import { suggestTemplates, type SuggestInput } from './suggest';

/** The top suggestions for a page, filled with what the page knows (the buyer's nick). */
export function suggestionsFor(input: SuggestInput & { buyerNick: string | null }, userTemplates: readonly ReplyTemplate[] = []): Suggestion[] {
  // The shop's own templates come first within a scenario.
  const templates = [...userTemplates, ...shippedTemplates()];
  return suggestTemplates(input, 3, templates).map(({ template, scenario }) => {
    const filled = fillTemplate(template, { buyerNick: input.buyerNick });
    return { templateId: template.id, scenario, text: filled.text, missing: filled.missing };
  });
}
