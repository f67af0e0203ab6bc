// @vitest-environment happy-dom
import { render } from 'preact';
import { signal } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChartSeries } from '@/components/dashboard/chart';
import { Dashboard, type DashState } from '@/components/dashboard/dashboard';
import { dashTexts } from '@/components/dashboard/texts';
import { ALL, historyRows, shopResolver, type DashboardFilter } from '@/lib/metrics/history';
import { loadRulePack } from '@/lib/rules/packs';
import * as seed from './seed';
import { translator } from '../helpers';

// uPlot needs a real canvas; here the charts only report what they were given.
const charts = new Map<string, { title: string; days: string[]; series: ChartSeries[]; percent?: boolean }>();
vi.mock('@/components/dashboard/chart', () => ({
  DayChart(props: { testId: string; title: string; days: string[]; series: ChartSeries[]; percent?: boolean }) {
    charts.set(props.testId, props);
    return <div class="chart" data-testid={props.testId} />;
  },
}));

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
const HOSTILE = '<img src=x onerror="window.__pwned=1">店';

let host: HTMLElement;
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  charts.clear();
});
afterEach(() => {
  render(null, host);
  host.remove();
});

function mount(initial: DashState, locale: 'zh_CN' | 'en' = 'zh_CN') {
  const state = signal<DashState>(initial);
  const filter = signal<DashboardFilter>(ALL);
  const now = signal(seed.NOW);
  const downloads: { filename: string; text: string }[] = [];
  const texts = dashTexts(translator(locale), locale, loadRulePack);
  render(<Dashboard state={state} filter={filter} now={now} texts={texts} download={(filename, text) => downloads.push({ filename, text })} />, host);
  return { state, filter, now, downloads };
}

const ready = (): DashState => ({
  status: 'ready',
  rows: historyRows({ deadlines: seed.deadlines, warnings: seed.warnings, cases: seed.cases }, loadRulePack, seed.NOW, shopResolver(seed.shops)),
});
const $ = (selector: string) => host.querySelector<HTMLElement>(selector);
const $$ = (selector: string) => [...host.querySelectorAll<HTMLElement>(selector)];
const cells = (tr: HTMLElement | null) => [...(tr?.querySelectorAll('td') ?? [])].map((td) => td.textContent);
const row = (kind: string, platform: string, shop: string, metric = kind) => $(`[data-testid="dash-metrics"] tr[data-kind="${kind}"][data-platform="${platform}"][data-metric="${metric}"][data-shop="${shop}"]`);
function choose(testId: string, value: string) {
  const select = $(`[data-testid="${testId}"]`) as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('dashboard page', () => {
  it('loading, then a storage error, then the empty state when nothing is stored', async () => {
    const { state } = mount({ status: 'loading' });
    expect(host.textContent).toContain('正在读取本地数据');
    state.value = { status: 'error', error: 'QuotaExceededError' };
    await settle();
    expect($('[data-testid="dash-error"]')?.textContent).toBe('无法读取本地数据：QuotaExceededError');
    state.value = { status: 'ready', rows: [] };
    await settle();
    expect($('[data-testid="dash-empty"]')?.textContent).toContain('还没有历史数据');
    expect($('[data-testid="dash-metrics"]')).toBeNull();
    expect(charts.size).toBe(0);
  });

  it('a table of every metric over 30 days with pass line and today’s misses left', async () => {
    mount(ready());
    await settle();
    expect($$('[data-testid="dash-metrics"] th').map((th) => th.textContent)).toEqual(['平台', '店铺', '指标', '按时', '超时', '不计入', '进行中', '达标率', '及格线', '今天还可超时']);
    expect(cells(row('reply', 'pdd', '旗舰店', seed.VALID))).toEqual(['拼多多', '旗舰店', '有效回复率（60分钟）', '14', '6', '1', '1', '70.0%', '≥50.0%/天', '5样本 12/100']);
    expect(row('reply', 'pdd', '旗舰店', seed.VALID)?.querySelector('[data-col="misses-left"] .value')?.textContent).toBe('5');
    expect(row('reply', 'pdd', '旗舰店', seed.VALID)?.querySelectorAll('td')[4]?.getAttribute('title')).toBe('其中 1 个已过时限仍未回复');
    expect(cells(row('reply', 'pdd', '旗舰店', seed.HUMAN))).toEqual(['拼多多', '旗舰店', '3分钟人工回复率', '1', '1', '0', '0', '50.0%', '–', '–']);
    // Kuaishou's weekly pass line; today 2 of 2 in time, so the next miss already fails the day.
    expect(cells(row('reply', 'kuaishou', seed.KS_SHOP, seed.KS_RULE))).toEqual(['快手小店', '快手:一店', '商户客服3分钟回复率', '9', '3', '0', '0', '75.0%', '≥70.0%/周', '0']);
    expect(cells(row('aftersale', 'pdd', 'default'))).toEqual(['拼多多', '当前店铺', '售后按时处理', '0', '1', '0', '0', '0.0%', '–', '–']);
    expect(cells(row('alerts', 'pdd', '旗舰店'))).toEqual(['拼多多', '旗舰店', '提醒后及时处理', '2', '3', '1', '1', '40.0%', '–', '–']);
    expect($('[data-testid="tile-cases-on-time"] .value')?.textContent).toBe('1');
    expect($('[data-testid="tile-cases-late"]')?.textContent).toBe('售后超时2另有 1 个截止时页面未打开，无法判断');
    expect($('[data-testid="tile-alerts-fired"] .value')?.textContent).toBe('11');
    expect($('[data-testid="tile-alerts-acted"]')?.textContent).toBe('提醒后及时处理218.2%');
  });

  it('30-day charts: a line per rule with its pass line dashed, alerts shown vs acted on', async () => {
    mount(ready());
    await settle();
    const rates = charts.get('chart-rates')!;
    expect(rates.percent).toBe(true);
    expect(rates.days).toHaveLength(30);
    expect(rates.series.map((s) => [s.label, s.dash ?? null])).toEqual([
      ['快手小店 商户客服3分钟回复率', null],
      ['及格线 · 快手小店 商户客服3分钟回复率', [6, 4]],
      ['拼多多 3分钟人工回复率', null],
      ['拼多多 有效回复率（60分钟）', null],
      ['及格线 · 拼多多 有效回复率（60分钟）', [6, 4]],
    ]);
    const alerts = charts.get('chart-alerts')!;
    expect(alerts.series.map((s) => [s.label, s.values.slice(-3)])).toEqual([
      ['已发出提醒', [1, 1, 9]],
      ['提醒后及时处理', [1, 0, 1]],
    ]);
  });

  it('period, platform and shop filters', async () => {
    const { filter } = mount(ready());
    await settle();
    ($('[data-testid="dash-period"] [data-period="today"]') as HTMLButtonElement).click();
    await settle();
    expect(filter.value.period).toBe('today');
    expect($('[data-testid="dash-period"] [data-period="today"]')?.getAttribute('aria-checked')).toBe('true');
    expect(cells(row('reply', 'pdd', '旗舰店', seed.VALID)).slice(3, 8)).toEqual(['8', '3', '0', '1', '72.7%']);
    expect(host.querySelector('section h2')?.textContent).toBe('今天的指标');

    choose('dash-platform', 'pdd');
    await settle();
    expect($$('[data-testid="dash-shop"] option').map((o) => o.textContent)).toEqual(['全部店铺', '当前店铺', '旗舰店']);
    expect($$('[data-testid="dash-metrics"] tbody tr').every((tr) => tr.dataset.platform === 'pdd')).toBe(true);
    choose('dash-shop', 'default');
    await settle();
    expect($$('[data-testid="dash-metrics"] tbody tr').map((tr) => `${tr.dataset.kind}:${tr.dataset.shop}`)).toEqual(['reply:default', 'aftersale:default', 'alerts:default']);
    // Changing the platform drops a shop that may not exist there.
    choose('dash-platform', 'kuaishou');
    await settle();
    expect(filter.value).toEqual({ period: 'today', platform: 'kuaishou', shop: 'all' });
  });

  it('a filter with nothing in it says so and keeps the filters', async () => {
    const { filter, now } = mount(ready());
    now.value = seed.NOW + 2 * 86_400_000;
    filter.value = { ...ALL, period: 'today' };
    await settle();
    expect($('[data-testid="dash-none-in-scope"]')?.textContent).toBe('所选时段、平台和店铺没有数据。');
    expect($('[data-testid="dash-period"]')).not.toBeNull();
    expect(charts.has('chart-alerts')).toBe(true); // the 30 days still hold data
  });

  it('exports what the filters select as CSV through the download port', async () => {
    const { downloads } = mount(ready());
    await settle();
    choose('dash-platform', 'pdd');
    await settle();
    ($('[data-testid="dash-csv"]') as HTMLButtonElement).click();
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.filename).toBe('kefu-guard-metrics-20261124-1500.csv');
    const lines = downloads[0]!.text.split('\r\n');
    expect(lines[0]).toBe('\uFEFF日期,平台,店铺,指标,按时,超时,不计入,进行中,达标率,及格线,今天还可超时');
    expect(lines).toContain('2026-11-24,拼多多,旗舰店,有效回复率（60分钟）,8,3,0,1,0.7273,0.5000,5');
    expect(downloads[0]!.text).not.toContain('快手');
  });

  it('stored strings are text, never markup', async () => {
    const evil = { ...seed.metClock, id: 'evil', conversationId: `pdd:${HOSTILE}:b1` };
    mount({ status: 'ready', rows: historyRows({ deadlines: [evil], warnings: [], cases: [] }, loadRulePack, seed.NOW, shopResolver([['pdd', HOSTILE]])) });
    await settle();
    expect($('[data-testid="dash-metrics"] tbody td:nth-child(2)')?.textContent).toBe(HOSTILE);
    expect(host.querySelector('img')).toBeNull();
    expect($$('[data-testid="dash-shop"] option').map((o) => o.textContent)).toContain(HOSTILE);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('English UI', async () => {
    mount(ready(), 'en');
    await settle();
    expect($('h1')?.textContent).toBe('Kefu Guard · Dashboard');
    expect(cells(row('reply', 'pdd', '旗舰店', seed.VALID)).slice(0, 3)).toEqual(['Pinduoduo', '旗舰店', 'Effective reply rate (60 minutes)']);
    expect(row('reply', 'kuaishou', seed.KS_SHOP, seed.KS_RULE)?.querySelector('[data-col="pass-line"]')?.textContent).toBe('≥70.0% per week');
  });
});
