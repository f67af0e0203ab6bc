import type { MetricSummary } from '@/lib/metrics/history';
import { pct, type DashTexts } from './texts';

/** One row per platform + shop + metric over the period: counts, rate against the pass line, misses left today. */
export function MetricsTable({ rows, texts }: { rows: MetricSummary[]; texts: DashTexts }) {
  const { t } = texts;
  return (
    <table data-testid="dash-metrics">
      <thead>
        <tr>
          <th scope="col">{t('filterPlatform')}</th>
          <th scope="col">{t('filterShop')}</th>
          <th scope="col">{t('dashRule')}</th>
          <th scope="col" class="num">{t('dashMet')}</th>
          <th scope="col" class="num">{t('dashMissed')}</th>
          <th scope="col" class="num" title={t('dashExcludedHint')}>{t('dashExcluded')}</th>
          <th scope="col" class="num">{t('dashOpen')}</th>
          <th scope="col" class="num">{t('dashRate')}</th>
          <th scope="col" class="num">{t('dashThreshold')}</th>
          <th scope="col" class="num">{t('dashMissesLeft')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => {
          const failing = s.passLine !== null && s.rate !== null && s.rate < s.passLine.value;
          const smallSample = s.passLine?.minSample != null && s.passLine.period === 'day' && s.sampleToday < s.passLine.minSample;
          return (
            <tr key={`${s.platform}|${s.shop}|${s.kind}|${s.metric}`} data-kind={s.kind} data-platform={s.platform} data-metric={s.metric} data-shop={s.shop}>
              <td>{texts.platform(s.platform)}</td>
              <td>{texts.shop(s.shop)}</td>
              <td>{texts.metric(s)}</td>
              <td class="num">{s.onTime}</td>
              <td class="num" title={s.overdue > 0 ? t('dashOverdue', [String(s.overdue)]) : undefined}>
                {s.late}
              </td>
              <td class="num">{s.excluded}</td>
              <td class="num">{s.open}</td>
              <td class={`num${failing ? ' fail' : ''}`} data-col="rate">
                {pct(s.rate)}
              </td>
              <td class="num" data-col="pass-line" title={s.passLine?.minSample != null ? t('dashMinSample', [String(s.passLine.minSample)]) : undefined}>
                {s.passLine ? texts.passLine(s.passLine) : '–'}
              </td>
              <td class={`num${s.missesLeftToday === 0 ? ' fail' : ''}`} data-col="misses-left">
                <span class="value">{s.missesLeftToday ?? '–'}</span>
                {smallSample && <small class="sample">{t('dashSampleShort', [String(s.sampleToday), String(s.passLine!.minSample)])}</small>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
