import { compileLexicon, defaultLexiconData, type CompiledLexicon } from '@/lib/compliance';
import { ShopLexicon } from '@/lib/compliance/shop-lexicon';
import { CATEGORIES, type Category } from '@/lib/compliance/types';
import { problemsFromIssues, type Problem } from './problems';

export const LEXICON_LISTS = ['add', 'remove', 'allow'] as const;
export type LexiconList = (typeof LEXICON_LISTS)[number];

/** The lexicon as the form holds it: one text per list and category, a term per line. */
export type LexiconForm = Record<LexiconList, Partial<Record<Category, string>>>;

export const EMPTY_LEXICON: ShopLexicon = { add: {}, remove: {}, allow: {} };

export function lexiconToForm(lexicon: ShopLexicon): LexiconForm {
  const form: LexiconForm = { add: {}, remove: {}, allow: {} };
  for (const list of LEXICON_LISTS) for (const category of CATEGORIES) {
    const terms = lexicon[list][category];
    if (terms && terms.length > 0) form[list][category] = terms.join('\n');
  }
  return form;
}

/** Lines → terms: trimmed, blank lines dropped, each term once. */
export const termsOf = (text: string | undefined): string[] => [...new Set((text ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean))];

/**
 * The form → a shop lexicon, validated by the same schema the background uses and compiled once
 * (as the background will) so a value that cannot be built is refused here first. Problem paths are
 * "<list>.<category>", with the offending term as the item.
 */
export function formToLexicon(form: LexiconForm): { ok: true; lexicon: ShopLexicon; compiled: CompiledLexicon } | { ok: false; problems: Problem[] } {
  const value: ShopLexicon = { add: {}, remove: {}, allow: {} };
  for (const list of LEXICON_LISTS) for (const category of CATEGORIES) {
    const terms = termsOf(form[list][category]);
    if (terms.length > 0) value[list][category] = terms;
  }
  const parsed = ShopLexicon.safeParse(value);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const [list, category, index] = issue.path;
        const problem = problemsFromIssues([issue])[0]!;
        const terms = value[list as LexiconList]?.[category as Category];
        return { ...problem, path: `${String(list)}.${String(category)}`, ...(typeof index === 'number' && terms?.[index] !== undefined ? { item: terms[index] } : {}) };
      }),
    };
  }
  try {
    return { ok: true, lexicon: parsed.data, compiled: compileLexicon(defaultLexiconData(), parsed.data) };
  } catch (error) {
    return { ok: false, problems: [{ path: '', kind: 'text', message: String(error) }] };
  }
}

/** How many terms each list holds for one category (shown next to the category's name). */
export function lexiconCounts(form: LexiconForm, category: Category): Record<LexiconList, number> {
  return { add: termsOf(form.add[category]).length, remove: termsOf(form.remove[category]).length, allow: termsOf(form.allow[category]).length };
}

/** Categories with any change in the form. */
export const changedCategories = (form: LexiconForm): Category[] => CATEGORIES.filter((c) => LEXICON_LISTS.some((l) => termsOf(form[l][c]).length > 0));
