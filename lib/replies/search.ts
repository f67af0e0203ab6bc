import type { ReplyTemplate } from './schema';

const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** Templates whose id, scenario, text or gloss contain every word of the query (agents type a fragment they remember). */
export function searchTemplates(templates: readonly ReplyTemplate[], query: string): ReplyTemplate[] {
  const words = query.normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...templates];
  return templates.filter((t) => {
    const hay = fold(`${t.id} ${t.scenario} ${t.text} ${t.gloss}`);
    return words.every((w) => hay.includes(fold(w)));
  });
}
