import type { PlatformId } from '../domain/platform';
import * as chars from './chars';
import type { Span } from './scan';
import type { Normalized } from './normalize';

// Local bindings: module namespace getters cost a call per character in some loaders (tsx, vite-node).
const { isAlnum, isLower, isSpace } = chars;

/** Each platform's own domains: links to these (and their subdomains) are fine on that platform. */
export const ALLOWED_DOMAINS: Readonly<Record<PlatformId, readonly string[]>> = {
  pdd: ['pinduoduo.com', 'yangkeduo.com'],
  taobao: ['taobao.com', 'tmall.com', 'tb.cn'],
  douyin: ['jinritemai.com', 'douyin.com'],
  kuaishou: ['kwaixiaodian.com', 'kuaishou.com'],
  jd: ['jd.com', '3.cn'],
};

/**
 * Top-level domains we recognise without a scheme. Short and common words are left out on purpose
 * ("iphone.pro", "log.in" are not links in a chat); with http(s):// any host counts.
 */
const TLDS = new Set([
  'com', 'cn', 'net', 'org', 'cc', 'co', 'io', 'me', 'top', 'xyz', 'vip', 'shop', 'store', 'info', 'biz', 'tv', 'app', 'link', 'site', 'online',
  'hk', 'tw', 'jp', 'kr', 'us', 'uk', 'club', 'wang', 'ren', 'tech', 'mobi', 'asia', 'ltd', 'cloud', 'icu', 'edu', 'gov', 'ru', 'de', 'fr', 'ly', 'gl',
]);

const LABEL = (c: number) => isAlnum(c) || c === 0x2d;
const DOT_LIKE = new Set(Array.from('.点。', (c) => c.charCodeAt(0)));
/** Characters that may follow a host in a URL path or query. */
const PATH = (c: number) => c > 0x20 && c < 0x7f && c !== 0x22 && c !== 0x3c && c !== 0x3e && c !== 0x60;

export interface LinkHit extends Span {
  /** Host, dots normalised. */
  host: string;
  /** Folded offsets. */
  foldStart: number;
  foldEnd: number;
}

function isAllowed(host: string, platform: PlatformId): boolean {
  return ALLOWED_DOMAINS[platform].some((d) => host === d || host.endsWith(`.${d}`));
}

/**
 * Hosts in the compact view ("www . abc . com" and "abc点com" included), extended over a scheme before
 * and a path after (the path is read in the folded text, so it stops at a space). Hosts on the
 * platform's allow-list and hosts of e-mail addresses are skipped.
 */
/** Cheap gate: a dot between ASCII letters or digits, spaces allowed around it. */
const MAYBE_HOST = /[a-z0-9-]\s*[.点。]\s*[a-z0-9]/;

export function findLinks(n: Normalized, platform: PlatformId): LinkHit[] {
  if (!MAYBE_HOST.test(n.folded)) return [];
  const c = n.compact;
  const map = n.compactToFold;
  const hits: LinkHit[] = [];
  for (let i = 1; i < c.length - 1; i++) {
    if (!DOT_LIKE.has(c.charCodeAt(i)) || !LABEL(c.charCodeAt(i - 1)) || !LABEL(c.charCodeAt(i + 1))) continue;
    // Expand to the whole host.
    // A space is bridged only next to a dot ("www . abc . com"), never between two labels ("abc 3.cn").
    const spaced = (k: number) => map[k]! - map[k - 1]! > 1 && !DOT_LIKE.has(c.charCodeAt(k)) && !DOT_LIKE.has(c.charCodeAt(k - 1));
    let s = i;
    while (s > 0 && !spaced(s) && (LABEL(c.charCodeAt(s - 1)) || (DOT_LIKE.has(c.charCodeAt(s - 1)) && s - 2 >= 0 && LABEL(c.charCodeAt(s - 2))))) s--;
    let e = i;
    while (e < c.length && !(e > i && spaced(e)) && (LABEL(c.charCodeAt(e)) || (DOT_LIKE.has(c.charCodeAt(e)) && e + 1 < c.length && LABEL(c.charCodeAt(e + 1))))) e++;
    i = e;
    let host = '';
    for (let k = s; k < e; k++) host += DOT_LIKE.has(c.charCodeAt(k)) ? '.' : c[k];
    const labels = host.split('.');
    const tld = labels[labels.length - 1]!;
    let start = s;
    const scheme = /(https?):\/\/$/.exec(c.slice(Math.max(0, s - 8), s));
    if (scheme) start = s - scheme[0].length;
    if (!scheme && (!TLDS.has(tld) || !/^[a-z]+$/.test(tld))) continue;
    if (s > 0 && (c.charCodeAt(s - 1) === 0x40 || c.charCodeAt(s - 1) === 0x23)) continue; // e-mail host
    if (labels.every((l) => /^\d+$/.test(l.replace(/-/g, ''))) && !scheme) continue;
    if (isAllowed(host, platform)) continue;
    // Path: continue in the folded text until a space or a non-URL character.
    const foldStart = n.compactToFold[start]!;
    let foldEnd = n.compactToFold[e - 1]! + 1;
    const folded = n.folded;
    if (foldEnd < folded.length && '/?#:'.includes(folded[foldEnd]!)) {
      while (foldEnd < folded.length && !isSpace(folded.charCodeAt(foldEnd)) && PATH(folded.charCodeAt(foldEnd))) foldEnd++;
      // Trailing sentence punctuation is not part of the link.
      while (foldEnd > foldStart && '.,;:!?)'.includes(folded[foldEnd - 1]!)) foldEnd--;
    }
    hits.push({ start, end: e, host, foldStart, foldEnd });
  }
  return hits;
}

const MARKER_CHARS = '¥$€£₤₳¢₴₰₵₲₭₱₮₣₩₹₽₿₸₺₼₾';
const MARKERS = new Set(Array.from(MARKER_CHARS, (ch) => ch.charCodeAt(0)));
const MAYBE_MARKER = new RegExp(`[${MARKER_CHARS.replace('$', '\\$')}]`);

/**
 * Share codes ("￥AbCd123￥", "€xYz789€"): a currency-like marker, 6–20 letters or digits with at least
 * one letter (so prices never match), and a marker again. They open Taobao, so they are fine there.
 * Folded spans.
 */
export function findShareCodes(n: Normalized, platform: PlatformId): Span[] {
  if (platform === 'taobao' || !MAYBE_MARKER.test(n.folded)) return [];
  const f = n.folded;
  const spans: Span[] = [];
  for (let i = 0; i < f.length; i++) {
    if (!MARKERS.has(f.charCodeAt(i))) continue;
    let k = i + 1;
    let letters = 0;
    while (k < f.length && isAlnum(f.charCodeAt(k))) {
      if (isLower(f.charCodeAt(k))) letters++;
      k++;
    }
    const length = k - i - 1;
    if (length >= 6 && length <= 20 && letters > 0 && k < f.length && MARKERS.has(f.charCodeAt(k))) {
      spans.push({ start: i, end: k + 1 });
      i = k;
    }
  }
  return spans;
}
