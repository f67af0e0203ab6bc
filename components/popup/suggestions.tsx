import { useSignal } from '@preact/signals';
import { fillMissing } from '@/components/suggest/suggest-card';
import type { Suggestion } from '@/lib/messaging/protocol';
import type { PopupTexts } from './at-risk-list';

/** Reply suggestions for one waiting buyer; a click inserts one into that console tab's input (never sends). */
export function RowSuggestions({ suggestions, texts, onInsert }: { suggestions: Suggestion[]; texts: PopupTexts; onInsert: (text: string, templateId: string) => Promise<boolean> }) {
  const open = useSignal(false);
  const values = useSignal<Record<string, string>>({});
  const status = useSignal<string | null>(null);
  if (suggestions.length === 0) return null;
  return (
    <div class="suggest">
      <button type="button" class="link" data-testid="popup-suggest-toggle" onClick={() => (open.value = !open.value)}>
        {texts.t('popupSuggest')}
      </button>
      {open.value && (
        <ol>
          {suggestions.map((s) => {
            const filled = fillMissing(s.text, values.value);
            return (
              <li key={s.templateId} data-testid="popup-suggestion" data-template={s.templateId}>
                <span>{filled.text}</span>
                {s.missing.map((name) => (
                  <input key={name} placeholder={texts.t(`var_${name}`)} aria-label={texts.t(`var_${name}`)} value={values.value[name] ?? ''} onInput={(e) => (values.value = { ...values.value, [name]: e.currentTarget.value })} />
                ))}
                <button
                  type="button"
                  data-testid="popup-insert"
                  disabled={filled.missing.length > 0}
                  onClick={() => void onInsert(filled.text, s.templateId).then((ok) => (status.value = ok ? texts.t('popupInserted') : texts.t('popupStorageError', ['-'])))}
                >
                  {texts.t('popupInsert')}
                </button>
              </li>
            );
          })}
        </ol>
      )}
      {status.value && <div role="status">{status.value}</div>}
    </div>
  );
}
