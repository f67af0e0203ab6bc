import type { PlatformId } from '../domain/platform';
import type { CaseRecord } from '../store/db';
import type { AtRiskRow } from '../tracker/at-risk';

/** A case not read from any page for this long is shown as "not seen since …" (kept, never deleted). */
export const STALE_AFTER_MS = 24 * 3_600_000;

export type QueueItem =
  | { type: 'chat'; id: string; platform: PlatformId; shop: string; dueAt: number; row: AtRiskRow }
  | { type: 'case'; id: string; platform: PlatformId; shop: string; dueAt: number | null; record: CaseRecord; stale: boolean };

export interface QueueFilter {
  platform: PlatformId | 'all';
  shop: string | 'all';
  type: 'all' | 'chat' | 'case';
}

export const NO_FILTER: QueueFilter = { platform: 'all', shop: 'all', type: 'all' };

/**
 * Everything that can cost the shop a penalty, reply clocks and after-sales deadlines together,
 * across tabs, shops and platforms, nearest deadline first (overdue at the top). Open cases with no
 * known deadline come last: they are still work, just not timed. Closed cases are not work.
 */
export function buildQueue(chats: AtRiskRow[], cases: CaseRecord[], now: number, filter: QueueFilter = NO_FILTER): QueueItem[] {
  const items: QueueItem[] = [
    ...chats.map((row): QueueItem => ({ type: 'chat', id: row.conversationId, platform: row.platform, shop: row.shop, dueAt: row.dueAt, row })),
    ...cases
      .filter((c) => c.stage !== 'closed')
      .map((record): QueueItem => ({ type: 'case', id: record.id, platform: record.platform, shop: record.shop, dueAt: record.dueAt ?? null, record, stale: now - record.lastSeenAt > STALE_AFTER_MS })),
  ];
  return items
    .filter((item) => (filter.type === 'all' || item.type === filter.type) && (filter.platform === 'all' || item.platform === filter.platform) && (filter.shop === 'all' || item.shop === filter.shop))
    .sort((a, b) => (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity) || a.id.localeCompare(b.id));
}

/** The platforms and shops present, for the filter menus. */
export function queueFacets(chats: AtRiskRow[], cases: CaseRecord[]): { platforms: PlatformId[]; shops: string[] } {
  const all = [...chats.map((c) => ({ platform: c.platform, shop: c.shop })), ...cases.filter((c) => c.stage !== 'closed')];
  return { platforms: [...new Set(all.map((x) => x.platform))].sort(), shops: [...new Set(all.map((x) => x.shop))].sort() };
}
