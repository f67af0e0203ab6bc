/**
 * The JSON the refund2 pages embed as `var disputeData = {…};` (consoles-dom.md §4.3; CODE
 * id:40942555322 regex-extracts it from the list, id:42611430668 from the detail). Read from the
 * inline script text; nothing on the page is executed or written.
 */
import { TAOBAO_AFTERSALE_SELECTORS as S, DISPUTE_DATA } from './selectors';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
export const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

/** `found: false` when no script carries the blob; `data: null` when one does but it does not parse. */
export function findDisputeData(doc: Document): { found: boolean; data: JsonObject | null } {
  for (const css of S.inlineScript) {
    for (const script of Array.from(doc.querySelectorAll(css))) {
      const source = script.textContent ?? '';
      const marker = DISPUTE_DATA.marker.exec(source);
      if (!marker) continue;
      const start = marker.index + marker[0].length;
      const end = matchingBrace(source, start);
      if (end < 0) return { found: true, data: null };
      try {
        const parsed: unknown = JSON.parse(source.slice(start, end + 1));
        return { found: true, data: isObject(parsed) && isObject(parsed.data) ? parsed.data : null };
      } catch {
        return { found: true, data: null };
      }
    }
  }
  return { found: false, data: null };
}

/** Index of the `}` closing the object that opens at `start`, skipping strings; -1 if none. */
function matchingBrace(source: string, start: number): number {
  if (source[start] !== '{') return -1;
  let depth = 0;
  let quote: string | null = null;
  for (let i = start; i < source.length; i++) {
    const c = source[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

export interface DisputeRow {
  id: string;
  /** fields.options[i].title.name, by position. */
  options: string[];
  /** The header part's fields.numbers: [{ title, value }]. */
  numbers: { title: string; value: string }[];
  buyer: string;
}

/** Every list body part with its header part (CODE id:40942555322's pairing). */
export function disputeRows(data: JsonObject): DisputeRow[] {
  const rows: DisputeRow[] = [];
  for (const part of Object.values(data)) {
    if (!isObject(part) || part.bizName !== DISPUTE_DATA.bodyBizName) continue;
    const id = str(part.id).split('@')[0] ?? '';
    const fields = isObject(part.fields) ? part.fields : {};
    const options = Array.isArray(fields.options)
      ? fields.options.map((o) => (isObject(o) && isObject(o.title) ? str(o.title.name) : ''))
      : [];
    const header = data[`${DISPUTE_DATA.headerPrefix}${id}`];
    const headerFields = isObject(header) && isObject(header.fields) ? header.fields : {};
    const numbers = Array.isArray(headerFields.numbers)
      ? headerFields.numbers.map((n) => (isObject(n) ? { title: str(n.title), value: str(n.value) } : { title: '', value: '' }))
      : [];
    const buyer = isObject(headerFields.shop) ? str(headerFields.shop.name) : '';
    rows.push({ id, options, numbers, buyer });
  }
  return rows;
}
