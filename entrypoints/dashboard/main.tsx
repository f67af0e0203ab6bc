import { render } from 'preact';
import { computed, signal } from '@preact/signals';
import { liveQuery } from 'dexie';
import { Dashboard, type DashState } from '@/components/dashboard/dashboard';
import { readDashboardData, rulesWithOverrides, type DashboardData } from '@/components/dashboard/data';
import { dashTexts } from '@/components/dashboard/texts';
import { downloadText } from '@/components/data/download';
import { localeOf, type Translate } from '@/lib/i18n';
import { ALL, historyRows, shopResolver, type DashboardFilter } from '@/lib/metrics/history';
import { loadRulePack } from '@/lib/rules/packs';
import { KefuDB } from '@/lib/store/db';

const db = new KefuDB();
const t: Translate = (key, subs) => browser.i18n.getMessage(key as never, subs) || key;
const locale = localeOf(browser.i18n.getUILanguage());
const texts = dashTexts(t, locale, loadRulePack);
document.title = t('dashTitle');
document.documentElement.lang = locale === 'zh_CN' ? 'zh-CN' : 'en';

const data = signal<DashboardData | null>(null);
const error = signal<string | null>(null);
const filter = signal<DashboardFilter>(ALL);
// Minute ticks: "today", overdue clocks and running stages move on without a reload.
const now = signal(Date.now());
setInterval(() => (now.value = Date.now()), 60_000);

liveQuery(() => readDashboardData(db)).subscribe({
  next(value) {
    data.value = value;
    error.value = null;
  },
  error: (e: unknown) => (error.value = String(e)),
});

const state = computed<DashState>(() => {
  if (error.value !== null) return { status: 'error', error: error.value };
  const d = data.value;
  if (!d) return { status: 'loading' };
  return { status: 'ready', rows: historyRows(d, rulesWithOverrides(d.overrides), now.value, shopResolver(d.shops)) };
});

const download = (filename: string, text: string) => downloadText(document, filename, text, 'text/csv');

render(<Dashboard state={state} filter={filter} now={now} texts={texts} download={download} />, document.getElementById('app')!);
