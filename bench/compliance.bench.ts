/**
 * Draft compliance at shop-lexicon scale: the built-in lexicon plus generated shop terms (Chinese
 * and pinyin, fixed seed) to 500 / 5,000 / 20,000 terms. Per size: build time and retained memory
 * of the compiled lexicon, bulk search throughput of our Aho–Corasick matcher over a 1 Mi-unit chat
 * history (normalised once, untimed), the same for the npm matcher @monyone/aho-corasick on the
 * same patterns and text, a bare per-character pass over that text (the throughput ceiling), and
 * per-call latency of the full `checkMessage` (every detector) over 10,000 synthetic messages and
 * a 200-character draft. Prints one JSON object to stdout.
 *
 * Run through scripts/bench.mjs (`node --expose-gc --import tsx bench/compliance.bench.ts`).
 */
import { AhoCorasick as NpmMatcher } from '@monyone/aho-corasick';
import { AhoCorasick as NpmFastMatcher } from '@monyone/aho-corasick/fast';
import { readFileSync } from 'node:fs';
import { checkMessage, compileLexicon, defaultLexicon, defaultLexiconData, normalize, type CompiledLexicon } from '../lib/compliance';
import { AhoCorasick } from '../lib/compliance/aho-corasick';
import { termKey } from '../lib/compliance/normalize';
import type { PlatformId } from '../lib/domain/platform';
import { chatHistory, draft200, generateMessages, generateTerms } from './corpus';
import { summarise, type Summary } from './stats';

const SIZES = [500, 5_000, 20_000];
const TERM_SEED = 42;
const MESSAGE_SEED = 1;
const HISTORY_SEED = 2;
const HISTORY_UNITS = 1 << 20;
const MESSAGES = 10_000;
const DRAFT_WARMUPS = 200;
const DRAFT_RUNS = 2_000;
const BUILD_WARMUPS = 1;
const BUILD_RUNS = 5;
const SEARCH_WARMUPS = 2;
const SEARCH_RUNS = 10;
const PLATFORM: PlatformId = 'pdd';
/** 1 MB in the throughput figures = 2^20 UTF-16 code units of matcher input. */
const MB = 2 ** 20;

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc (scripts/bench.mjs does)');

// ---------------------------------------------------------------- helpers

/** Nearest-rank percentile of an ascending list. */
function percentile(sorted: ArrayLike<number>, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Time `run` (GC forced before each call), keeping the samples after the warm-ups. */
function timeRuns(warmups: number, runs: number, run: () => unknown): Summary {
  const samples: number[] = [];
  for (let i = 0; i < warmups + runs; i++) {
    gc!();
    const start = performance.now();
    run();
    const elapsed = performance.now() - start;
    if (i >= warmups) samples.push(elapsed);
  }
  return summarise(samples);
}

/** Copies built per memory measurement: the heapUsed delta of one small matcher is within GC noise. */
const MEMORY_COPIES = 4;

/**
 * Memory retained by one result of `build`, in bytes: the heapUsed and ArrayBuffer (typed-array
 * backing stores live outside the V8 heap) deltas after full GCs, over MEMORY_COPIES live copies.
 */
function retained(build: () => unknown): { heap: number; arrayBuffers: number } {
  gc!();
  gc!();
  const before = process.memoryUsage();
  const kept = Array.from({ length: MEMORY_COPIES }, build);
  gc!();
  gc!();
  const after = process.memoryUsage();
  if (kept.some((k) => k === undefined)) throw new Error('nothing retained');
  return { heap: (after.heapUsed - before.heapUsed) / MEMORY_COPIES, arrayBuffers: (after.arrayBuffers - before.arrayBuffers) / MEMORY_COPIES };
}

/**
 * The compiled lexicon's patterns, by id, read back from its automaton (a pattern ends at exactly
 * one trie node; its characters are the edge labels from the root). This gives the npm matcher the
 * very strings ours was built from, allow-contexts, negations, combination cues and names included.
 */
function patternsOf(matcher: AhoCorasick): string[] {
  const m = matcher as unknown as { alphabet: Uint16Array; alphabetSize: number; goto: Map<number, number>; output: Int32Array };
  if (!(m.goto instanceof Map) || !(m.output instanceof Int32Array)) throw new Error('AhoCorasick internals changed: update patternsOf in bench/compliance.bench.ts');
  const unit = new Uint16Array(m.alphabetSize);
  for (let c = 0; c < 65536; c++) if (m.alphabet[c]) unit[m.alphabet[c]!] = c;
  const parent = new Int32Array(m.output.length);
  const label = new Uint16Array(m.output.length);
  for (const [key, child] of m.goto) {
    parent[child] = Math.floor(key / m.alphabetSize);
    label[child] = unit[key % m.alphabetSize]!;
  }
  const patterns = new Array<string>(matcher.patternCount).fill('');
  for (let node = 1; node < m.output.length; node++) {
    const id = m.output[node]!;
    if (id < 0) continue;
    const codes: number[] = [];
    for (let n = node; n > 0; n = parent[n]!) codes.push(label[n]!);
    patterns[id] = String.fromCharCode(...codes.reverse());
  }
  patterns.forEach((p, id) => {
    if (p.length !== matcher.length(id)) throw new Error(`pattern ${id} not recovered`);
  });
  return patterns;
}

/** The throughput ceiling: read every code unit once and sum them. */
function charPass(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum = (sum + text.charCodeAt(i)) | 0;
  return sum;
}

function ourCount(matcher: AhoCorasick, text: string): number {
  let count = 0;
  matcher.search(text, () => {
    count++;
  });
  return count;
}

/** Latency of each call, in ms, sorted ascending. */
function latencies(texts: readonly string[], lexicon: CompiledLexicon): { sorted: Float64Array; flagged: number } {
  const out = new Float64Array(texts.length);
  let flagged = 0;
  gc!();
  for (let i = 0; i < texts.length; i++) {
    const start = performance.now();
    const findings = checkMessage(texts[i]!, { platform: PLATFORM, lexicon });
    out[i] = performance.now() - start;
    if (findings.length > 0) flagged++;
  }
  return { sorted: out.sort(), flagged };
}

const tail = (sorted: Float64Array) => ({ p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1]! });

// ---------------------------------------------------------------- fixtures

const data = defaultLexiconData();
const builtIn = defaultLexicon();
const builtInKeys = new Set<string>();
for (const payloads of builtIn.payloads) for (const p of payloads) if (p.kind === 'term') builtInKeys.add(termKey(p.info.term));

const messages = generateMessages(MESSAGES, MESSAGE_SEED);
const messageTexts = messages.map((m) => m.text);
const draft = draft200();
const history = chatHistory(HISTORY_UNITS, HISTORY_SEED);
const normalizeHistory = timeRuns(1, 5, () => normalize(history));
const skeleton = normalize(history).skeleton;
const { name: libraryName, version: libraryVersion } = JSON.parse(readFileSync('node_modules/@monyone/aho-corasick/package.json', 'utf8')) as { name: string; version: string };

// ---------------------------------------------------------------- run

const charPassSummary = timeRuns(SEARCH_WARMUPS, SEARCH_RUNS, () => charPass(skeleton));
const throughput = (s: Summary) => skeleton.length / MB / (s.median / 1000);

const sizes = SIZES.map((size) => {
  const add = generateTerms(size - builtIn.termCount, TERM_SEED, termKey, builtInKeys);
  const build = timeRuns(BUILD_WARMUPS, BUILD_RUNS, () => compileLexicon(data, { add }));
  let lexicon: CompiledLexicon | undefined;
  const lexiconMemory = retained(() => (lexicon = compileLexicon(data, { add })));
  const lex = lexicon!;
  const patterns = patternsOf(lex.matcher);

  const matchers = {
    ours: { build: () => new AhoCorasick(patterns), count: (m: AhoCorasick) => ourCount(m, skeleton) },
    npm: { build: () => new NpmMatcher(patterns), count: (m: NpmMatcher) => m.matchInText(skeleton).length },
    npmFast: { build: () => new NpmFastMatcher(patterns), count: (m: NpmFastMatcher) => m.matchInText(skeleton).length },
  };
  const figures = Object.fromEntries(
    Object.entries(matchers).map(([name, { build: make, count }]) => {
      const buildSummary = timeRuns(BUILD_WARMUPS, BUILD_RUNS, make);
      let matcher: unknown;
      const memory = retained(() => (matcher = make()));
      let matches = 0;
      const search = timeRuns(SEARCH_WARMUPS, SEARCH_RUNS, () => (matches = (count as (m: unknown) => number)(matcher)));
      return [name, { build: buildSummary, memory, search, mbPerS: throughput(search), matches }];
    }),
  ) as Record<keyof typeof matchers, { build: Summary; memory: { heap: number; arrayBuffers: number }; search: Summary; mbPerS: number; matches: number }>;

  // The compiled lexicon's own matcher, as checkMessage uses it.
  let lexMatches = 0;
  const lexSearch = timeRuns(SEARCH_WARMUPS, SEARCH_RUNS, () => (lexMatches = ourCount(lex.matcher, skeleton)));

  latencies(messageTexts.slice(0, 1_000), lex); // warm-up
  const perMessage = latencies(messageTexts, lex);
  latencies(Array.from({ length: DRAFT_WARMUPS }, () => draft), lex);
  const perDraft = latencies(Array.from({ length: DRAFT_RUNS }, () => draft), lex);

  return {
    terms: lex.termCount,
    patterns: patterns.length,
    build,
    memory: lexiconMemory,
    lexSearch: { search: lexSearch, mbPerS: throughput(lexSearch), matches: lexMatches },
    matchers: figures,
    messages: { ...tail(perMessage.sorted), flagged: perMessage.flagged },
    draft: { ...tail(perDraft.sorted), flagged: perDraft.flagged },
  };
});

const kinds: Record<string, number> = {};
for (const m of messages) kinds[m.kind] = (kinds[m.kind] ?? 0) + 1;

console.log(
  JSON.stringify({
    platform: PLATFORM,
    library: { name: libraryName, version: libraryVersion },
    memoryCopies: MEMORY_COPIES,
    builtInTerms: builtIn.termCount,
    messages: { count: MESSAGES, kinds, minLength: Math.min(...messageTexts.map((t) => t.length)), maxLength: Math.max(...messageTexts.map((t) => t.length)) },
    draft: { length: draft.length, runs: DRAFT_RUNS },
    history: { units: history.length, skeletonUnits: skeleton.length, lines: history.split('\n').length, normalize: normalizeHistory },
    runs: { build: BUILD_RUNS, search: SEARCH_RUNS, searchWarmups: SEARCH_WARMUPS },
    charPass: { search: charPassSummary, mbPerS: throughput(charPassSummary) },
    sizes,
  }),
);
