import type { PlatformId } from '../domain/platform';

/** What a finding is about. The order is the display order when two findings start at the same offset. */
export const CATEGORIES = [
  'contact_off_platform',
  'link_off_platform',
  'payment_off_platform',
  'qr_code',
  'address_offline',
  'review_inducement',
  'impersonation',
  'abuse',
  'counterfeit',
  'absolute_claim',
  'disparage_platform',
  'prohibited_content',
  'tone',
] as const;
export type Category = (typeof CATEGORIES)[number];

export type Severity = 'block' | 'warn';

/**
 * Severity is fixed per category.
 * - `absolute_claim` is only a warning: the 广告法 targets advertising, and no platform rule text we have
 *   makes an absolute word in a private chat a violation by itself (platform-rules.md X3). The real risk
 *   is a buyer complaint or a QA deduction, and these words have many harmless readings ("最好是…").
 * - `tone` is only a warning: the phrasing guidelines are shop and QA practice, not platform rule text
 *   (platform-rules.md §7), and agents complain most about false alarms from exactly this kind of check.
 * Everything else is a platform rule whose breach is penalised, so it blocks.
 */
export const SEVERITY: Readonly<Record<Category, Severity>> = {
  contact_off_platform: 'block',
  link_off_platform: 'block',
  payment_off_platform: 'block',
  qr_code: 'block',
  address_offline: 'block',
  review_inducement: 'block',
  impersonation: 'block',
  abuse: 'block',
  counterfeit: 'block',
  absolute_claim: 'warn',
  disparage_platform: 'block',
  prohibited_content: 'block',
  tone: 'warn',
};

export interface Finding {
  category: Category;
  severity: Severity;
  /** Offsets in the original text, UTF-16 code units, end exclusive; evasion characters inside are included. */
  start: number;
  end: number;
  /** zh-CN, names the rule. */
  reason: string;
  /** A compliant replacement for the span (or for its sentence), zh-CN. */
  rewrite: string;
  /** Source key of platform-rules.md (PD1, TB20, DY15, KS1, JD11, X1, P1 …). */
  ruleRef: string;
}

export interface CheckOptions {
  platform: PlatformId;
  /** Defaults to the built-in lexicon (`defaultLexicon()`); pass a shop's compiled lexicon instead. */
  lexicon?: import('./compile').CompiledLexicon;
}

/** Buyer messages that pull the agent towards a violation. */
export const BAIT_KINDS = ['contact_request', 'off_platform_payment', 'platform_impersonation', 'extortion'] as const;
export type BaitKind = (typeof BAIT_KINDS)[number];

export interface BuyerBait {
  kind: BaitKind;
  /** Offsets in the buyer's original text. */
  start: number;
  end: number;
  /** zh-CN: what the buyer is pulling towards and which rule it would break. */
  reason: string;
  /** zh-CN: a reply the agent can send safely. */
  safeReply: string;
}
