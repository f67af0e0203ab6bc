import type { PlatformId } from '../domain/platform';
import * as chars from './chars';
import type { NumberContext } from './compile';
import type { Span } from './scan';
import { luhnValid } from './luhn';
import type { Normalized } from './normalize';

// Local bindings: module namespace getters cost a call per character in some loaders (tsx, vite-node).
const { isDigit, isLower, isSentenceEnd, isSpace, NL, PLUS } = chars;

/**
 * Long numbers in the folded text: phone numbers (contact) and bank cards (payment), told apart from
 * order ids, tracking numbers, SKUs, prices and dates.
 *
 * A digit run is a sequence of digit groups joined by up to three separators ("138 0013 8000",
 * "1 3 8 - 0 0 1 3 …", "260909-672850297221479"). The run as a whole is classified first:
 * - after a context word for orders or parcels (订单, 单号, 快递, SF…), or shaped like a PDD order
 *   (6 digits - 15 digits), or glued to letters (SF1234…, SKU ab123…), or after a currency sign: nothing;
 * - 16–19 digits passing Luhn (or after 卡号/银行卡 …) and laid out like a card: a bank card;
 * - 11 digits starting 1[3-9] (optionally after +86/0086): a mobile number;
 * - 10–12 digits starting 0 with an area code group: a landline; 400/800 hotlines except on JD, where
 *   the platform tells shops to use one (JD11).
 * If the run as a whole is none of these, contiguous groups that make exactly a mobile number are
 * tried ("13800138000 2件" joined to one run by the space).
 */
export interface NumberHit {
  kind: 'mobile' | 'landline' | 'hotline' | 'bank_card';
  /** Folded offsets [start, end). */
  start: number;
  end: number;
}

interface Group {
  start: number;
  end: number;
}

const RUN_SEPS = new Set(Array.from(' \t\r-._/·~*|()', (c) => c.charCodeAt(0)));
const isRunSep = (c: number) => RUN_SEPS.has(c) && c !== NL;
const CURRENCY = new Set(Array.from('¥$€£₩', (c) => c.charCodeAt(0)));
/** Letters glued before a number that still make it a contact, not a code (tel13800138000, qq123…). */
const CONTACT_PREFIXES = new Set(['qq', 'tel', 'phone', 'mobile', 'cell', 'dh', 'sj', 'v', 'wx', 'vx', 'wechat']);
const CONTEXT_BEFORE = 20;
const CONTEXT_AFTER = 4;

function digitRuns(folded: string): Group[][] {
  const runs: Group[][] = [];
  const n = folded.length;
  let i = 0;
  while (i < n) {
    if (!isDigit(folded.charCodeAt(i))) {
      i++;
      continue;
    }
    const groups: Group[] = [];
    let j = i;
    for (;;) {
      const start = j;
      while (j < n && isDigit(folded.charCodeAt(j))) j++;
      groups.push({ start, end: j });
      let k = j;
      while (k < n && k - j < 3 && isRunSep(folded.charCodeAt(k))) k++;
      if (k > j && k < n && isDigit(folded.charCodeAt(k))) j = k;
      else break;
    }
    runs.push(groups);
    i = j;
  }
  return runs;
}

const isMobile = (d: string) =>
  (d.length === 11 && d[0] === '1' && d[1]! >= '3') ||
  (d.length === 13 && d.startsWith('86') && d[2] === '1' && d[3]! >= '3') ||
  (d.length === 15 && d.startsWith('0086') && d[4] === '1' && d[5]! >= '3');

function nearestContext(n: Normalized, contexts: readonly (Span & { ctx: NumberContext })[], foldStart: number, foldEnd: number): NumberContext | undefined {
  const s = n.foldToSkel[foldStart]!;
  const e = n.foldToSkel[foldEnd]!;
  let best: { ctx: NumberContext; distance: number } | undefined;
  for (const c of contexts) {
    let distance: number;
    if (c.end <= s && s - c.end <= CONTEXT_BEFORE) distance = s - c.end;
    else if (c.start >= e && c.start - e <= CONTEXT_AFTER) distance = c.start - e + 0.5;
    else continue;
    const from = Math.min(c.end, e);
    const to = Math.max(c.start, s);
    let crosses = false;
    for (let k = Math.min(from, to); k < Math.max(from, to); k++) if (isSentenceEnd(n.skeleton.charCodeAt(k))) crosses = true;
    if (crosses) continue;
    if (!best || distance < best.distance) best = { ctx: c.ctx, distance };
  }
  return best?.ctx;
}

/** Letters glued right before the run; '' if none. */
function gluedPrefix(folded: string, start: number): string {
  let k = start;
  while (k > 0 && isLower(folded.charCodeAt(k - 1))) k--;
  return folded.slice(k, start);
}

function prevNonSpace(folded: string, start: number): number {
  let k = start - 1;
  while (k >= 0 && isSpace(folded.charCodeAt(k))) k--;
  return k;
}

export function findNumbers(n: Normalized, contexts: readonly (Span & { ctx: NumberContext })[], platform: PlatformId): NumberHit[] {
  const folded = n.folded;
  const hits: NumberHit[] = [];
  for (const groups of digitRuns(folded)) {
    const first = groups[0]!;
    const last = groups[groups.length - 1]!;
    const digits = groups.map((g) => folded.slice(g.start, g.end)).join('');
    if (digits.length < 10) continue;

    const prefix = gluedPrefix(folded, first.start);
    if (prefix && !CONTACT_PREFIXES.has(prefix)) continue; // SF123…, JT…, SKU codes
    const before = prevNonSpace(folded, first.start);
    if (before >= 0 && CURRENCY.has(folded.charCodeAt(before))) continue;
    if (groups.length === 2 && first.end - first.start === 6 && last.end - last.start === 15) continue; // PDD orderSn
    const ctx = nearestContext(n, contexts, first.start, last.end);
    if (ctx === 'order') continue;

    const L = digits.length;
    const start = before >= 0 && folded.charCodeAt(before) === PLUS && digits.startsWith('86') ? before : first.start;
    if (L >= 16 && L <= 19) {
      const lengths = groups.map((g) => g.end - g.start);
      const cardShape = groups.length === 1 || lengths.slice(0, -1).every((len) => len === 4) || lengths.every((len) => len === 1);
      if (ctx === 'bank' || (cardShape && luhnValid(digits))) {
        hits.push({ kind: 'bank_card', start: first.start, end: last.end });
        continue;
      }
    }
    if (isMobile(digits)) {
      hits.push({ kind: 'mobile', start, end: last.end });
      continue;
    }
    if (L >= 10 && L <= 12 && digits[0] === '0' && digits[1] !== '0') {
      const areaGroup = groups.length >= 2 && first.end - first.start >= 3 && first.end - first.start <= 4;
      if (areaGroup || ctx === 'phone' || L >= 11) {
        hits.push({ kind: 'landline', start: first.start, end: last.end });
        continue;
      }
    }
    if (L === 10 && (digits.startsWith('400') || digits.startsWith('800'))) {
      if (platform !== 'jd') hits.push({ kind: 'hotline', start: first.start, end: last.end });
      continue;
    }
    // Contiguous groups that make exactly a mobile number.
    if (groups.length >= 2) {
      for (let a = 0; a < groups.length; a++) {
        let sub = '';
        for (let b = a; b < groups.length && sub.length < 11; b++) {
          sub += folded.slice(groups[b]!.start, groups[b]!.end);
          if (sub.length === 11 && isMobile(sub)) {
            hits.push({ kind: 'mobile', start: groups[a]!.start, end: groups[b]!.end });
            a = b;
            break;
          }
        }
      }
    }
  }
  return hits;
}
