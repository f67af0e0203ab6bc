import { rewriteAliases } from './aliases';
import * as chars from './chars';
import { Units } from './units';

// Local bindings: module namespace getters cost a call per character in some loaders (tsx, vite-node).
const { CONFUSABLES, isCjk, isDigit, isDropped, isSep, isSpace, NUMERALS, T2S } = chars;

/**
 * A text folded for matching, with a map back to the original.
 *
 * Three views, each a string with an index map:
 * - `folded`: NFKC (全角→半角), lowercase, look-alikes and traditional characters folded, emoji, zero-width
 *   characters and decorative symbols dropped, Chinese numerals in digit runs turned into digits, and
 *   homophones / aliases of contact channels rewritten (薇信 → 微信, 扣扣 → qq, ➕v → 加微信).
 * - `skeleton`: `folded` without separators (spaces, - . _ / · ~ …), so "高 仿" and "好.评.返.现" match.
 *   The lexicon matcher runs on this view. Newlines stay: they end sentences.
 * - `compact`: `folded` without spaces and tabs, for links and e-mail addresses ("www . abc . com").
 *
 * Every folded code unit i came from the original span [start[i], end[i]). A match over folded units
 * [a, b) maps to the original [start[a], end[b - 1]), which includes any dropped evasion characters inside.
 *
 * Stages: fold each code point (here), Chinese numerals in digit runs (here), aliases (`aliases.ts`),
 * then the skeleton and its maps (here). Scratch buffers are `units.ts`.
 */
export interface Normalized {
  readonly source: string;
  readonly folded: string;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly skeleton: string;
  /** skeleton index → folded index. */
  readonly skelToFold: Int32Array;
  /** folded index → index of the first skeleton unit at or after it. */
  readonly foldToSkel: Int32Array;
  readonly compact: string;
  readonly compactToFold: Int32Array;
}

/** Original span of folded units [from, to). */
export function foldedSpan(n: Normalized, from: number, to: number): { start: number; end: number } {
  return { start: n.start[from]!, end: n.end[to - 1]! };
}

/** Original span of skeleton units [from, to). */
export function skeletonSpan(n: Normalized, from: number, to: number): { start: number; end: number } {
  return { start: n.start[n.skelToFold[from]!]!, end: n.end[n.skelToFold[to - 1]!]! };
}

const otherCache = new Map<number, string>();

/** Fold one code point outside the fast paths: '' when it is dropped. */
function foldOther(cp: number): string {
  const cached = otherCache.get(cp);
  if (cached !== undefined) return cached;
  let out: string;
  const direct = CONFUSABLES.get(cp);
  if (direct !== undefined) out = direct;
  else if (isDropped(cp)) out = '';
  else {
    const nfkc = String.fromCodePoint(cp).normalize('NFKC').toLowerCase();
    out = '';
    for (const ch of nfkc) {
      const c = ch.codePointAt(0)!;
      if (isDropped(c)) continue;
      const mapped = CONFUSABLES.get(c);
      if (mapped !== undefined) out += mapped;
      else if (c === 0x3000) out += ' ';
      else {
        const simplified = c < 0x10000 ? T2S[c]! : 0;
        out += simplified !== 0 ? String.fromCharCode(simplified) : ch;
      }
    }
  }
  if (otherCache.size < 4096) otherCache.set(cp, out);
  return out;
}

const STAGE1 = new Units(256);
const STAGE2 = new Units(256);
let scratchCodes = new Uint16Array(256);

/** Stage 1: per code point folding, with original spans. */
function fold(text: string): Units {
  const units = STAGE1.reset(text.length + 8);
  const n = text.length;
  for (let i = 0; i < n; ) {
    let cp = text.charCodeAt(i);
    let width = 1;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < n) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = ((cp - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    const end = i + width;
    if (cp < 0x80) units.push(cp >= 0x41 && cp <= 0x5a ? cp + 32 : cp, i, end);
    else if (isCjk(cp)) units.push(T2S[cp] || cp, i, end);
    else if (cp >= 0xff01 && cp <= 0xff5e) {
      // Fullwidth ASCII: NFKC without the call.
      const c = cp - 0xfee0;
      units.push(c >= 0x41 && c <= 0x5a ? c + 32 : c, i, end);
    } else if (cp === 0x3000) units.push(0x20, i, end);
    else {
      const folded = foldOther(cp);
      for (let k = 0; k < folded.length; k++) units.push(folded.charCodeAt(k), i, end);
    }
    i = end;
  }
  return units;
}

const MIN_NUMERAL_RUN = 5;

/**
 * Stage 2: Chinese numerals inside digit runs become digits ("幺三八零零…" → "138 00…").
 * A run mixes digits and numerals, separators allowed between them; it is converted only when it holds
 * at least 5 of them and at least one numeral, so "第一", "一两个", "三五天", "七七八八" stay words.
 */
function convertNumerals(u: Units): void {
  const codes = u.codes;
  const n = u.length;
  let i = 0;
  while (i < n) {
    const c = codes[i]!;
    if (!isDigit(c) && NUMERALS[c] === 0) {
      i++;
      continue;
    }
    let count = 0;
    let numerals = 0;
    let last = i;
    let j = i;
    let seps = 0;
    while (j < n) {
      const d = codes[j]!;
      if (isDigit(d) || NUMERALS[d] !== 0) {
        count++;
        if (!isDigit(d)) numerals++;
        last = j;
        seps = 0;
        j++;
      } else if (isSep(d) && seps < 3) {
        seps++;
        j++;
      } else break;
    }
    if (count >= MIN_NUMERAL_RUN && numerals > 0) {
      for (let k = i; k <= last; k++) {
        const digit = NUMERALS[codes[k]!]!;
        if (digit !== 0) codes[k] = digit;
      }
    }
    i = last + 1;
  }
}

// TextDecoder is a plain ECMAScript-adjacent global in browsers and Node (no extension API); it is the
// fastest way to turn code units into a string. Lone surrogates become U+FFFD, one unit for one, so
// offsets are unchanged; ignoreBOM keeps a U+FEFF rather than stripping it.
const UTF16 = typeof TextDecoder === 'function' ? new TextDecoder('utf-16le', { ignoreBOM: true }) : undefined;

function toText(codes: Uint16Array, length: number): string {
  if (length === 0) return '';
  if (UTF16) return UTF16.decode(codes.subarray(0, length));
  let s = '';
  for (let i = 0; i < length; i += 8192) s += String.fromCharCode.apply(null, codes.subarray(i, Math.min(length, i + 8192)) as unknown as number[]);
  return s;
}

class NormalizedText implements Normalized {
  private compactCache: { text: string; map: Int32Array } | undefined;
  constructor(
    readonly source: string,
    readonly folded: string,
    readonly start: Int32Array,
    readonly end: Int32Array,
    readonly skeleton: string,
    readonly skelToFold: Int32Array,
    readonly foldToSkel: Int32Array,
  ) {}

  /** Built on first use: only the link and e-mail scanners need it. */
  private compactView(): { text: string; map: Int32Array } {
    if (!this.compactCache) {
      const f = this.folded;
      const map = new Int32Array(f.length);
      let text = '';
      let m = 0;
      let from = 0;
      for (let i = 0; i < f.length; i++) {
        if (isSpace(f.charCodeAt(i))) {
          text += f.slice(from, i);
          from = i + 1;
        } else map[m++] = i;
      }
      text += f.slice(from);
      this.compactCache = { text, map: map.subarray(0, m) };
    }
    return this.compactCache;
  }
  get compact(): string {
    return this.compactView().text;
  }
  get compactToFold(): Int32Array {
    return this.compactView().map;
  }
}

export function normalize(text: string): Normalized {
  const stage1 = fold(text);
  convertNumerals(stage1);
  const u = rewriteAliases(stage1, STAGE2);
  const n = u.length;
  const codes = u.codes;

  // One allocation for every index map: start, end, foldToSkel (n + 1), skelToFold (≤ n).
  const block = new Int32Array(4 * n + 1);
  const start = block.subarray(0, n);
  const end = block.subarray(n, 2 * n);
  const foldToSkel = block.subarray(2 * n, 3 * n + 1);
  const skelToFold = block.subarray(3 * n + 1);
  start.set(u.start.subarray(0, n));
  end.set(u.end.subarray(0, n));
  if (scratchCodes.length < n) scratchCodes = new Uint16Array(n * 2);
  const skel = scratchCodes;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const c = codes[i]!;
    foldToSkel[i] = s;
    if (!isSep(c)) {
      skel[s] = c;
      skelToFold[s++] = i;
    }
  }
  foldToSkel[n] = s;
  const folded = toText(codes, n);
  return new NormalizedText(text, folded, start, end, toText(skel, s), skelToFold.subarray(0, s), foldToSkel);
}

/** The skeleton of a lexicon term: what the matcher looks for. */
export function termKey(term: string): string {
  return normalize(term).skeleton;
}

