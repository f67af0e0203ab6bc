import type { ReadonlySignal, Signal } from '@preact/signals';
import { stamp } from '@/components/data/download';
import { metricsCsv } from '@/lib/metrics/csv';
import { alertChart, facets, filterRows, lastDays, HISTORY_DAYS, rateChart, summarise, totals, type DashboardFilter, type MetricDayRow } from '@/lib/metrics/history';
import { DayChart, type ChartSeries } from './chart';
import { DashFilters } from './filters';
import { MetricsTable } from './metrics-table';
import type { DashTexts } from './texts';
import { TotalTiles } from './totals';

export type DashState = { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; rows: MetricDayRow[] };

const COLORS = ['#1a73e8', '#d93025', '#188038', '#e37400', '#9334e6', '#12b5cb', '#5f6368', '#b06000'];

/** "kefu-guard-metrics-20261124-1000.csv" in Asia/Shanghai. */
export const csvFileName = (now: number): string => `kefu-guard-metrics-${stamp(now)}.csv`;

/** The whole page below the data: filters, totals, the metrics table, 30-day charts, how it is counted. */
export function Dashboard({
  state,
  filter,
  now,
  texts,
  download,
}: {
  state: ReadonlySignal<DashState>;
  filter: Signal<DashboardFilter>;
  now: ReadonlySignal<number>;
  texts: DashTexts;
  /** Saves a text file locally (Blob URL + <a download>); never a network request. */
  download: (filename: string, text: string) => void;
}) {
  const { t } = texts;
  const s = state.value;
  const header = <h1>{t('dashTitle')}</h1>;
  if (s.status === 'loading')
    return (
      <main>
        {header}
        <p class="empty">{t('dashLoading')}</p>
      </main>
    );
  if (s.status === 'error')
    return (
      <main>
        {header}
        <p class="error" role="alert" data-testid="dash-error">
          {t('dashStorageError', [s.error])}
        </p>
      </main>
    );
  if (s.rows.length === 0)
    return (
      <main>
        {header}
        <p class="empty" data-testid="dash-empty">
          {t('dashEmpty')}
        </p>
      </main>
    );

  const at = now.value;
  const f = filter.value;
  const { rows } = s;
  const { platforms, shops } = facets(rows, f.platform);
  const summary = summarise(rows, f, at);
  const charted = filterRows(rows, f, lastDays(at, HISTORY_DAYS)).length > 0;
  const exportCsv = () =>
    download(
      csvFileName(at),
      metricsCsv(rows, f, at, {
        header: [t('dashDay'), t('filterPlatform'), t('filterShop'), t('dashRule'), t('dashMet'), t('dashMissed'), t('dashExcluded'), t('dashOpen'), t('dashRate'), t('dashThreshold'), t('dashMissesLeft')],
        platform: texts.platform,
        shop: texts.shop,
        metric: texts.metric,
      }),
    );

  return (
    <main>
      {header}
      <DashFilters filter={filter} platforms={platforms} shops={shops} texts={texts} onExport={exportCsv} />
      <TotalTiles totals={totals(rows, f, at)} texts={texts} />
      <section>
        <h2>{f.period === 'today' ? t('dashMetricsToday') : t('dashMetrics30Days')}</h2>
        <p class="note">{t('dashNote')}</p>
        {summary.length === 0 ? (
          <p class="empty" data-testid="dash-none-in-scope">
            {t('dashNoneInScope')}
          </p>
        ) : (
          <div class="scroll">
            <MetricsTable rows={summary} texts={texts} />
          </div>
        )}
      </section>
      {charted && <Charts rows={rows} filter={f} now={at} texts={texts} />}
      <details class="how">
        <summary>{t('dashHow')}</summary>
        <p>{t('dashHowReply')}</p>
        <p>{t('dashHowCases')}</p>
        <p>{t('dashHowAlerts')}</p>
      </details>
    </main>
  );
}

function Charts({ rows, filter, now, texts }: { rows: MetricDayRow[]; filter: DashboardFilter; now: number; texts: DashTexts }) {
  const { t } = texts;
  const rates = rateChart(rows, filter, now);
  const rateSeries: ChartSeries[] = rates.series.flatMap((s, i) => {
    const color = COLORS[i % COLORS.length]!;
    const label = `${texts.platform(s.platform)} ${texts.metric({ kind: 'reply', platform: s.platform, metric: s.ruleId })}`;
    const line: ChartSeries = { label, color, values: s.values };
    if (!s.passLine) return [line];
    const pass = s.passLine.value;
    return [line, { label: t('dashPassLineSeries', [label]), color, dash: [6, 4], values: rates.days.map(() => pass) }];
  });
  const alerts = alertChart(rows, filter, now);
  return (
    <section>
      <h2>{t('dashCharts')}</h2>
      {rateSeries.length > 0 && <DayChart testId="chart-rates" title={t('dashRateChart')} days={rates.days} series={rateSeries} percent />}
      <DayChart
        testId="chart-alerts"
        title={t('dashAlertChart')}
        days={alerts.days}
        series={[
          { label: t('dashAlertsFired'), color: '#e37400', bars: { align: -1 }, values: alerts.fired },
          { label: t('dashAlertsActed'), color: '#188038', bars: { align: 1 }, values: alerts.actedOn },
        ]}
      />
    </section>
  );
}
