/**
 * Draft compliance checking: pure functions, no browser APIs, safe to call on every keystroke.
 *
 *   checkMessage(text, { platform, lexicon? }) → Finding[]        the agent's draft
 *   checkBuyerMessage(text, { platform }) → BuyerBait[]           the buyer's message
 *   compileLexicon(defaultLexiconData(), { add, remove, allow })  a shop's lexicon, built once
 *   defaultLexicon()                                              the built-in lexicon, compiled lazily
 */
export { checkMessage } from './check';
export { checkBuyerMessage, buyerLexicon } from './buyer';
export { compileLexicon, defaultLexicon, type CompiledLexicon, type CompileOptions } from './compile';
export { defaultLexiconData, type LexiconData } from './lexicon';
export { normalize, type Normalized } from './normalize';
export { luhnValid } from './luhn';
export { ALLOWED_DOMAINS } from './links';
export { CATEGORY_RULES, NAMED_RULES, PLATFORM_NAME } from './rules';
export { BAIT_KINDS, CATEGORIES, SEVERITY, type BaitKind, type BuyerBait, type Category, type CheckOptions, type Finding, type Severity } from './types';
