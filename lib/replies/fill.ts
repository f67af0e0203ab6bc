import type { ReplyTemplate, VariableName } from './schema';

export type FillContext = Partial<Record<VariableName, string | number | null | undefined>>;

export interface Filled {
  text: string;
  /** Required variables with no value: the template cannot be inserted until they are filled. */
  missing: VariableName[];
}

/** A value longer than this is cut: a template is a chat message, not a document. */
const MAX_VALUE = 60;

/** Amounts arrive in fen (integers) from the page readers: shown as ¥12.50. */
export function formatFen(fen: number): string {
  return `¥${(fen / 100).toFixed(2)}`;
}

function valueOf(name: VariableName, raw: FillContext[VariableName]): string | null {
  if (raw === null || raw === undefined) return null;
  if (name === 'amount' && typeof raw === 'number') return formatFen(raw);
  // Plain text only: strip control characters and collapse whitespace; inserted as text, never as HTML.
  const text = String(raw).replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();
  return text === '' ? null : text.slice(0, MAX_VALUE);
}

/** Fill a template's {variables}: a missing optional one takes its fallback, a missing required one stays visible. */
export function fillTemplate(template: ReplyTemplate, context: FillContext): Filled {
  const missing: VariableName[] = [];
  const text = template.text.replace(/\{(\w+)\}/g, (whole, name: VariableName) => {
    const spec = template.variables[name];
    if (!spec) return whole;
    const value = valueOf(name, context[name]);
    if (value !== null) return value;
    if (spec.required) {
      if (!missing.includes(name)) missing.push(name);
      return whole;
    }
    return spec.fallback ?? '';
  });
  return { text, missing };
}

export const canInsert = (filled: Filled) => filled.missing.length === 0;
