import { PLATFORM_IDS, type PlatformId } from '../domain/platform';
import { AhoCorasick } from './aho-corasick';
import * as chars from './chars';
import { defaultLexiconData, type LexiconData } from './lexicon';
import type { LexiconCombo, LexiconTerm, NamesFile } from './lexicon/schema';
import { termKey } from './normalize';
import type { Category } from './types';

// Local bindings: module namespace getters cost a call per character in some loaders (tsx, vite-node).
const { isDigit, isLower } = chars;

/** One bit per platform, in PLATFORM_IDS order. */
export const ALL_PLATFORMS = (1 << PLATFORM_IDS.length) - 1;
export const platformBit = (platform: PlatformId): number => 1 << PLATFORM_IDS.indexOf(platform);

/** 0: other, 1: ASCII letter, 2: digit. A term starting with a letter does not match after a letter ("usb" ≠ "sb"). */
export type Edge = 0 | 1 | 2;
export const edgeOf = (c: number): Edge => (isLower(c) ? 1 : isDigit(c) ? 2 : 0);

export interface TermInfo {
  /** Category (findings) or bait kind (buyer messages). */
  readonly key: string;
  readonly term: string;
  readonly rewrite?: string;
  readonly rule?: string;
  readonly head: Edge;
  readonly tail: Edge;
}

export interface ComboInfo {
  readonly key: string;
  readonly parts: number;
  readonly gap: number;
  readonly scope: 'clause' | 'sentence';
  readonly note: string;
  readonly rewrite?: string;
  readonly rule?: string;
}

export type NumberContext = 'order' | 'phone' | 'bank';

type Payload =
  | { readonly kind: 'term'; mask: number; readonly info: TermInfo }
  | { readonly kind: 'allow'; mask: number; readonly key: string }
  | { readonly kind: 'neg'; mask: number; readonly key: string }
  | { readonly kind: 'cue'; mask: number; readonly combo: number; readonly part: number; readonly edges: readonly [Edge, Edge] }
  | { readonly kind: 'lead'; mask: number }
  | { readonly kind: 'ctx'; mask: number; readonly ctx: NumberContext };

/** A lexicon compiled into one Aho–Corasick automaton over skeleton text; build once, reuse for every check. */
export interface CompiledLexicon {
  readonly matcher: AhoCorasick;
  /** Per pattern id: what a match means, with a platform mask. */
  readonly payloads: readonly (readonly Payload[])[];
  readonly combos: readonly ComboInfo[];
  /** Whole-message entries, by skeleton without punctuation. */
  readonly exact: ReadonlyMap<string, readonly { mask: number; info: TermInfo }[]>;
  /** Longest whole-message key: longer messages skip the lookup. */
  readonly exactMaxLength: number;
  /** Number of term entries (not counting allow entries, combination parts or names). */
  readonly termCount: number;
}

/** Shop settings: terms to add, built-in terms to drop, and contexts to allow, per category. */
export interface CompileOptions {
  add?: Partial<Record<Category, string[]>>;
  remove?: Partial<Record<Category, string[]>>;
  allow?: Partial<Record<Category, string[]>>;
}

export function edges(key: string): [Edge, Edge] {
  return key.length === 0 ? [0, 0] : [edgeOf(key.charCodeAt(0)), edgeOf(key.charCodeAt(key.length - 1))];
}

/** Expands @self, @others, @anyPlatform and @channels for one platform. */
function expandName(names: NamesFile, word: string, platform: PlatformId): string[] {
  switch (word) {
    case '@self':
      return names.platforms[platform];
    case '@others':
      return [...PLATFORM_IDS.filter((p) => p !== platform).flatMap((p) => names.platforms[p]), ...names.otherSites];
    case '@anyPlatform':
      return [...PLATFORM_IDS.flatMap((p) => names.platforms[p]), ...names.platformWords];
    case '@channels':
      return names.channels.filter((c) => !c.notOn?.includes(platform)).map((c) => c.term);
    default:
      if (word.startsWith('@')) throw new Error(`unknown name list ${word}`);
      return [word];
  }
}

/** Shared by the finding lexicon and the buyer-bait lexicon. */
export class LexiconBuilder {
  private readonly patterns = new Map<string, Map<string, Payload>>();
  private readonly combos: ComboInfo[] = [];
  private readonly exact = new Map<string, { mask: number; info: TermInfo }[]>();
  private terms = 0;

  constructor(private readonly names: NamesFile) {}

  private put(key: string, id: string, make: () => Payload, mask: number): void {
    if (key.length === 0) return;
    let byId = this.patterns.get(key);
    if (!byId) {
      byId = new Map();
      this.patterns.set(key, byId);
    }
    const existing = byId.get(id);
    if (existing) existing.mask |= mask;
    else byId.set(id, make());
  }

  term(category: string, entry: LexiconTerm, mask: number): void {
    const key = termKey(entry.term);
    const [head, tail] = edges(key);
    this.terms++;
    this.put(key, `t|${category}`, () => ({ kind: 'term', mask, info: { key: category, term: entry.term, rewrite: entry.rewrite, rule: entry.rule, head, tail } }), mask);
  }

  allow(category: string, term: string, mask: number): void {
    this.put(termKey(term), `a|${category}`, () => ({ kind: 'allow', mask, key: category }), mask);
  }

  negation(category: string, word: string, mask: number): void {
    this.put(termKey(word), `n|${category}`, () => ({ kind: 'neg', mask, key: category }), mask);
  }

  exactTerm(category: string, entry: LexiconTerm, mask: number): void {
    const key = exactKey(termKey(entry.term))!;
    const list = this.exact.get(key) ?? [];
    list.push({ mask, info: { key: category, term: entry.term, rewrite: entry.rewrite, rule: entry.rule, head: 0, tail: 0 } });
    this.exact.set(key, list);
  }

  combo(category: string, combo: LexiconCombo, mask: number): void {
    const id = this.combos.length;
    this.combos.push({ key: category, parts: combo.parts.length, gap: combo.gap, scope: combo.scope, note: combo.note, rewrite: combo.rewrite, rule: combo.rule });
    combo.parts.forEach((words, part) => {
      for (const word of words) {
        for (let b = 0; b < PLATFORM_IDS.length; b++) {
          const bit = 1 << b;
          if (!(mask & bit)) continue;
          for (const name of expandName(this.names, word, PLATFORM_IDS[b]!)) {
            const key = termKey(name);
            this.put(key, `c|${id}|${part}`, () => ({ kind: 'cue', mask: bit, combo: id, part, edges: edges(key) }), bit);
          }
        }
      }
    });
  }

  /** Contact channels (an id after one is a contact) and number contexts, from names.json. */
  addNames(): void {
    for (const channel of this.names.channels) {
      let mask = ALL_PLATFORMS;
      for (const p of channel.notOn ?? []) mask &= ~platformBit(p);
      this.put(termKey(channel.term), 'l', () => ({ kind: 'lead', mask }), mask);
    }
    for (const ctx of ['order', 'phone', 'bank'] as const) {
      for (const word of this.names.numberContext[ctx]) this.put(termKey(word), `x|${ctx}`, () => ({ kind: 'ctx', mask: ALL_PLATFORMS, ctx }), ALL_PLATFORMS);
    }
  }

  build(): CompiledLexicon {
    const keys = [...this.patterns.keys()];
    return {
      matcher: new AhoCorasick(keys),
      payloads: keys.map((k) => [...this.patterns.get(k)!.values()]),
      combos: this.combos,
      exact: this.exact,
      exactMaxLength: Math.max(0, ...[...this.exact.keys()].map((k) => k.length)),
      termCount: this.terms,
    };
  }
}

/**
 * Compile lexicon data, with a shop's additions and removals, into a matcher. `add` terms apply on
 * every platform; `remove` drops built-in terms (and whole-message entries) by their folded form, so
 * removing "最好" also removes "ＭＯＳＴ"-style variants that fold to it; `allow` adds contexts.
 */
export function compileLexicon(base: LexiconData, options: CompileOptions = {}): CompiledLexicon {
  const builder = new LexiconBuilder(base.names);
  builder.addNames();
  for (const file of base.categories) {
    const category = file.category;
    const removed = new Set((options.remove?.[category] ?? []).map(termKey));
    const keep = (entry: LexiconTerm) => !removed.has(termKey(entry.term));
    const add = (entries: { terms?: LexiconTerm[]; allow?: { term: string }[]; combos?: LexiconCombo[]; exact?: LexiconTerm[] }, mask: number) => {
      for (const entry of entries.terms ?? []) if (keep(entry)) builder.term(category, entry, mask);
      for (const entry of entries.allow ?? []) builder.allow(category, entry.term, mask);
      for (const combo of entries.combos ?? []) builder.combo(category, combo, mask);
      for (const entry of entries.exact ?? []) if (keep(entry)) builder.exactTerm(category, entry, mask);
    };
    add(file, ALL_PLATFORMS);
    for (const word of file.negations) builder.negation(category, word, ALL_PLATFORMS);
    for (const platform of PLATFORM_IDS) {
      const extra = file.platforms[platform];
      if (extra) add(extra, platformBit(platform));
    }
    for (const term of options.add?.[category] ?? []) if (term.trim()) builder.term(category, { term }, ALL_PLATFORMS);
    for (const term of options.allow?.[category] ?? []) if (term.trim()) builder.allow(category, term, ALL_PLATFORMS);
  }
  return builder.build();
}

let compiled: CompiledLexicon | undefined;

/** The built-in lexicon, compiled on first use and then shared. */
export function defaultLexicon(): CompiledLexicon {
  compiled ??= compileLexicon(defaultLexiconData());
  return compiled;
}

const PUNCT = new Set(Array.from('，。！？!?,.~～…、；;：:「」『』“”"\'()（）[]【】 \t\r\n', (c) => c.charCodeAt(0)));

/** Skeleton with punctuation and spaces removed: the key of whole-message entries; undefined past `max` units. */
export function exactKey(skeleton: string, max = Infinity): string | undefined {
  let out = '';
  for (let i = 0; i < skeleton.length; i++) {
    if (PUNCT.has(skeleton.charCodeAt(i))) continue;
    if (out.length >= max) return undefined;
    out += skeleton[i];
  }
  return out;
}
