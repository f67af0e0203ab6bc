import type { PlatformId } from '../domain/platform';
import * as chars from './chars';
import { edgeOf, edges, exactKey, platformBit, type CompiledLexicon, type Edge, type NumberContext, type TermInfo } from './compile';
import type { Normalized } from './normalize';

// Local bindings: module namespace getters cost a call per character in some loaders (tsx, vite-node).
const { isClauseEnd, isSentenceEnd } = chars;

/** A lexicon match in skeleton offsets. */
export interface LexMatch {
  key: string;
  start: number;
  end: number;
  rewrite?: string;
  rule?: string;
}

export interface Span {
  start: number;
  end: number;
}

export interface LexScan {
  matches: LexMatch[];
  /** Contact channel words (skeleton spans), for the id after them. */
  leads: Span[];
  /** Number-context words (skeleton spans). */
  contexts: (Span & { ctx: NumberContext })[];
}

/** Whether the folded unit before / after a skeleton span continues an ASCII word or number. */
function edgeClash(n: Normalized, start: number, end: number, head: Edge, tail: Edge): boolean {
  if (head !== 0) {
    const before = n.skelToFold[start]! - 1;
    if (before >= 0 && edgeOf(n.folded.charCodeAt(before)) === head) return true;
  }
  if (tail !== 0) {
    const after = n.skelToFold[end - 1]! + 1;
    if (after < n.folded.length && edgeOf(n.folded.charCodeAt(after)) === tail) return true;
  }
  return false;
}

/** How far before a match a negation word still applies ("不能给您加微信"). */
const NEGATION_REACH = 4;

function crossesBoundary(skeleton: string, from: number, to: number, scope: 'clause' | 'sentence'): boolean {
  const test = scope === 'clause' ? isClauseEnd : isSentenceEnd;
  for (let i = from; i < to; i++) if (test(skeleton.charCodeAt(i))) return true;
  return false;
}

/** Run the automaton once over the skeleton and turn raw hits into lexicon matches for one platform. */
export function scanLexicon(lex: CompiledLexicon, n: Normalized, platform: PlatformId): LexScan {
  const bit = platformBit(platform);
  const terms: { info: TermInfo; start: number; end: number }[] = [];
  const allows = new Map<string, Span[]>();
  const negations = new Map<string, Span[]>();
  const cues = new Map<number, Span[][]>();
  const leads: Span[] = [];
  const contexts: (Span & { ctx: NumberContext })[] = [];
  const skeleton = n.skeleton;

  lex.matcher.search(skeleton, (id, end) => {
    const start = end - lex.matcher.length(id);
    for (const p of lex.payloads[id]!) {
      if (!(p.mask & bit)) continue;
      switch (p.kind) {
        case 'term':
          if (!edgeClash(n, start, end, p.info.head, p.info.tail)) terms.push({ info: p.info, start, end });
          break;
        case 'neg': {
          const list = negations.get(p.key);
          if (list) list.push({ start, end });
          else negations.set(p.key, [{ start, end }]);
          break;
        }
        case 'allow': {
          // A context is a real word: spaced-out letters ("高仿 真的") do not make "高仿真".
          if (n.skelToFold[end - 1]! - n.skelToFold[start]! !== end - 1 - start) break;
          const list = allows.get(p.key);
          if (list) list.push({ start, end });
          else allows.set(p.key, [{ start, end }]);
          break;
        }
        case 'cue': {
          if (edgeClash(n, start, end, p.edges[0], p.edges[1])) break;
          let parts = cues.get(p.combo);
          if (!parts) {
            parts = [];
            for (let k = lex.combos[p.combo]!.parts; k > 0; k--) parts.push([]);
            cues.set(p.combo, parts);
          }
          parts[p.part]!.push({ start, end });
          break;
        }
        case 'lead': {
          const [head, tail] = edges(skeleton.slice(start, end));
          if (!edgeClash(n, start, end, head, tail === 1 ? 0 : tail)) leads.push({ start, end });
          break;
        }
        case 'ctx':
          contexts.push({ start, end, ctx: p.ctx });
          break;
      }
    }
  });

  const negated = (key: string, start: number) =>
    negations.get(key)?.some((g) => (g.start < start && g.end > start) || (g.end <= start && start - g.end <= NEGATION_REACH && !crossesBoundary(skeleton, g.end, start, 'clause'))) ?? false;

  const matches: LexMatch[] = [];
  for (const t of terms) {
    const allowed = allows.get(t.info.key)?.some((a) => a.start <= t.start && a.end >= t.end) || negated(t.info.key, t.start);
    if (!allowed) matches.push({ key: t.info.key, start: t.start, end: t.end, rewrite: t.info.rewrite, rule: t.info.rule });
  }

  for (const [comboId, parts] of cues) {
    if (parts.some((list) => list.length === 0)) continue;
    const combo = lex.combos[comboId]!;
    for (const list of parts) list.sort((a, b) => a.start - b.start || b.end - a.end);
    let floor = -1;
    for (const first of parts[0]!) {
      if (first.start < floor) continue;
      let current = first;
      let ok = true;
      for (let k = 1; k < parts.length && ok; k++) {
        // The nearest occurrence starting at or after the current end: a later one is only further away.
        const list = parts[k]!;
        let lo = 0;
        let hi = list.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (list[mid]!.start < current.end) lo = mid + 1;
          else hi = mid;
        }
        const next = list[lo];
        if (next && next.start - current.end <= combo.gap && !crossesBoundary(skeleton, current.end, next.start, combo.scope)) current = next;
        else ok = false;
      }
      if (!ok) continue;
      const span = { start: first.start, end: current.end };
      if (allows.get(combo.key)?.some((a) => a.start < span.end && a.end > span.start) || negated(combo.key, span.start)) continue;
      matches.push({ key: combo.key, ...span, rewrite: combo.rewrite, rule: combo.rule });
      floor = span.end;
    }
  }

  const key = lex.exact.size > 0 ? exactKey(skeleton, lex.exactMaxLength) : undefined;
  if (key !== undefined) {
    const entries = lex.exact.get(key);
    const entry = entries?.find((e) => e.mask & bit);
    if (entry && skeleton.length > 0) {
      // The whole message, punctuation included, trimmed of surrounding spaces.
      matches.push({ key: entry.info.key, start: 0, end: skeleton.length, rewrite: entry.info.rewrite, rule: entry.info.rule });
    }
  }
  return { matches, leads, contexts };
}
