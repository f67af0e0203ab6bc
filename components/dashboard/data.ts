import Dexie from 'dexie';
import type { PlatformId } from '@/lib/domain/platform';
import type { HistoryData, RulesFor } from '@/lib/metrics/history';
import { applyOverrides } from '@/lib/rules/overrides';
import { loadRulePack, type PackResult } from '@/lib/rules/packs';
import { OVERRIDES_KEY, StoredOverrides } from '@/lib/rules/provider';
import type { KefuDB } from '@/lib/store/db';

export interface DashboardData extends HistoryData {
  /** Every [platform, shop] that has conversations: tells a shop name holding ':' apart in conversation ids. */
  shops: [PlatformId, string][];
  /** The shop's rule overrides as stored (an invalid value is ignored, as the worker does). */
  overrides: StoredOverrides;
}

/** Everything the dashboard reads, in one query (run it inside `liveQuery`). Reads only. */
export async function readDashboardData(db: KefuDB): Promise<DashboardData> {
  const [deadlines, warnings, cases, shops, stored] = await Promise.all([
    db.deadlines.toArray(),
    db.warnings.where('[state+warnAt]').between(['fired', Dexie.minKey], ['fired', Dexie.maxKey]).toArray(),
    db.cases.toArray(),
    db.conversations.orderBy('[platform+shop]').uniqueKeys(),
    db.settings.get(OVERRIDES_KEY),
  ]);
  const overrides = StoredOverrides.safeParse(stored?.value ?? {});
  return { deadlines, warnings, cases, shops: shops as unknown as [PlatformId, string][], overrides: overrides.success ? overrides.data : {} };
}

/** The packs as the shop runs them now: shipped pack + stored overrides (pass lines included). */
export function rulesWithOverrides(overrides: StoredOverrides): RulesFor {
  const cache = new Map<PlatformId, PackResult>();
  return (platform) => {
    let result = cache.get(platform);
    if (!result) {
      const base = loadRulePack(platform);
      result = base.ok ? { ok: true, pack: applyOverrides(base.pack, overrides[platform] ?? {}).pack } : base;
      cache.set(platform, result);
    }
    return result;
  };
}
