import type { PlatformId } from '../domain/platform';
import { defaultLexicon, type CompiledLexicon } from './compile';
import { scanLexicon } from './scan';
import { findContactIds, findEmails } from './contact';
import { findLinks, findShareCodes } from './links';
import { foldedSpan, normalize, skeletonSpan, type Normalized } from './normalize';
import { findNumbers } from './numbers';
import { defaultRewrite, ruleFor } from './rules';
import { CATEGORIES, SEVERITY, type Category, type CheckOptions, type Finding } from './types';

/** A finding before merging: original offsets, plus what the lexicon entry says about itself. */
interface Raw {
  category: Category;
  start: number;
  end: number;
  rewrite?: string;
  rule?: string;
}

const CATEGORY_ORDER = new Map(CATEGORIES.map((c, i) => [c, i]));

/** Everything the detectors find, in original offsets, not yet merged. */
export function collect(n: Normalized, platform: PlatformId, lexicon: CompiledLexicon): Raw[] {
  const raw: Raw[] = [];
  const scan = scanLexicon(lexicon, n, platform);
  for (const m of scan.matches) raw.push({ category: m.key as Category, ...skeletonSpan(n, m.start, m.end), rewrite: m.rewrite, rule: m.rule });

  for (const hit of findNumbers(n, scan.contexts, platform)) {
    raw.push({ category: hit.kind === 'bank_card' ? 'payment_off_platform' : 'contact_off_platform', ...foldedSpan(n, hit.start, hit.end) });
  }
  for (const span of findContactIds(n, scan.leads)) raw.push({ category: 'contact_off_platform', ...skeletonSpan(n, span.start, span.end) });
  const emails = findEmails(n).map((span) => foldedSpan(n, n.compactToFold[span.start]!, n.compactToFold[span.end - 1]! + 1));
  for (const span of emails) raw.push({ category: 'contact_off_platform', ...span });
  for (const link of findLinks(n, platform)) {
    const span = foldedSpan(n, link.foldStart, link.foldEnd);
    if (emails.some((e) => e.start <= span.start && e.end >= span.end)) continue;
    raw.push({ category: 'link_off_platform', ...span });
  }
  for (const span of findShareCodes(n, platform)) raw.push({ category: 'link_off_platform', ...foldedSpan(n, span.start, span.end) });
  return raw;
}

/**
 * One finding per overlapping group of the same category (the union of their spans), sorted by
 * start, then end, then category order. A lexicon entry's own rewrite is kept only when the merged
 * span is exactly its span; otherwise the category's sentence-level rewrite is used.
 */
export function finalize(raw: Raw[], platform: PlatformId): Finding[] {
  raw.sort((a, b) => CATEGORY_ORDER.get(a.category)! - CATEGORY_ORDER.get(b.category)! || a.start - b.start || b.end - a.end);
  const findings: Finding[] = [];
  let i = 0;
  while (i < raw.length) {
    const head = raw[i]!;
    let end = head.end;
    let rewrite = head.rewrite;
    let j = i + 1;
    while (j < raw.length && raw[j]!.category === head.category && raw[j]!.start < end) {
      const next = raw[j]!;
      if (next.end > end) end = next.end;
      if (!rewrite && next.start === head.start && next.end === head.end) rewrite = next.rewrite;
      j++;
    }
    const exact = end === head.end;
    const rule = ruleFor(platform, head.category, head.rule);
    findings.push({
      category: head.category,
      severity: SEVERITY[head.category],
      start: head.start,
      end,
      reason: rule.reason,
      rewrite: (exact && rewrite) || defaultRewrite(platform, head.category),
      ruleRef: rule.ref,
    });
    i = j;
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end || CATEGORY_ORDER.get(a.category)! - CATEGORY_ORDER.get(b.category)!);
}

/**
 * Check an agent's draft against the platform's chat rules. Pure and synchronous: normalise once,
 * run the lexicon automaton once over the folded text, then the number, id, e-mail and link scanners,
 * all linear in the text.
 */
export function checkMessage(text: string, options: CheckOptions): Finding[] {
  if (text.length === 0) return [];
  const n = normalize(text);
  return finalize(collect(n, options.platform, options.lexicon ?? defaultLexicon()), options.platform);
}
