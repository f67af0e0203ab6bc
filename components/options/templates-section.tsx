import { useEffect, useRef } from 'preact/hooks';
import { useSignal, type ReadonlySignal } from '@preact/signals';
import { SCENARIOS, type Scenario } from '@/lib/aftersale/checklist';
import type { CompiledLexicon } from '@/lib/compliance';
import { PLATFORM_IDS, type PlatformId } from '@/lib/domain/platform';
import { shippedTemplates } from '@/lib/replies/library';
import type { TemplateProblem } from '@/lib/replies/recheck';
import { VARIABLES, type ReplyTemplate, type VariableName } from '@/lib/replies/schema';
import { searchTemplates } from '@/lib/replies/search';
import { FieldProblems, fieldId, invalidProps, OtherProblems, Section, StatusLine, type OptionTexts, type SaveStatus } from './common';
import { problemText, type Problem } from './problems';
import type { TemplateStore } from './template-store';
import { blankForm, complianceProblems, duplicateForm, formToTemplate, templateFindings, templateToForm, variableRows, type TemplateForm } from './templates-model';

interface TemplatesProps {
  userTemplates: ReadonlySignal<ReplyTemplate[]>;
  lexicon: ReadonlySignal<CompiledLexicon | undefined>;
  /** The shop's templates that fail the check now (re-run on every template, lexicon or rule change). */
  failing: ReadonlySignal<TemplateProblem[]>;
  store: TemplateStore;
  texts: OptionTexts;
}

/**
 * 回复模板: search the shipped and the shop's own templates; copy any into a shop template; edit a
 * shop template's text, variables (required or with a fallback), scenario and platforms; delete it.
 * Saved one template at a time in one transaction; a template the check would block is not saved.
 */
export function TemplatesSection({ userTemplates, lexicon, failing, store, texts }: TemplatesProps) {
  const { t, locale } = texts;
  const query = useSignal('');
  const editing = useSignal<TemplateForm | null>(null);
  const problems = useSignal<Problem[]>([]);
  const editorStatus = useSignal<SaveStatus>(null);
  const status = useSignal<SaveStatus>(null);
  const busy = useSignal(false);
  const confirming = useSignal<string | null>(null);

  const mine = userTemplates.value;
  const shipped = shippedTemplates();
  const taken = new Set([...mine, ...shipped].map((x) => x.id));
  const shown = searchTemplates([...mine, ...shipped], query.value);
  const failingIds = new Set(failing.value.map((p) => p.templateId));
  const platformName = (p: string) => t(`platform_${p}`);

  const search = useRef<HTMLInputElement>(null);
  // When the editor closes (saved or cancelled) the keyboard focus returns to the top of the list.
  const close = () => {
    editing.value = null;
    problems.value = [];
    queueMicrotask(() => search.current?.focus());
  };
  const open = (form: TemplateForm) => {
    editing.value = form;
    problems.value = [];
    editorStatus.value = null;
    status.value = null;
  };
  const save = async () => {
    const form = editing.peek();
    if (!form || busy.peek()) return;
    const built = formToTemplate(form);
    const found = built.ok ? complianceProblems(built.template, lexicon.peek(), platformName as (p: PlatformId) => string) : built.problems;
    if (!built.ok || found.length > 0) {
      problems.value = found;
      editorStatus.value = { tone: 'error', text: t('optFixFields', [String(found.length)]) };
      return;
    }
    busy.value = true;
    editorStatus.value = { tone: 'busy', text: t('optSaving') };
    try {
      const result = await store.save(built.template, form.original);
      if (result.ok) {
        close();
        editorStatus.value = null;
        status.value = { tone: 'ok', text: t('optTemplateSaved', [built.template.id]) };
      } else {
        problems.value = result.problems;
        editorStatus.value = { tone: 'error', text: t('optFixFields', [String(result.problems.length)]) };
      }
    } catch (error) {
      editorStatus.value = { tone: 'error', text: t('optNotSaved', [String(error)]) };
    } finally {
      busy.value = false;
    }
  };
  const remove = async (id: string) => {
    if (busy.peek()) return;
    busy.value = true;
    try {
      const result = await store.remove(id);
      confirming.value = null;
      if (editing.peek()?.original === id) editing.value = null;
      status.value = result.ok ? { tone: 'ok', text: t('optTemplateDeleted', [id]) } : { tone: 'error', text: t('optNotSaved', [result.problems.map((p) => problemText(p, texts)).join('；')]) };
    } catch (error) {
      status.value = { tone: 'error', text: t('optNotSaved', [String(error)]) };
    } finally {
      busy.value = false;
    }
  };

  return (
    <Section id="templates" title={t('optTemplates')} intro={t('optTemplatesIntro')}>
      <div class="failing" data-testid="failing-templates" aria-labelledby="failing-title">
        <h3 id="failing-title">{t('optFailingTitle')}</h3>
        {failing.value.length === 0 ? (
          <p class="status ok">{mine.length > 0 ? t('optFailingNone') : t('optNoUserTemplates')}</p>
        ) : (
          <ul class="problems">
            {failing.value.map((p) => {
              const template = mine.find((x) => x.id === p.templateId);
              return (
                <li key={`${p.templateId}-${p.platform}`} data-testid="failing-template" data-template={p.templateId}>
                  {t('optTemplateFails', [p.templateId, platformName(p.platform), p.reason])}{' '}
                  {template && (
                    <button type="button" onClick={() => open(templateToForm(template))}>
                      {t('optEdit')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>

      <div class="toolbar">
        <label for="template-search">{t('optTemplateSearch')}</label>
        <input id="template-search" ref={search} type="search" data-testid="template-search" value={query.value} onInput={(e) => (query.value = e.currentTarget.value)} />
        <button type="button" data-testid="new-template" onClick={() => open(blankForm(taken))}>
          {t('optNewTemplateButton')}
        </button>
      </div>
      <StatusLine status={status.value} texts={texts} testid="status-templates" />

      {editing.value && (
        <TemplateEditor
          form={editing.value}
          problems={problems.value}
          status={editorStatus.value}
          busy={busy.value}
          lexicon={lexicon.value}
          texts={texts}
          onChange={(change) => {
            const current = editing.peek();
            if (current) editing.value = change(current);
            editorStatus.value = null;
          }}
          onSave={() => void save()}
          onCancel={close}
        />
      )}

      <p class="hint">{t('optTemplateCount', [String(shown.length), String(mine.length + shipped.length)])}</p>
      <ul class="templates">
        {shown.map((template) => {
          const own = template.id.startsWith('user.');
          return (
            <li key={template.id} data-testid="template-row" data-template={template.id}>
              <div class="meta">
                <code>{template.id}</code> · {t(`scenario_${template.scenario}`)} · {template.platforms.map(platformName).join(locale === 'zh_CN' ? '、' : ', ')}
                {own && <span class="badge">{t('optMine')}</span>}
                {failingIds.has(template.id) && <span class="badge bad">{t('optFailingBadge')}</span>}
              </div>
              <p class="text">{template.text}</p>
              {locale !== 'zh_CN' && template.gloss && <p class="gloss">{template.gloss}</p>}
              <div class="actions">
                <button type="button" data-testid="duplicate-template" aria-label={t('optDuplicateNamed', [template.id])} onClick={() => open(duplicateForm(template, taken))}>
                  {t('optDuplicate')}
                </button>
                {own && (
                  <button type="button" data-testid="edit-template" aria-label={t('optEditNamed', [template.id])} onClick={() => open(templateToForm(template))}>
                    {t('optEdit')}
                  </button>
                )}
                {own && confirming.value !== template.id && (
                  <button type="button" data-testid="delete-template" aria-label={t('optDeleteNamed', [template.id])} onClick={() => (confirming.value = template.id)}>
                    {t('optDelete')}
                  </button>
                )}
                {own && confirming.value === template.id && (
                  <ConfirmDelete id={template.id} busy={busy.value} texts={texts} onConfirm={() => void remove(template.id)} onCancel={() => (confirming.value = null)} />
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}

/** Delete asks once more, in place; the keyboard focus moves to the question's confirm button. */
function ConfirmDelete({ id, busy, texts, onConfirm, onCancel }: { id: string; busy: boolean; texts: OptionTexts; onConfirm: () => void; onCancel: () => void }) {
  const { t } = texts;
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => yes.current?.focus(), []);
  return (
    <span class="confirm" role="group" aria-label={t('optDeleteNamed', [id])}>
      {t('optDeleteConfirm')}
      <button type="button" ref={yes} data-testid="confirm-delete" disabled={busy} onClick={onConfirm}>
        {t('optDeleteYes')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('optCancel')}
      </button>
    </span>
  );
}

const EDITOR_FIELDS = ['text', 'platforms', 'gloss', 'scenario'];

function TemplateEditor({
  form,
  problems,
  status,
  busy,
  lexicon,
  texts,
  onChange,
  onSave,
  onCancel,
}: {
  form: TemplateForm;
  problems: Problem[];
  status: SaveStatus;
  busy: boolean;
  lexicon: CompiledLexicon | undefined;
  texts: OptionTexts;
  /** An update applied to the latest form (two quick edits never undo each other). */
  onChange: (change: (form: TemplateForm) => TemplateForm) => void;
  onSave: () => void;
  onCancel: () => void;
}) {
  const { t } = texts;
  const scope = 'template';
  const textArea = useRef<HTMLTextAreaElement>(null);
  const insertName = useSignal<VariableName>('buyerNick');
  // Opening the editor (or another template in it) moves the keyboard focus to the text.
  useEffect(() => textArea.current?.focus(), [form.id]);

  const set = (change: (f: TemplateForm) => Partial<TemplateForm>) => onChange((f) => ({ ...f, ...change(f) }));
  const rows = variableRows(form);
  const built = formToTemplate(form);
  const findings = built.ok ? templateFindings(built.template, lexicon) : [];
  const placed = [...EDITOR_FIELDS, ...rows.flatMap((r) => [`variables.${r.name}`, `variables.${r.name}.fallback`])];
  const insert = () => {
    const token = `{${insertName.peek()}}`;
    const el = textArea.current;
    const at = el ? el.selectionStart : form.text.length;
    const end = el ? el.selectionEnd : form.text.length;
    set((f) => ({ text: `${f.text.slice(0, at)}${token}${f.text.slice(end)}` }));
    queueMicrotask(() => {
      el?.focus();
      el?.setSelectionRange(at + token.length, at + token.length);
    });
  };

  return (
    <form
      class="template-editor"
      data-testid="template-editor"
      aria-labelledby="template-editor-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      <h3 id="template-editor-title">{form.original === null ? t('optNewTemplate', [form.id]) : t('optEditTemplate', [form.id])}</h3>
      <FieldProblems problems={problems} scope={scope} path="id" texts={texts} />
      <div class="field">
        <label for={fieldId(scope, 'scenario')}>{t('optScenario')}</label>
        <select id={fieldId(scope, 'scenario')} data-testid="template-scenario" value={form.scenario} onChange={(e) => {
            const scenario = e.currentTarget.value as Scenario;
            set(() => ({ scenario }));
          }}>
          {SCENARIOS.map((s) => (
            <option key={s} value={s}>
              {t(`scenario_${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="field wide">
        <label for={fieldId(scope, 'text')}>{t('optTemplateText')}</label>
        <textarea
          ref={textArea}
          id={fieldId(scope, 'text')}
          data-testid="template-text"
          rows={3}
          maxLength={500}
          value={form.text}
          {...invalidProps(problems, scope, 'text')}
          onInput={(e) => {
            const text = e.currentTarget.value;
            set(() => ({ text }));
          }}
        />
        <FieldProblems problems={problems} scope={scope} path="text" texts={texts} />
        <p class="hint">{t('optTemplateTextHint')}</p>
      </div>
      <div class="row">
        <label for={fieldId(scope, 'insert')}>{t('optInsertVariable')}</label>
        <select id={fieldId(scope, 'insert')} value={insertName.value} onChange={(e) => (insertName.value = e.currentTarget.value as VariableName)}>
          {VARIABLES.map((v) => (
            <option key={v} value={v}>
              {t(`var_${v}`)} {`{${v}}`}
            </option>
          ))}
        </select>
        <button type="button" data-testid="insert-variable" onClick={insert}>
          {t('optInsert')}
        </button>
      </div>
      {rows.length > 0 && (
        <table class="variables" data-testid="template-variables">
          <caption>{t('optVariables')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('optVariable')}</th>
              <th scope="col">{t('optRequired')}</th>
              <th scope="col">{t('optFallback')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ name, spec }) => {
              const label = t(`var_${name}`);
              const path = `variables.${name}.fallback`;
              return (
                <tr key={name} data-variable={name}>
                  <th scope="row">
                    {label} <code>{`{${name}}`}</code>
                  </th>
                  <td>
                    <input
                      type="checkbox"
                      data-testid={`required-${name}`}
                      aria-label={t('optRequiredFor', [label])}
                      checked={spec.required}
                      onChange={(e) => {
                        const required = e.currentTarget.checked;
                        set((f) => ({ variables: { ...f.variables, [name]: { ...(f.variables[name] ?? spec), required } } }));
                      }}
                    />
                    <FieldProblems problems={problems} scope={scope} path={`variables.${name}`} texts={texts} />
                  </td>
                  <td>
                    <input
                      type="text"
                      maxLength={40}
                      data-testid={`fallback-${name}`}
                      id={fieldId(scope, path)}
                      aria-label={t('optFallbackFor', [label])}
                      disabled={spec.required}
                      value={spec.fallback}
                      {...invalidProps(problems, scope, path)}
                      onInput={(e) => {
                        const fallback = e.currentTarget.value;
                        set((f) => ({ variables: { ...f.variables, [name]: { ...(f.variables[name] ?? spec), fallback } } }));
                      }}
                    />
                    <FieldProblems problems={problems} scope={scope} path={path} texts={texts} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <fieldset class="platform-choice">
        <legend>{t('optTemplatePlatforms')}</legend>
        {PLATFORM_IDS.map((p) => (
          <label key={p}>
            <input
              type="checkbox"
              data-testid={`template-platform-${p}`}
              checked={form.platforms.includes(p)}
              onChange={(e) => {
                const checked = e.currentTarget.checked;
                set((f) => ({ platforms: checked ? [...f.platforms.filter((x) => x !== p), p] : f.platforms.filter((x) => x !== p) }));
              }}
            />
            {t(`platform_${p}`)}
          </label>
        ))}
        <FieldProblems problems={problems} scope={scope} path="platforms" texts={texts} />
      </fieldset>
      <div class="field wide">
        <label for={fieldId(scope, 'gloss')}>{t('optGloss')}</label>
        <input type="text" id={fieldId(scope, 'gloss')} maxLength={500} value={form.gloss} {...invalidProps(problems, scope, 'gloss')} onInput={(e) => {
            const gloss = e.currentTarget.value;
            set(() => ({ gloss }));
          }} />
        <FieldProblems problems={problems} scope={scope} path="gloss" texts={texts} />
      </div>
      {findings.length > 0 && (
        <ul class="findings" data-testid="template-findings">
          {findings.map(({ platform, finding, excerpt }, i) => (
            <li key={i} class={finding.severity === 'block' ? 'field-error' : 'warning'}>
              {finding.severity === 'block'
                ? t('optFindingBlock', [t(`platform_${platform}`), finding.reason, excerpt])
                : t('optFindingWarn', [t(`platform_${platform}`), finding.reason, excerpt])}
            </li>
          ))}
        </ul>
      )}
      <OtherProblems problems={problems} placed={placed} texts={texts} />
      <div class="actions">
        <button type="submit" data-testid="save-template" disabled={busy}>
          {t('optSave')}
        </button>
        <button type="button" data-testid="cancel-template" onClick={onCancel}>
          {t('optCancel')}
        </button>
        <StatusLine status={status} texts={texts} testid="status-template" />
      </div>
    </form>
  );
}
