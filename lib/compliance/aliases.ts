import * as chars from './chars';
import type { Units } from './units';

// Local bindings: module namespace getters cost a call per character in some loaders (tsx, vite-node).
const { isAlnum, isCjk, isLower, isSep, PLUS } = chars;

interface Alias {
  /** Folded code units to match; separators may sit between them. */
  from: number[];
  to: string;
  /** The unit before must not be an ASCII letter or digit (so "wx" inside "abcwx1" is left alone). */
  wordStart?: boolean;
  /** The unit right after must not be an ASCII letter ("vip" is not "v"). */
  wordEnd?: boolean;
  /** Extra condition on the output written so far (already rewritten) and the input after the match. */
  when?: (out: Units, input: Units, next: number) => boolean;
}

const units = (s: string) => Array.from(s, (ch) => ch.charCodeAt(0));

/** Previous non-separator unit of the output, looking back `skip` of them first. */
function prevOut(out: Units, skip = 0): number {
  let seen = 0;
  for (let k = out.length - 1; k >= 0; k--) {
    const c = out.codes[k]!;
    if (isSep(c)) continue;
    if (seen === skip) return c;
    seen++;
  }
  return -1;
}

const JIA = '加'.charCodeAt(0);
const afterJia = (out: Units) => prevOut(out) === JIA || (prevOut(out, 1) === JIA && '我个下'.includes(String.fromCharCode(prevOut(out))));

/**
 * Homophones and aliases of contact channels, longest first per first unit. "威信" (prestige) also
 * becomes 微信: the contact rules need an id or a "加…" next to it, so "提高威信" still finds nothing.
 */
const ALIASES: Alias[] = [
  ...['v信', 'v芯', 'v心', '薇信', '威信', '维信', '徽信', '魏信', '微芯', '微心', '薇心', '卫信', '为信', '嶶信', 'vx信'].map((s) => ({ from: units(s), to: '微信', wordStart: s.startsWith('v') })),
  { from: units('微x'), to: '微信', wordEnd: true },
  { from: units('vx'), to: '微信', wordStart: true },
  { from: units('wx'), to: '微信', wordStart: true },
  { from: units('weixin'), to: '微信', wordStart: true },
  { from: units('wechat'), to: '微信', wordStart: true },
  { from: units('扣扣'), to: 'qq' },
  { from: units('企鹅号'), to: 'qq号' },
  { from: units('q号'), to: 'qq号', wordStart: true },
  { from: units('dingtalk'), to: '钉钉', wordStart: true },
  // "加v 12345", "➕V abc": a lone v right after 加 (or 加我/加个) is WeChat.
  { from: units('v'), to: '微信', wordStart: true, wordEnd: true, when: (out) => afterJia(out) },
  // "➕ 微信", "+v": a plus sign before a letter or a Chinese character reads "加"; "+86", "1+1" stay.
  {
    from: [PLUS],
    to: '加',
    when: (out, input, next) => {
      const before = prevOut(out);
      if (before >= 0 && (isAlnum(before) || before === PLUS)) return false;
      const after = next < input.length ? input.codes[next]! : -1;
      return isLower(after) || isCjk(after);
    },
  },
];

/** First code units of aliases, as a flat flag table so most characters skip the map lookup. */
const ALIAS_FIRST = new Uint8Array(0x10000);
for (const alias of ALIASES) ALIAS_FIRST[alias.from[0]!] = 1;

const ALIAS_INDEX: ReadonlyMap<number, Alias[]> = (() => {
  const index = new Map<number, Alias[]>();
  for (const alias of [...ALIASES].sort((a, b) => b.from.length - a.from.length)) {
    const first = alias.from[0]!;
    const list = index.get(first) ?? [];
    list.push(alias);
    index.set(first, list);
  }
  return index;
})();

/** Stage 3 of normalisation: alias rewriting from `input` into `out` (lengths change); returns `out`. */
export function rewriteAliases(input: Units, out: Units): Units {
  out.reset(input.length + 8);
  const codes = input.codes;
  const n = input.length;
  let i = 0;
  outer: while (i < n) {
    const c = codes[i]!;
    const candidates = ALIAS_FIRST[c] === 1 ? ALIAS_INDEX.get(c) : undefined;
    if (candidates) {
      for (const alias of candidates) {
        let k = i;
        let matched = true;
        for (let p = 0; p < alias.from.length; p++) {
          if (p > 0) while (k < n && isSep(codes[k]!)) k++;
          if (k >= n || codes[k] !== alias.from[p]) {
            matched = false;
            break;
          }
          k++;
        }
        if (!matched) continue;
        if (alias.wordStart && out.length > 0 && isAlnum(out.codes[out.length - 1]!)) continue;
        let next = k;
        while (next < n && isSep(codes[next]!)) next++;
        if (alias.wordEnd && k < n && isLower(codes[k]!)) continue;
        if (alias.when && !alias.when(out, input, next)) continue;
        const start = input.start[i]!;
        const end = input.end[k - 1]!;
        for (let t = 0; t < alias.to.length; t++) out.push(alias.to.charCodeAt(t), start, end);
        i = k;
        continue outer;
      }
    }
    out.push(c, input.start[i]!, input.end[i]!);
    i++;
  }
  return out;
}
