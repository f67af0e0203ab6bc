import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import type { Locale } from '@/lib/i18n';
import { SettingsReply } from '@/lib/messaging/protocol';
import { DURATION_UNITS, type DurationField, type DurationUnit } from './durations';
import { problemsAt, problemText, type Problem } from './problems';

export interface OptionTexts {
  t: (key: string, subs?: string[]) => string;
  locale: Locale;
}

/** Send one message to the worker and return its raw reply. */
export type Send = (message: unknown) => Promise<unknown>;

export function Section({ id, title, intro, children }: { id: string; title: string; intro?: string; children: ComponentChildren }) {
  return (
    <section id={id} data-testid={`section-${id}`} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} tabIndex={-1}>
        {title}
      </h2>
      {intro && <p class="intro">{intro}</p>}
      {children}
    </section>
  );
}

/** A DOM id for a field: scope (section, rule…) + the field's path. */
export const fieldId = (scope: string, path: string) => `${scope}--${path}`.replace(/[^A-Za-z0-9_-]/g, '_');

/** aria-invalid / aria-describedby for an input whose field has problems. */
export function invalidProps(problems: readonly Problem[], scope: string, path: string): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  return problemsAt(problems, path).length > 0 ? { 'aria-invalid': true, 'aria-describedby': `${fieldId(scope, path)}--error` } : {};
}

/** The problems of one field, next to it. */
export function FieldProblems({ problems, scope, path, texts }: { problems: readonly Problem[]; scope: string; path: string; texts: OptionTexts }) {
  const mine = problemsAt(problems, path);
  if (mine.length === 0) return null;
  return (
    <span class="field-error" id={`${fieldId(scope, path)}--error`} data-testid={`error-${path}`}>
      {mine.map((p) => problemText(p, texts)).join('；')}
    </span>
  );
}

export type SaveStatus = { tone: 'ok' | 'error' | 'busy'; text: string } | null;

/** The section's outcome line: always present, so screen readers announce what appears in it. */
export function StatusLine({ status, dirty, texts, testid }: { status: SaveStatus; dirty?: boolean; texts: OptionTexts; testid: string }) {
  const shown = status ?? (dirty ? { tone: 'busy' as const, text: texts.t('optUnsaved') } : null);
  return (
    <p class={`status ${shown?.tone ?? ''}`} role="status" data-testid={testid}>
      {shown?.text ?? ''}
    </p>
  );
}

/** Problems the section cannot show next to a field (e.g. a whole-rule refusal), listed by the save button. */
export function OtherProblems({ problems, placed, texts }: { problems: readonly Problem[]; placed: readonly string[]; texts: OptionTexts }) {
  const rest = problems.filter((p) => !placed.includes(p.path));
  if (rest.length === 0) return null;
  return (
    <ul class="field-error other">
      {rest.map((p, i) => (
        <li key={i}>
          {p.path ? `${p.path}: ` : ''}
          {problemText(p, texts)}
        </li>
      ))}
    </ul>
  );
}

/** The reply to a settings message, checked: `{ok}` or `{ok:false, error, fields}`. */
export function readReply(raw: unknown): { ok: true } | { ok: false; error: string; fields: { path: string; message: string }[] } {
  const parsed = SettingsReply.safeParse(raw);
  if (!parsed.success) return { ok: false, error: `unexpected reply: ${JSON.stringify(raw) ?? 'undefined'}`.slice(0, 200), fields: [] };
  if (parsed.data.ok) return { ok: true };
  return { ok: false, error: parsed.data.error, fields: parsed.data.fields ?? [] };
}

/**
 * An edit in progress over a stored value. The form shows the store until the agent edits; after a
 * save the saved form is kept until the store reports it back (no flash of the old value), then the
 * form follows the store again. `same` decides when the draft no longer differs from the store.
 */
export function useDraft<F>(storedForm: F, same: (a: F, b: F) => boolean = (a, b) => JSON.stringify(a) === JSON.stringify(b)) {
  const draft = useSignal<F | null>(null);
  const current = draft.value;
  const storedKey = JSON.stringify(storedForm);
  useEffect(() => {
    const d = draft.peek();
    if (d !== null && same(d, storedForm)) draft.value = null;
    // storedKey stands for storedForm (a new object on every render).
  }, [storedKey, current]);
  return {
    form: current ?? storedForm,
    dirty: current !== null && !same(current, storedForm),
    edit(change: (form: F) => void) {
      const next = structuredClone(draft.peek() ?? storedForm);
      change(next);
      draft.value = next;
    },
    /** Show this form until the store holds it (after a successful save). */
    keep(form: F) {
      draft.value = form;
    },
    discard() {
      draft.value = null;
    },
  };
}

/** Labels of the duration units, said in the UI's language. */
export function unitLabels(t: OptionTexts['t']): Record<DurationUnit, string> {
  return { s: t('optUnitSeconds'), m: t('optUnitMinutes'), h: t('optUnitHours'), d: t('optUnitDays') };
}

/** A duration: number and unit, both labelled; the number keeps what was typed so a bad value can be named. */
export function DurationInput({
  id,
  label,
  field,
  units = DURATION_UNITS,
  texts,
  invalid,
  testid,
  onChange,
}: {
  id: string;
  label: string;
  field: DurationField;
  units?: readonly DurationUnit[];
  texts: OptionTexts;
  invalid: ReturnType<typeof invalidProps>;
  testid: string;
  /** Only the part that changed: the caller applies it to its latest draft (two quick edits never undo each other). */
  onChange: (change: Partial<DurationField>) => void;
}) {
  const names = unitLabels(texts.t);
  return (
    <span class="duration" role="group" aria-labelledby={`${id}--label`}>
      <label id={`${id}--label`} for={id}>
        {label}
      </label>
      <input id={id} type="text" inputMode="decimal" size={6} data-testid={testid} value={field.value} {...invalid} onInput={(e) => onChange({ value: e.currentTarget.value })} />
      <select aria-label={texts.t('optUnitOf', [label])} data-testid={`${testid}-unit`} value={field.unit} onChange={(e) => onChange({ unit: e.currentTarget.value as DurationUnit })}>
        {units.map((u) => (
          <option key={u} value={u}>
            {names[u]}
          </option>
        ))}
      </select>
    </span>
  );
}
