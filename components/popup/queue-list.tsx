import type { Signal } from '@preact/signals';
import type { PlatformId } from '@/lib/domain/platform';
import type { QueueFilter, QueueItem } from '@/lib/queue/queue';
import { ChatRow, shopLabel, type PopupTexts } from './at-risk-list';
import { CaseRow } from './case-list';

/** The filter menus over the queue: platform, shop, and chats vs cases. */
export function QueueFilters({ filter, platforms, shops, texts }: { filter: Signal<QueueFilter>; platforms: PlatformId[]; shops: string[]; texts: PopupTexts }) {
  const set = (patch: Partial<QueueFilter>) => (filter.value = { ...filter.value, ...patch });
  return (
    <li class="filters">
      <select aria-label={texts.t('filterType')} data-testid="filter-type" value={filter.value.type} onChange={(e) => set({ type: e.currentTarget.value as QueueFilter['type'] })}>
        <option value="all">{texts.t('filterAll')}</option>
        <option value="chat">{texts.t('filterChats')}</option>
        <option value="case">{texts.t('filterCases')}</option>
      </select>
      <select aria-label={texts.t('filterPlatform')} data-testid="filter-platform" value={filter.value.platform} onChange={(e) => set({ platform: e.currentTarget.value as QueueFilter['platform'] })}>
        <option value="all">{texts.t('filterAllPlatforms')}</option>
        {platforms.map((p) => (
          <option value={p} key={p}>
            {texts.t(`platform_${p}`)}
          </option>
        ))}
      </select>
      <select aria-label={texts.t('filterShop')} data-testid="filter-shop" value={filter.value.shop} onChange={(e) => set({ shop: e.currentTarget.value })}>
        <option value="all">{texts.t('filterAllShops')}</option>
        {shops.map((s) => (
          <option value={s} key={s}>
            {shopLabel(s, texts)}
          </option>
        ))}
      </select>
    </li>
  );
}

/** Reply clocks and after-sales deadlines in one list, ranked by time to penalty. */
export function QueueList({ items, now, texts, onOpenCase }: { items: QueueItem[]; now: Signal<number>; texts: PopupTexts; onOpenCase: (caseId: string) => void }) {
  if (items.length === 0) return <li class="empty">{texts.t('popupEmpty')}</li>;
  return (
    <>
      {items.map((item) =>
        item.type === 'chat' ? (
          <ChatRow key={item.id} row={item.row} now={now} texts={texts} />
        ) : (
          <CaseRow key={item.id} record={item.record} stale={item.stale} now={now} texts={texts} onOpen={onOpenCase} />
        ),
      )}
    </>
  );
}
