import type { Signal } from '@preact/signals';
import type { PlatformId } from '@/lib/domain/platform';
import type { DashboardFilter, Period } from '@/lib/metrics/history';
import type { DashTexts } from './texts';

/** Period (今天 / 近30天), platform and shop, and the CSV export of what they select. */
export function DashFilters({
  filter,
  platforms,
  shops,
  texts,
  onExport,
}: {
  filter: Signal<DashboardFilter>;
  platforms: PlatformId[];
  shops: string[];
  texts: DashTexts;
  onExport: () => void;
}) {
  const { t } = texts;
  const set = (patch: Partial<DashboardFilter>) => (filter.value = { ...filter.value, ...patch });
  const f = filter.value;
  const periods: [Period, string][] = [
    ['today', t('dashToday')],
    ['30d', t('dash30Days')],
  ];
  return (
    <div class="filters" role="group" aria-label={t('dashFilters')}>
      <div class="period" role="radiogroup" aria-label={t('dashPeriod')} data-testid="dash-period">
        {periods.map(([p, label]) => (
          <button type="button" key={p} role="radio" aria-checked={f.period === p} data-period={p} class={f.period === p ? 'on' : ''} onClick={() => set({ period: p })}>
            {label}
          </button>
        ))}
      </div>
      <select aria-label={t('filterPlatform')} data-testid="dash-platform" value={f.platform} onChange={(e) => set({ platform: e.currentTarget.value as PlatformId | 'all', shop: 'all' })}>
        <option value="all">{t('filterAllPlatforms')}</option>
        {platforms.map((p) => (
          <option key={p} value={p}>
            {texts.platform(p)}
          </option>
        ))}
      </select>
      <select aria-label={t('filterShop')} data-testid="dash-shop" value={f.shop} onChange={(e) => set({ shop: e.currentTarget.value })}>
        <option value="all">{t('filterAllShops')}</option>
        {shops.map((s) => (
          <option key={s} value={s}>
            {texts.shop(s)}
          </option>
        ))}
      </select>
      <button type="button" class="export" data-testid="dash-csv" onClick={onExport}>
        {t('dashCsv')}
      </button>
    </div>
  );
}
