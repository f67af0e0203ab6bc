import { z } from 'zod';
import type { KefuDB } from '../store/db';
import { compileLexicon, defaultLexicon, type CompiledLexicon } from './compile';
import { defaultLexiconData } from './lexicon';
import { CATEGORIES } from './types';

const Terms = z.array(z.string().trim().min(1).max(50)).max(2000);
const PerCategory = z.partialRecord(z.enum(CATEGORIES), Terms);

/** A shop's own lexicon changes: terms to add or remove per category, and phrases to allow. */
export const ShopLexicon = z.strictObject({ add: PerCategory, remove: PerCategory, allow: PerCategory });
export type ShopLexicon = z.infer<typeof ShopLexicon>;

export const SHOP_LEXICON_KEY = 'shopLexicon';

/**
 * The lexicon the draft check uses: the built-in one, or the shop's version compiled once from
 * settings. A bad stored value is reported and the built-in lexicon used, never a half-built one.
 */
export class ShopLexiconProvider {
  private compiled: CompiledLexicon | null = null;
  problem: string | null = null;

  constructor(private readonly db: KefuDB) {}

  async load(): Promise<void> {
    const stored = await this.db.settings.get(SHOP_LEXICON_KEY);
    this.compiled = null;
    this.problem = null;
    if (!stored) return;
    const parsed = ShopLexicon.safeParse(stored.value);
    if (!parsed.success) {
      this.problem = `stored shop lexicon ignored: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`;
      return;
    }
    this.compiled = compileLexicon(defaultLexiconData(), parsed.data);
  }

  lexicon(): CompiledLexicon {
    return this.compiled ?? defaultLexicon();
  }

  /** Validate, compile and store; a bad value is rejected naming the field and the old lexicon kept. */
  async set(value: unknown, now: number): Promise<{ ok: true } | { ok: false; error: string }> {
    const parsed = ShopLexicon.safeParse(value);
    if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
    let compiled: CompiledLexicon;
    try {
      compiled = compileLexicon(defaultLexiconData(), parsed.data);
    } catch (error) {
      return { ok: false, error: String(error) };
    }
    await this.db.settings.put({ key: SHOP_LEXICON_KEY, value: parsed.data, updatedAt: now });
    this.compiled = compiled;
    return { ok: true };
  }
}
