import { z } from 'zod';
import { PlatformId, type PlatformId as Platform } from '../domain/platform';
import type { KefuDB } from '../store/db';
import { applyOverrides, RuleOverrides, setOverride } from './overrides';
import { loadRulePack, type PackResult } from './packs';

export const OVERRIDES_KEY = 'ruleOverrides';
/** Stored shape: platform → rule id → patch. Validated on read; a corrupted value is reported, never used. */
export const StoredOverrides = z.partialRecord(PlatformId, RuleOverrides);
export type StoredOverrides = z.infer<typeof StoredOverrides>;

/**
 * The rule packs as this shop runs them: shipped pack + the shop's overrides from settings.
 * Synchronous `rules()` for the tracker; overrides are loaded once per worker start.
 */
export class RulesProvider {
  private overrides: StoredOverrides = {};
  private readonly cache = new Map<Platform, PackResult>();
  /** Problems found in stored overrides (shown as a degraded state, not thrown). */
  problems: string[] = [];

  constructor(private readonly db: KefuDB) {}

  async load(): Promise<void> {
    const record = await this.db.settings.get(OVERRIDES_KEY);
    const parsed = StoredOverrides.safeParse(record?.value ?? {});
    this.overrides = parsed.success ? parsed.data : {};
    this.problems = parsed.success ? [] : [`stored rule overrides ignored: ${parsed.error.issues[0]?.message ?? 'invalid'}`];
    this.cache.clear();
  }

  rules = (platform: Platform): PackResult => {
    const cached = this.cache.get(platform);
    if (cached) return cached;
    const base = loadRulePack(platform);
    let result: PackResult = base;
    if (base.ok) {
      const { pack, rejected } = applyOverrides(base.pack, this.overrides[platform] ?? {});
      this.problems.push(...rejected);
      result = { ok: true, pack };
    }
    this.cache.set(platform, result);
    return result;
  };

  /** Validate and store one rule's override; a bad one is rejected naming the field, the old value kept. */
  async setOverride(platform: Platform, ruleId: string, patch: unknown, now: number): Promise<{ ok: true } | { ok: false; error: string }> {
    const base = loadRulePack(platform);
    if (!base.ok) return { ok: false, error: base.error };
    const result = setOverride(base.pack, this.overrides[platform] ?? {}, ruleId, patch);
    if (!result.ok) return { ok: false, error: result.error };
    const next = { ...this.overrides, [platform]: result.overrides };
    await this.db.settings.put({ key: OVERRIDES_KEY, value: next, updatedAt: now });
    this.overrides = next;
    this.cache.delete(platform);
    return { ok: true };
  }

  async clearOverride(platform: Platform, ruleId: string, now: number): Promise<void> {
    const { [ruleId]: _removed, ...rest } = this.overrides[platform] ?? {};
    const next = { ...this.overrides, [platform]: rest };
    await this.db.settings.put({ key: OVERRIDES_KEY, value: next, updatedAt: now });
    this.overrides = next;
    this.cache.delete(platform);
  }
}
