import { z } from 'zod';
import { PLATFORM_IDS } from '../../domain/platform';
import { CATEGORIES } from '../types';

/**
 * Lexicon files: one per finding category (plus `names.json` and `buyer.json`), strict like the rule
 * packs, so a typo in a field is an error naming its path. Terms are written as an agent would type
 * them; the compiler folds them exactly like the checked text (全角, traditional, separators), so a
 * term never needs its evasion variants listed.
 */

const Platform = z.enum(PLATFORM_IDS);

/** A rule key of `rules.ts` NAMED_RULES (P1…P5, X1); overrides the category's rule for this entry. */
const RuleKey = z.string().regex(/^[A-Z]+\d+$/);

export const LexiconTerm = z.strictObject({
  term: z.string().min(1),
  /** Why the term is here, or what it catches. */
  note: z.string().min(1).optional(),
  /** A compliant replacement for exactly the matched span. */
  rewrite: z.string().optional(),
  rule: RuleKey.optional(),
});
export type LexiconTerm = z.infer<typeof LexiconTerm>;

/** A context that cancels a term it covers (高仿真 cancels 高仿) or a combination it overlaps. */
export const LexiconAllow = z.strictObject({
  term: z.string().min(1),
  note: z.string().min(1).optional(),
});

/**
 * Parts found in order, each within `gap` characters (separators not counted) of the previous one,
 * inside one clause (up to ，) or one sentence (up to 。！？ or a newline). A part may name a list:
 * `@self` (this platform's names), `@others` (other platforms and sites), `@anyPlatform` (every
 * platform's names plus 平台/官方/系统), `@channels` (contact channels off this platform).
 */
export const LexiconCombo = z.strictObject({
  parts: z.array(z.array(z.string().min(1)).min(1)).min(2),
  gap: z.number().int().min(0).max(40),
  scope: z.enum(['clause', 'sentence']),
  note: z.string().min(1),
  rewrite: z.string().optional(),
  rule: RuleKey.optional(),
});
export type LexiconCombo = z.infer<typeof LexiconCombo>;

const Entries = {
  terms: z.array(LexiconTerm),
  allow: z.array(LexiconAllow),
  combos: z.array(LexiconCombo),
  /** Matched only as the whole message, punctuation aside ("不行。", "没有"). */
  exact: z.array(LexiconTerm),
};

export const PlatformAdditions = z.strictObject({
  terms: Entries.terms.optional(),
  allow: Entries.allow.optional(),
  combos: Entries.combos.optional(),
  exact: Entries.exact.optional(),
});

export const CategoryFile = z.strictObject({
  category: z.enum(CATEGORIES),
  note: z.string().min(1),
  /**
   * Words that cancel a term or combination right after them (up to 4 characters before it, same
   * clause, or overlapping its start): "不能加微信", "我们不卖高仿". Ids, numbers and links are never
   * cancelled: a real id stays a violation whatever is said around it.
   */
  negations: z.array(z.string().min(1)),
  ...Entries,
  /** Additions that apply on one platform only. */
  platforms: z.partialRecord(Platform, PlatformAdditions),
});
export type CategoryFile = z.infer<typeof CategoryFile>;

/** A word that applies everywhere except on the platforms listed (旺旺 is Taobao's own chat). */
const Names = z.array(z.string().min(1)).min(1);

const ScopedWord = z.strictObject({ term: z.string().min(1), notOn: z.array(Platform).optional(), note: z.string().min(1).optional() });

export const NamesFile = z.strictObject({
  note: z.string().min(1),
  /** What each platform is called in chat, including nicknames (某宝, 并夕夕). */
  platforms: z.strictObject({ pdd: Names, taobao: Names, douyin: Names, kuaishou: Names, jd: Names }),
  /** Sites and apps that are not one of our platforms (闲鱼, 小红书, 公众号). */
  otherSites: z.array(z.string().min(1)),
  /** Words for "the platform" itself. */
  platformWords: z.array(z.string().min(1)),
  /** Contact channels: an id after one of these is an off-platform contact. */
  channels: z.array(ScopedWord).min(1),
  /** Words before a long number that say what it is. */
  numberContext: z.strictObject({
    order: z.array(z.string().min(1)),
    phone: z.array(z.string().min(1)),
    bank: z.array(z.string().min(1)),
  }),
});
export type NamesFile = z.infer<typeof NamesFile>;

const BaitEntries = z.strictObject({ terms: Entries.terms, allow: Entries.allow, combos: Entries.combos });

/** Buyer messages that pull the agent towards a violation, by kind (see `BAIT_KINDS`). */
export const BuyerFile = z.strictObject({
  note: z.string().min(1),
  kinds: z.strictObject({ contact_request: BaitEntries, off_platform_payment: BaitEntries, platform_impersonation: BaitEntries, extortion: BaitEntries }),
});
export type BuyerFile = z.infer<typeof BuyerFile>;

/** zod issues as one readable line naming each field by its path. */
export function describeLexiconIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}
