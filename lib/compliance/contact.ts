import * as chars from './chars';
import type { Span } from './scan';
import type { Normalized } from './normalize';

// Local bindings: module namespace getters cost a call per character in some loaders (tsx, vite-node).
const { isAlnum, isDigit } = chars;

/** Characters allowed between a channel word and the id: "微信号：", "QQ群号是", "微信(id)=". */
const FILLERS = new Set(Array.from('号码是为的我加搜索账名群即可在:=[]()<>#', (c) => c.charCodeAt(0)));
const MAX_FILLERS = 8;
const MIN_ID = 5;
const MAX_ID = 40;

/** The id token after skeleton offset `from` (fillers skipped); its end, or -1. */
function idAfter(skeleton: string, from: number, needDigit: boolean): number {
  let j = from;
  while (j < skeleton.length && j - from < MAX_FILLERS && FILLERS.has(skeleton.charCodeAt(j))) j++;
  let k = j;
  let digits = 0;
  while (k < skeleton.length && isAlnum(skeleton.charCodeAt(k))) {
    if (isDigit(skeleton.charCodeAt(k))) digits++;
    k++;
  }
  const length = k - j;
  if (length < MIN_ID || length > MAX_ID) return -1;
  if (needDigit && digits === 0) return -1;
  return k;
}

/**
 * Ids after a contact channel ("V信 abc_123", "QQ：扣扣 123456789", "加微信12345") and after "加我"
 * ("加我 abc123"; here the id needs a digit so "加我ok" is not one). Skeleton spans.
 */
export function findContactIds(n: Normalized, leads: readonly Span[]): Span[] {
  const skeleton = n.skeleton;
  const spans: Span[] = [];
  for (const lead of leads) {
    const end = idAfter(skeleton, lead.end, false);
    if (end > 0) spans.push({ start: lead.start, end });
  }
  for (const word of ['加我', '联系我']) {
    for (let i = skeleton.indexOf(word); i >= 0; i = skeleton.indexOf(word, i + 1)) {
      const end = idAfter(skeleton, i + word.length, true);
      if (end > 0) spans.push({ start: i, end });
    }
  }
  return spans;
}

/** Mail providers, for "abc#qq.com" and "abc艾特163.com" evasions. */
const MAIL_PROVIDERS = new Set(['qq', '163', '126', 'gmail', 'outlook', 'hotmail', 'sina', 'foxmail', 'yahoo', 'icloud', '139', 'aliyun', 'sohu', 'yeah', '189', 'live', 'msn']);
const LOCAL = (c: number) => isAlnum(c) || c === 0x2e || c === 0x5f || c === 0x25 || c === 0x2b || c === 0x2d;
const LABEL = (c: number) => isAlnum(c) || c === 0x2d;
const DOT_LIKE = new Set(Array.from('.点。', (c) => c.charCodeAt(0)));

/** The domain after compact offset `from`: its end and first label, or undefined. */
function domainAfter(compact: string, from: number): { end: number; first: string } | undefined {
  let k = from;
  const labels: string[] = [];
  for (;;) {
    const s = k;
    while (k < compact.length && LABEL(compact.charCodeAt(k))) k++;
    if (k === s) break;
    labels.push(compact.slice(s, k));
    if (k + 1 < compact.length && DOT_LIKE.has(compact.charCodeAt(k)) && LABEL(compact.charCodeAt(k + 1))) k++;
    else break;
  }
  if (labels.length < 2) return undefined;
  const tld = labels[labels.length - 1]!;
  if (!/^[a-z]{2,10}$/.test(tld)) return undefined;
  return { end: k, first: labels[0]! };
}

/** E-mail addresses in the compact view (spaces removed): "abc@qq.com", "abc # qq 点 com". Compact spans. */
/** Cheap gate: some kind of "at". */
const MAYBE_AT = /[@#]|艾特|\(at\)|\[at\]/;

export function findEmails(n: Normalized): Span[] {
  if (!MAYBE_AT.test(n.folded)) return [];
  const c = n.compact;
  const spans: Span[] = [];
  for (let i = 0; i < c.length; i++) {
    const ch = c.charCodeAt(i);
    let markerEnd = -1;
    let strict = true;
    if (ch === 0x40) markerEnd = i + 1; // @
    else if (ch === 0x23) {
      markerEnd = i + 1; // #
      strict = false;
    } else if (c.startsWith('艾特', i)) {
      markerEnd = i + 2;
      strict = false;
    } else if (c.startsWith('(at)', i) || c.startsWith('[at]', i)) {
      markerEnd = i + 4;
      strict = false;
    }
    if (markerEnd < 0) continue;
    let s = i;
    while (s > 0 && LOCAL(c.charCodeAt(s - 1))) s--;
    if (s === i) continue;
    const domain = domainAfter(c, markerEnd);
    if (!domain) continue;
    if (!strict && !MAIL_PROVIDERS.has(domain.first)) continue;
    spans.push({ start: s, end: domain.end });
    i = domain.end - 1;
  }
  return spans;
}
