import { useSignal, type ReadonlySignal } from '@preact/signals';
import type { ShopLexicon } from '@/lib/compliance/shop-lexicon';
import { CATEGORIES, type Category } from '@/lib/compliance/types';
import { FieldProblems, fieldId, invalidProps, readReply, Section, StatusLine, useDraft, type OptionTexts, type SaveStatus, type Send } from './common';
import { formToLexicon, LEXICON_LISTS, lexiconCounts, lexiconToForm, type LexiconList } from './lexicon-model';
import { problemText, type Problem } from './problems';

/**
 * 违禁词: the shop's own changes to the forbidden-word lexicon, per category: terms to add, built-in
 * terms to drop, phrases to allow. The whole lexicon is saved at once (validated and compiled here
 * first, then by the background); the template list below is re-checked against what is saved.
 */
export function LexiconSection({ lexicon, texts, send }: { lexicon: ReadonlySignal<ShopLexicon>; texts: OptionTexts; send: Send }) {
  const { t } = texts;
  const category = useSignal<Category>('contact_off_platform');
  const draft = useDraft(lexiconToForm(lexicon.value));
  const problems = useSignal<Problem[]>([]);
  const status = useSignal<SaveStatus>(null);
  const busy = useSignal(false);
  const form = draft.form;
  const scope = 'lexicon';
  const labels: Record<LexiconList, string> = { add: t('optLexicon_add'), remove: t('optLexicon_remove'), allow: t('optLexicon_allow') };

  const save = async () => {
    const built = formToLexicon(form);
    if (!built.ok) {
      problems.value = built.problems;
      status.value = { tone: 'error', text: t('optFixFields', [String(built.problems.length)]) };
      return;
    }
    busy.value = true;
    status.value = { tone: 'busy', text: t('optSaving') };
    try {
      const reply = readReply(await send({ type: 'settings/set-lexicon', lexicon: built.lexicon }));
      if (reply.ok) {
        problems.value = [];
        draft.keep(lexiconToForm(built.lexicon));
        status.value = { tone: 'ok', text: t('optSaved') };
      } else {
        problems.value = [{ path: '', kind: 'text', message: reply.error }];
        status.value = { tone: 'error', text: t('optNotSaved', [reply.error]) };
      }
    } catch (error) {
      status.value = { tone: 'error', text: t('optNotSaved', [String(error)]) };
    } finally {
      busy.value = false;
    }
  };

  const categoryName = (c: Category) => t(`cat_${c}`);
  const counted = (c: Category) => {
    const n = lexiconCounts(form, c);
    return n.add + n.remove + n.allow > 0 ? `${categoryName(c)} (+${n.add} −${n.remove} ✓${n.allow})` : categoryName(c);
  };
  // Problems in another category than the one shown are listed with its name (the value is saved whole).
  const elsewhere = problems.value.filter((p) => !p.path.endsWith(`.${category.value}`));

  return (
    <Section id="lexicon" title={t('optLexicon')} intro={t('optLexiconIntro')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy.peek()) void save();
        }}
      >
        <div class="field">
          <label for="lexicon-category">{t('optCategory')}</label>
          <select id="lexicon-category" data-testid="lexicon-category" value={category.value} onChange={(e) => (category.value = e.currentTarget.value as Category)}>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {counted(c)}
              </option>
            ))}
          </select>
        </div>
        <div class="lists">
          {LEXICON_LISTS.map((list) => {
            const path = `${list}.${category.value}`;
            return (
              <div class="field" key={list}>
                <label for={fieldId(scope, list)}>{labels[list]}</label>
                <textarea
                  id={fieldId(scope, list)}
                  data-testid={`lexicon-${list}`}
                  rows={6}
                  value={form[list][category.value] ?? ''}
                  {...invalidProps(problems.value, scope, path)}
                  onInput={(e) => {
                    const value = e.currentTarget.value;
                    const c = category.peek();
                    draft.edit((f) => (f[list][c] = value));
                    status.value = null;
                  }}
                />
                <FieldProblems problems={problems.value} scope={scope} path={path} texts={texts} />
              </div>
            );
          })}
        </div>
        {elsewhere.length > 0 && (
          <ul class="field-error other">
            {elsewhere.map((p, i) => {
              const [list, c] = p.path.split('.') as [LexiconList | undefined, Category | undefined];
              return (
                <li key={i}>
                  {c && list ? `${categoryName(c)} · ${labels[list]}: ` : ''}
                  {problemText(p, texts)}
                </li>
              );
            })}
          </ul>
        )}
        <div class="actions">
          <button type="submit" data-testid="save-lexicon" disabled={busy.value}>
            {t('optSave')}
          </button>
          <StatusLine status={status.value} dirty={draft.dirty} texts={texts} testid="status-lexicon" />
        </div>
      </form>
    </Section>
  );
}
