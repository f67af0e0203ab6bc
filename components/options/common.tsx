import type { ComponentChildren } from 'preact';
import type { FieldError } from '@/lib/settings/schema';

export interface OptionTexts {
  t: (key: string, subs?: string[]) => string;
  locale: 'zh_CN' | 'en';
}

/** Send one message to the worker and return its raw reply. */
export type Send = (message: unknown) => Promise<unknown>;

export function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section id={id} data-testid={`section-${id}`}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/** The error for one field path (e.g. "offHours.from"), shown next to it. */
export function FieldMessage({ errors, path }: { errors: FieldError[]; path: string }) {
  const error = errors.find((e) => e.path === path);
  return error ? (
    <span class="field-error" role="alert" data-testid={`error-${path}`}>
      {error.message}
    </span>
  ) : null;
}

export type SaveStatus = { tone: 'ok' | 'error'; text: string } | null;

export function StatusLine({ status }: { status: SaveStatus }) {
  return status ? (
    <p class={`status ${status.tone}`} role="status">
      {status.text}
    </p>
  ) : null;
}

/** The reply to a settings message: `{ok}` or `{ok:false, error, fields?}`. */
export function readReply(raw: unknown): { ok: true } | { ok: false; error: string; fields: FieldError[] } {
  const r = raw as { ok?: unknown; error?: unknown; fields?: unknown } | null;
  if (r?.ok === true) return { ok: true };
  const fields = Array.isArray(r?.fields) ? (r!.fields as FieldError[]) : [];
  return { ok: false, error: typeof r?.error === 'string' ? r.error : 'no reply', fields };
}
