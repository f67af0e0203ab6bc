import { useSignal, type Signal } from '@preact/signals';
import type { ShopLexicon } from '@/lib/compliance/shop-lexicon';
import { CATEGORIES, type Category } from '@/lib/compliance/types';
import { readReply, Section, StatusLine, type OptionTexts, type SaveStatus, type Send } from './common';

const lines = (text: string) => [...new Set(text.split(/\n/).map((l) => l.trim()).filter(Boolean))];
const LISTS = ['add', 'remove', 'allow'] as const;

/** The shop's own forbidden-word changes per category: terms to add, built-in terms to drop, phrases to allow. */
export function LexiconSection({ lexicon, texts, send }: { lexicon: Signal<ShopLexicon>; texts: OptionTexts; send: Send }) {
  const { t } = texts;
  const category = useSignal<Category>('contact_off_platform');
  const draft = useSignal<ShopLexicon>(lexicon.value);
  const seen = useSignal<ShopLexicon>(lexicon.value);
  const dirty = useSignal(false);
  const status = useSignal<SaveStatus>(null);
  // A lexicon stored elsewhere (an import) replaces the form unless it has unsaved edits.
  if (lexicon.value !== seen.value) {
    seen.value = lexicon.value;
    if (!dirty.value) draft.value = lexicon.value;
  }
  const text = (list: (typeof LISTS)[number]) => (draft.value[list][category.value] ?? []).join('\n');
  const set = (list: (typeof LISTS)[number], value: string) => {
    const next = structuredClone(draft.value);
    const terms = lines(value);
    if (terms.length > 0) next[list][category.value] = terms;
    else delete next[list][category.value];
    draft.value = next;
    dirty.value = true;
  };
  const save = async () => {
    const reply = readReply(await send({ type: 'settings/set-lexicon', lexicon: draft.value }));
    if (reply.ok) dirty.value = false;
    status.value = reply.ok ? { tone: 'ok', text: t('optSaved') } : { tone: 'error', text: t('optNotSaved', [reply.error]) };
  };
  return (
    <Section id="lexicon" title={t('optLexicon')}>
      <label>
        {t('optCategory')}
        <select data-testid="lexicon-category" value={category.value} onChange={(e) => (category.value = e.currentTarget.value as Category)}>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`cat_${c}`)}
            </option>
          ))}
        </select>
      </label>
      <div class="lists">
        {LISTS.map((list) => (
          <label key={list}>
            {t(`optLexicon_${list}`)}
            <textarea data-testid={`lexicon-${list}`} rows={6} value={text(list)} onChange={(e) => set(list, e.currentTarget.value)} />
          </label>
        ))}
      </div>
      <button type="button" data-testid="save-lexicon" onClick={() => void save().catch((e: unknown) => (status.value = { tone: 'error', text: String(e) }))}>
        {t('optSave')}
      </button>
      <StatusLine status={status.value} />
    </Section>
  );
}
