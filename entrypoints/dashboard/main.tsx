import { render } from 'preact';
import { signal } from '@preact/signals';
import Dexie, { liveQuery } from 'dexie';
import { DayChart } from '@/components/dashboard/chart';
import { downloadText, stamp } from '@/components/data/download';
import { PLATFORM_IDS, type PlatformId } from '@/lib/domain/platform';
import { localeOf } from '@/lib/i18n';
import { alertDays, caseDays, lastDays, localDay, replyDays, toCsv, type ReplyDay } from '@/lib/metrics/history';
import { loadRulePack } from '@/lib/rules/packs';
import { KefuDB, type CaseRecord, type DeadlineRecord, type WarningRecord } from '@/lib/store/db';

const db = new KefuDB();
const locale = localeOf(browser.i18n.getUILanguage());
const t = (key: string, subs?: string[]) => browser.i18n.getMessage(key as never, subs) || key;
const COLORS = ['#1a73e8', '#d93025', '#188038', '#e37400', '#9334e6', '#12b5cb', '#5f6368'];

const data = signal<{ deadlines: DeadlineRecord[]; warnings: WarningRecord[]; cases: CaseRecord[] } | null>(null);
const error = signal<string | null>(null);
const period = signal<'today' | '30d'>('30d');
const platform = signal<PlatformId | 'all'>('all');
const shop = signal<string>('all');

liveQuery(async () => ({ deadlines: await db.deadlines.toArray(), warnings: await db.warnings.where('[state+warnAt]').between(['fired', Dexie.minKey], ['fired', Dexie.maxKey]).toArray(), cases: await db.cases.toArray() })).subscribe({
  next: (value) => (data.value = value),
  error: (e: unknown) => (error.value = String(e)),
});

const ruleLabel = (p: PlatformId, id: string) => {
  const pack = loadRulePack(p);
  return (pack.ok && pack.pack.replyRules.find((r) => r.id === id)?.label[locale]) || id;
};
const shopLabel = (s: string) => (s === 'default' ? t('defaultShop') : s);
const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)}%`);

/** One row per platform + shop + rule over the period; misses left are today's. */
function summarise(rows: ReplyDay[], today: string) {
  const byKey = new Map<string, { platform: PlatformId; shop: string; ruleId: string; met: number; missed: number; threshold: number | null; missesLeftToday: number | null }>();
  for (const r of rows) {
    const key = `${r.platform}|${r.shop}|${r.ruleId}`;
    const s = byKey.get(key) ?? { platform: r.platform, shop: r.shop, ruleId: r.ruleId, met: 0, missed: 0, threshold: r.threshold, missesLeftToday: null };
    s.met += r.met;
    s.missed += r.missed;
    if (r.day === today) s.missesLeftToday = r.missesLeft;
    byKey.set(key, s);
  }
  return [...byKey.values()];
}

function Dashboard() {
  const now = Date.now();
  const today = localDay(now);
  const days = period.value === 'today' ? [today] : lastDays(now, 30);
  const inScope = <T extends { day: string; platform: PlatformId; shop: string }>(rows: T[]) =>
    rows.filter((r) => days.includes(r.day) && (platform.value === 'all' || r.platform === platform.value) && (shop.value === 'all' || r.shop === shop.value));
  const d = data.value;
  if (error.value) return <main class="empty">{t('popupStorageError', [error.value])}</main>;
  if (!d) return <main class="empty">…</main>;
  const allReply = replyDays(d.deadlines, loadRulePack);
  const reply = inScope(allReply);
  const cases = inScope(caseDays(d.cases, now));
  const alerts = inScope(alertDays(d.warnings, new Map(d.deadlines.map((x) => [x.id, x])), new Map(d.cases.map((x) => [x.id, x]))));
  const shops = [...new Set(allReply.map((r) => r.shop))].sort();
  const summary = summarise(reply, today);
  const ruleKeys = [...new Set(reply.map((r) => `${r.platform}|${r.ruleId}`))];
  const rateSeries = ruleKeys.map((key, i) => {
    const [p, ruleId] = key.split('|') as [PlatformId, string];
    return {
      label: `${t(`platform_${p}`)} ${ruleLabel(p, ruleId)}`,
      color: COLORS[i % COLORS.length]!,
      values: days.map((day) => {
        const rows = reply.filter((r) => r.day === day && r.platform === p && r.ruleId === ruleId);
        const met = rows.reduce((n, r) => n + r.met, 0);
        const decided = rows.reduce((n, r) => n + r.met + r.missed, 0);
        return decided === 0 ? null : met / decided;
      }),
    };
  });
  const sumBy = (rows: typeof alerts, field: 'fired' | 'actedOn', day: string) => rows.filter((r) => r.day === day).reduce((n, r) => n + r[field], 0);

  const exportCsv = () => {
    const csv = toCsv(
      [t('dashDay'), t('filterPlatform'), t('filterShop'), t('dashRule'), t('dashMet'), t('dashMissed'), t('dashNotAssessed'), t('dashRate'), t('dashThreshold'), t('dashMissesLeft')],
      reply.map((r) => [r.day, t(`platform_${r.platform}`), shopLabel(r.shop), ruleLabel(r.platform, r.ruleId), r.met, r.missed, r.notAssessed, r.rate === null ? null : r.rate.toFixed(4), r.threshold, r.missesLeft]),
    );
    downloadText(document, `kefu-guard-metrics-${stamp(now)}.csv`, csv, 'text/csv');
  };

  return (
    <main>
      <h1>{t('dashTitle')}</h1>
      <div class="filters">
        <select data-testid="dash-period" value={period.value} onChange={(e) => (period.value = e.currentTarget.value as 'today' | '30d')}>
          <option value="today">{t('dashToday')}</option>
          <option value="30d">{t('dash30Days')}</option>
        </select>
        <select data-testid="dash-platform" value={platform.value} onChange={(e) => (platform.value = e.currentTarget.value as PlatformId | 'all')}>
          <option value="all">{t('filterAllPlatforms')}</option>
          {PLATFORM_IDS.map((p) => (
            <option key={p} value={p}>
              {t(`platform_${p}`)}
            </option>
          ))}
        </select>
        <select data-testid="dash-shop" value={shop.value} onChange={(e) => (shop.value = e.currentTarget.value)}>
          <option value="all">{t('filterAllShops')}</option>
          {shops.map((s) => (
            <option key={s} value={s}>
              {shopLabel(s)}
            </option>
          ))}
        </select>
        <button type="button" data-testid="dash-csv" onClick={exportCsv}>
          {t('dashCsv')}
        </button>
      </div>
      {summary.length === 0 && cases.length === 0 && alerts.length === 0 ? (
        <p class="empty" data-testid="dash-empty">{t('dashEmpty')}</p>
      ) : (
        <>
          <section>
            <h2>{t('dashReplyMetrics')}</h2>
            <p class="note">{t('dashNote')}</p>
            <table data-testid="dash-metrics">
              <thead>
                <tr>
                  <th>{t('filterPlatform')}</th>
                  <th>{t('filterShop')}</th>
                  <th>{t('dashRule')}</th>
                  <th>{t('dashMet')}</th>
                  <th>{t('dashMissed')}</th>
                  <th>{t('dashRate')}</th>
                  <th>{t('dashThreshold')}</th>
                  <th>{t('dashMissesLeft')}</th>
                </tr>
              </thead>
              <tbody>
                {summary.map((s) => {
                  const rate = s.met + s.missed === 0 ? null : s.met / (s.met + s.missed);
                  return (
                    <tr key={`${s.platform}|${s.shop}|${s.ruleId}`} data-rule={s.ruleId} data-shop={s.shop}>
                      <td>{t(`platform_${s.platform}`)}</td>
                      <td>{shopLabel(s.shop)}</td>
                      <td>{ruleLabel(s.platform, s.ruleId)}</td>
                      <td>{s.met}</td>
                      <td>{s.missed}</td>
                      <td class={s.threshold !== null && rate !== null && rate < s.threshold ? 'fail' : ''}>{pct(rate)}</td>
                      <td>{s.threshold === null ? '–' : pct(s.threshold)}</td>
                      <td>{s.missesLeftToday ?? '–'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <DayChart testId="chart-rates" title={t('dashRateChart')} days={days} series={rateSeries} percent />
          </section>
          <section>
            <h2>{t('dashCasesAlerts')}</h2>
            <table data-testid="dash-cases">
              <tbody>
                <tr>
                  <td>{t('dashCasesOnTime')}</td>
                  <td>{cases.reduce((n, c) => n + c.onTime, 0)}</td>
                  <td>{t('dashCasesLate')}</td>
                  <td>{cases.reduce((n, c) => n + c.late, 0)}</td>
                </tr>
                <tr>
                  <td>{t('dashAlertsFired')}</td>
                  <td>{alerts.reduce((n, a) => n + a.fired, 0)}</td>
                  <td>{t('dashAlertsActed')}</td>
                  <td>{alerts.reduce((n, a) => n + a.actedOn, 0)}</td>
                </tr>
              </tbody>
            </table>
            <DayChart
              testId="chart-alerts"
              title={t('dashAlertChart')}
              days={days}
              series={[
                { label: t('dashAlertsFired'), color: '#e37400', bars: true, values: days.map((day) => sumBy(alerts, 'fired', day)) },
                { label: t('dashAlertsActed'), color: '#188038', bars: true, values: days.map((day) => sumBy(alerts, 'actedOn', day)) },
              ]}
            />
          </section>
        </>
      )}
    </main>
  );
}

render(<Dashboard />, document.getElementById('app')!);
