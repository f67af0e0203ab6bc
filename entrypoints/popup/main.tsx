import { render } from 'preact';
import { signal } from '@preact/signals';
import { liveQuery } from 'dexie';
import { DegradedRows, ExemptionRows, type ExemptionNotice, type PopupTexts } from '@/components/popup/at-risk-list';
import { QueueFilters, QueueList } from '@/components/popup/queue-list';
import { HandoverView } from '@/components/popup/handover-view';
import { openCaseChecklist } from '@/components/sidepanel/open';
import { PLATFORM_IDS } from '@/lib/domain/platform';
import { checkBuyerMessage } from '@/lib/compliance';
import { activeExemptions, formatUntil } from '@/lib/rules/effective';
import { localeOf } from '@/lib/i18n';
import { loadRulePack } from '@/lib/rules/packs';
import { validateSettings } from '@/lib/settings/schema';
import { SETTINGS_KEY } from '@/lib/settings/provider';
import { KefuDB, type CaseRecord, type ConversationRecord, type DeadlineRecord, type TabRecord } from '@/lib/store/db';
import { atRiskRows } from '@/lib/tracker/at-risk';
import { STORE_ERROR_KEY } from '@/lib/messaging/session-keys';
import { suggestionsFor } from '@/lib/replies/for-page';
import type { InsertReply } from '@/lib/messaging/protocol';
import { buildQueue, NO_FILTER, queueFacets, type QueueFilter } from '@/lib/queue/queue';

const db = new KefuDB();
const locale = localeOf(browser.i18n.getUILanguage());
const t = (key: string, subs?: string[]) => browser.i18n.getMessage(key as never, subs) || key;
const texts: PopupTexts = {
  t,
  locale,
  ruleLabel(platform, ruleId) {
    const pack = loadRulePack(platform);
    return (pack.ok && pack.pack.replyRules.find((r) => r.id === ruleId)?.label[locale]) || ruleId;
  },
  suggest: (row) => suggestionsFor({ platform: row.platform, buyerMessages: row.preview ? [row.preview] : [], buyerNick: row.nick || null }),
  async insert(row, text, templateId) {
    const tabId = conversations.value.get(row.conversationId)?.tabId;
    if (tabId == null) return false;
    await browser.tabs.sendMessage(tabId, { type: 'reply/insert', text, templateId } satisfies InsertReply);
    await browser.tabs.update(tabId, { active: true });
    return true;
  },
  bait(row) {
    const [first] = row.preview ? checkBuyerMessage(row.preview, { platform: row.platform }) : [];
    return first ? { reason: first.reason, safeReply: first.safeReply } : null;
  },
};

const now = signal(Date.now());
const open = signal<DeadlineRecord[]>([]);
const conversations = signal(new Map<string, ConversationRecord>());
const tabs = signal<TabRecord[]>([]);
const cases = signal<CaseRecord[]>([]);
const error = signal<string | null>(null);
const filter = signal<QueueFilter>(NO_FILTER);
// The worker's last store failure (quota, a failed transaction), until a job succeeds again.
const storeError = signal<string | null>(null);
const readStoreError = (value: unknown) => (storeError.value = typeof value === 'object' && value && 'message' in value ? String((value as { message: unknown }).message) : null);
void browser.storage.session.get(STORE_ERROR_KEY).then((got) => readStoreError(got[STORE_ERROR_KEY]));
browser.storage.session.onChanged.addListener((changes) => {
  if (STORE_ERROR_KEY in changes) readStoreError(changes[STORE_ERROR_KEY]?.newValue);
});
const view = signal<'queue' | 'handover'>('queue');
const handoverHours = signal(8);
void db.settings.get(SETTINGS_KEY).then((stored) => {
  const parsed = stored ? validateSettings(stored.value) : null;
  if (parsed?.ok) handoverHours.value = parsed.settings.handoverHours;
});
const names = {
  platform: (id: string) => t(`platform_${id}`),
  shop: (_platform: string, shop: string) => (shop === 'default' ? t('defaultShop') : shop),
  rule: (platform: Parameters<PopupTexts['ruleLabel']>[0], ruleId: string) => texts.ruleLabel(platform, ruleId),
};
// Known before any click: the side panel must open while the click's user gesture lasts.
let windowId: number | undefined;
void browser.windows.getCurrent().then((w) => (windowId = w.id));
const openCase = (caseId: string) => {
  openCaseChecklist(caseId, { windowId })
    .then((how) => how !== 'tab' && window.close())
    .catch((e: unknown) => (error.value = String(e)));
};

liveQuery(async () => {
  const deadlines = await db.deadlines.where('[state+dueAt]').between(['open', -Infinity], ['open', Infinity]).toArray();
  const ids = [...new Set(deadlines.map((d) => d.conversationId))];
  const records = await db.conversations.bulkGet(ids);
  return { deadlines, records, tabs: await db.tabs.toArray(), cases: await db.cases.toArray() };
}).subscribe({
  next(value) {
    open.value = value.deadlines;
    conversations.value = new Map(value.records.filter((r): r is ConversationRecord => r !== undefined).map((r) => [r.id, r]));
    tabs.value = value.tabs;
    cases.value = value.cases;
    error.value = null;
  },
  error(e: unknown) {
    error.value = String(e);
  },
});
setInterval(() => (now.value = Date.now()), 1000);

function exemptionNotices(at: number): ExemptionNotice[] {
  return PLATFORM_IDS.flatMap((platform) => {
    const pack = loadRulePack(platform);
    if (!pack.ok) return [];
    return activeExemptions(pack.pack, at).map((e) => ({
      id: e.id,
      label: `${t(`platform_${platform}`)} ${e.label[locale]}`,
      effect: e.effect,
      until: formatUntil(e.to, pack.pack.utcOffsetMinutes),
    }));
  });
}

function Popup() {
  const chats = atRiskRows(open.value, conversations.value, now.value);
  const facets = queueFacets(chats, cases.value);
  return (
    <>
      <header>
        <h1>{t('popupTitle')}</h1>
        <button type="button" class="tab" data-testid="view-toggle" aria-pressed={view.value === 'handover'} onClick={() => (view.value = view.value === 'queue' ? 'handover' : 'queue')}>
          {t(view.value === 'queue' ? 'handoverOpen' : 'handoverClose')}
        </button>
      </header>
      <ul>
        {error.value && <li class="error">{t('popupStorageError', [error.value])}</li>}
        {storeError.value && (
          <li class="error" data-testid="store-error">
            {t('popupStoreFailed', [storeError.value])}
          </li>
        )}
        <DegradedRows tabs={tabs.value} texts={texts} />
        <ExemptionRows notices={exemptionNotices(now.value)} texts={texts} />
        {view.value === 'queue' ? (
          <>
            <QueueFilters filter={filter} platforms={facets.platforms} shops={facets.shops} texts={texts} />
            <QueueList items={buildQueue(chats, cases.value, now.value, filter.value)} now={now} texts={texts} onOpenCase={openCase} />
          </>
        ) : (
          <HandoverView items={buildQueue(chats, cases.value, now.value)} now={now} hours={handoverHours} texts={texts} names={names} onOpenCase={openCase} />
        )}
      </ul>
    </>
  );
}

render(<Popup />, document.getElementById('app')!);
