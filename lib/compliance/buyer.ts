import type { PlatformId } from '../domain/platform';
import { ALL_PLATFORMS, LexiconBuilder, type CompiledLexicon } from './compile';
import { scanLexicon } from './scan';
import { findContactIds, findEmails } from './contact';
import { defaultLexiconData, parseBuyerFile, RAW_BUYER } from './lexicon';
import { foldedSpan, normalize, skeletonSpan } from './normalize';
import { findNumbers } from './numbers';
import { baitText } from './rules';
import { BAIT_KINDS, type BaitKind, type BuyerBait } from './types';

let compiled: CompiledLexicon | undefined;

/** The buyer-bait lexicon (`lexicon/buyer.json`), compiled on first use. */
export function buyerLexicon(): CompiledLexicon {
  if (!compiled) {
    const file = parseBuyerFile(RAW_BUYER);
    const builder = new LexiconBuilder(defaultLexiconData().names);
    builder.addNames();
    for (const kind of BAIT_KINDS) {
      const entries = file.kinds[kind];
      for (const term of entries.terms) builder.term(kind, term, ALL_PLATFORMS);
      for (const allow of entries.allow) builder.allow(kind, allow.term, ALL_PLATFORMS);
      for (const combo of entries.combos) builder.combo(kind, combo, ALL_PLATFORMS);
    }
    compiled = builder.build();
  }
  return compiled;
}

/**
 * Flag a buyer's message that pulls the agent towards a violation: asking for or giving an off-platform
 * contact, offering to pay outside the platform, posing as the platform, or threatening a bad review or
 * complaint to extort something. Each bait comes with a reply the agent can send safely.
 */
export function checkBuyerMessage(text: string, options: { platform: PlatformId }): BuyerBait[] {
  if (text.length === 0) return [];
  const { platform } = options;
  const n = normalize(text);
  const scan = scanLexicon(buyerLexicon(), n, platform);
  const raw: { kind: BaitKind; start: number; end: number }[] = [];
  for (const m of scan.matches) raw.push({ kind: m.key as BaitKind, ...skeletonSpan(n, m.start, m.end) });
  for (const hit of findNumbers(n, scan.contexts, platform)) {
    raw.push({ kind: hit.kind === 'bank_card' ? 'off_platform_payment' : 'contact_request', ...foldedSpan(n, hit.start, hit.end) });
  }
  for (const span of findContactIds(n, scan.leads)) raw.push({ kind: 'contact_request', ...skeletonSpan(n, span.start, span.end) });
  for (const span of findEmails(n)) raw.push({ kind: 'contact_request', ...foldedSpan(n, n.compactToFold[span.start]!, n.compactToFold[span.end - 1]! + 1) });

  const order = new Map(BAIT_KINDS.map((k, i) => [k, i]));
  raw.sort((a, b) => order.get(a.kind)! - order.get(b.kind)! || a.start - b.start || b.end - a.end);
  const baits: BuyerBait[] = [];
  for (let i = 0; i < raw.length; ) {
    const head = raw[i]!;
    let end = head.end;
    let j = i + 1;
    while (j < raw.length && raw[j]!.kind === head.kind && raw[j]!.start < end) end = Math.max(end, raw[j++]!.end);
    baits.push({ kind: head.kind, start: head.start, end, ...baitText(platform, head.kind) });
    i = j;
  }
  return baits.sort((a, b) => a.start - b.start || a.end - b.end || order.get(a.kind)! - order.get(b.kind)!);
}
