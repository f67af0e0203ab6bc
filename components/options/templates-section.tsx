import { useSignal, type Signal } from '@preact/signals';
import { SCENARIOS } from '@/lib/aftersale/checklist';
import { PLATFORM_IDS, type PlatformId } from '@/lib/domain/platform';
import type { CompiledLexicon } from '@/lib/compliance';
import { shippedTemplates } from '@/lib/replies/library';
import { failingTemplates } from '@/lib/replies/recheck';
import { ReplyTemplate, UserTemplates, VARIABLES } from '@/lib/replies/schema';
import { searchTemplates } from '@/lib/replies/search';
import { Section, StatusLine, type OptionTexts, type SaveStatus } from './common';

/** Variables a user template uses, declared from its text: required unless the agent gave a fallback. */
function declareVariables(text: string, previous: ReplyTemplate['variables']): ReplyTemplate['variables'] {
  const used = new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!));
  return Object.fromEntries(VARIABLES.filter((v) => used.has(v)).map((v) => [v, previous[v] ?? { required: v !== 'buyerNick', ...(v === 'buyerNick' ? { fallback: '亲' } : {}) }]));
}

/** Search the shipped and the shop's own templates; duplicate, edit and delete the shop's; list those that now fail the check. */
export function TemplatesSection({ userTemplates, lexicon, texts, save }: { userTemplates: Signal<ReplyTemplate[]>; lexicon: Signal<CompiledLexicon | undefined>; texts: OptionTexts; save: (templates: ReplyTemplate[]) => Promise<void> }) {
  const { t, locale } = texts;
  const query = useSignal('');
  const status = useSignal<SaveStatus>(null);
  const all = [...userTemplates.value, ...shippedTemplates()];
  const shown = searchTemplates(all, query.value);
  const problems = failingTemplates(userTemplates.value, lexicon.value);

  const store = async (next: ReplyTemplate[]) => {
    const parsed = UserTemplates.safeParse(next);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      status.value = { tone: 'error', text: t('optNotSaved', [`${issue.path.join('.')}: ${issue.message}`]) };
      return;
    }
    await save(parsed.data);
    status.value = { tone: 'ok', text: t('optSaved') };
  };
  const duplicate = (template: ReplyTemplate) => {
    let n = 1;
    const base = `user.${template.id.replace(/^user\./, '').split('.')[0]}.copy`;
    while (all.some((x) => x.id === `${base}${n}`)) n++;
    void store([{ ...template, id: `${base}${n}` }, ...userTemplates.value]);
  };
  const update = (id: string, patch: Partial<ReplyTemplate>) => {
    const next = userTemplates.value.map((x) => (x.id === id ? { ...x, ...patch, variables: declareVariables(patch.text ?? x.text, x.variables) } : x));
    void store(next);
  };

  return (
    <Section id="templates" title={t('optTemplates')}>
      {problems.length > 0 && (
        <ul class="problems" data-testid="failing-templates">
          {problems.map((p) => (
            <li key={`${p.templateId}-${p.platform}`}>{t('optTemplateFails', [p.templateId, t(`platform_${p.platform}`), p.reason])}</li>
          ))}
        </ul>
      )}
      <input type="search" data-testid="template-search" placeholder={t('optTemplateSearch')} value={query.value} onInput={(e) => (query.value = e.currentTarget.value)} />
      <StatusLine status={status.value} />
      <ul class="templates">
        {shown.map((template) => {
          const mine = template.id.startsWith('user.');
          return (
            <li key={template.id} data-testid="template-row" data-template={template.id}>
              <div class="meta">
                <code>{template.id}</code> · {t(`scenario_${template.scenario}`)} · {template.platforms.map((p) => t(`platform_${p}`)).join('、')}
              </div>
              {mine ? (
                <>
                  <textarea aria-label={template.id} rows={2} value={template.text} onChange={(e) => update(template.id, { text: e.currentTarget.value })} />
                  <div class="row">
                    <select aria-label={t('optScenario')} value={template.scenario} onChange={(e) => update(template.id, { scenario: e.currentTarget.value as ReplyTemplate['scenario'] })}>
                      {SCENARIOS.map((s) => (
                        <option key={s} value={s}>
                          {t(`scenario_${s}`)}
                        </option>
                      ))}
                    </select>
                    {PLATFORM_IDS.map((p: PlatformId) => (
                      <label key={p}>
                        <input
                          type="checkbox"
                          checked={template.platforms.includes(p)}
                          onChange={(e) => update(template.id, { platforms: e.currentTarget.checked ? [...template.platforms, p] : template.platforms.filter((x) => x !== p) })}
                        />
                        {t(`platform_${p}`)}
                      </label>
                    ))}
                    <button type="button" onClick={() => void store(userTemplates.value.filter((x) => x.id !== template.id))}>
                      {t('optDelete')}
                    </button>
                  </div>
                </>
              ) : (
                <p class="text">{locale === 'zh_CN' ? template.text : `${template.text} — ${template.gloss}`}</p>
              )}
              <button type="button" data-testid="duplicate-template" onClick={() => duplicate(template)}>
                {t('optDuplicate')}
              </button>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
