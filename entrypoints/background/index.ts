import { catalogTranslateFromBrowser } from './i18n';
import { openCaseChecklist } from '@/components/sidepanel/open';
import { chromeAlarms, chromeNotifier, NEXT_WARNING_ALARM } from './ports';
import { localeOf } from '@/lib/i18n';
import { answering } from '@/lib/messaging/answering';
import { ToBackground, type AftersaleUpdateReply, type ImportReply, type SuggestReply, type ChatUpdateReply, type DraftCheckReply, type SettingsReply } from '@/lib/messaging/protocol';
import { RulesProvider } from '@/lib/rules/provider';
import { KefuDB } from '@/lib/store/db';
import { auditEntry, recordAudit } from '@/lib/store/audit';
import { importAll } from '@/lib/store/backup';
import { suggestionsFor } from '@/lib/replies/for-page';
import { UserTemplates, USER_TEMPLATES_KEY } from '@/lib/replies/schema';
import { checkMessage } from '@/lib/compliance';
import { ShopLexiconProvider } from '@/lib/compliance/shop-lexicon';
import { SettingsProvider } from '@/lib/settings/provider';
import { contentSettings } from '@/lib/settings/schema';
import { serial } from '@/lib/tracker/serial';
import { withHealth } from '@/lib/tracker/job-health';
import { STORE_ERROR_KEY } from '@/lib/messaging/session-keys';
import { Tracker } from '@/lib/tracker/tracker';

export default defineBackground(() => {
  const db = new KefuDB();
  const rules = new RulesProvider(db);
  const lexicon = new ShopLexiconProvider(db);
  // Content scripts read their part (pre-send guard, platforms switched off) from storage.local.
  const settings = new SettingsProvider(db, (value) => browser.storage.local.set(contentSettings(value)));
  const notifier = chromeNotifier(() => settings.get().sound);
  const tracker = new Tracker({
    db,
    alarms: chromeAlarms,
    notifier,
    t: catalogTranslateFromBrowser,
    locale: localeOf(browser.i18n.getUILanguage()),
    rules: rules.rules,
    retentionDays: () => settings.get().retentionDays,
    offHours: () => settings.get().offHours,
    shopName: (platform) => settings.get().platforms[platform].shopName,
  });
  // A failing store is never silent: the badge and the popup say so until a job succeeds again.
  const run = withHealth(serial(), {
    async failed(error) {
      await browser.storage.session.set({ [STORE_ERROR_KEY]: { message: String(error), at: Date.now() } });
      await notifier.badge('!', '#d93025', catalogTranslateFromBrowser('badgeStoreError'));
    },
    async recovered() {
      await browser.storage.session.remove(STORE_ERROR_KEY);
      await tracker.refresh(Date.now());
    },
  });
  const report = (where: string) => (error: unknown) => console.error(`[kefu-guard] ${where}`, error);
  // The shop's rule overrides are read before any other job runs.
  void run(() => rules.load()).catch(report('load rule overrides'));
  void run(() => lexicon.load()).catch(report('load shop lexicon'));
  void run(() => settings.load()).catch(report('load settings'));

  // Listeners are registered synchronously so an event that wakes the worker is delivered.
  browser.runtime.onMessage.addListener(answering((raw, sender) => {
    const parsed = ToBackground.safeParse(raw);
    if (!parsed.success) return Promise.resolve<ChatUpdateReply>({ ok: false, error: `invalid message: ${parsed.error.message}` });
    const message = parsed.data;
    const tabId = sender.tab?.id ?? null;
    if (message.type === 'draft/check') {
      // Pure and fast (tens of µs): answered at once, outside the store queue.
      try {
        const findings = checkMessage(message.text, { platform: message.platform, lexicon: lexicon.lexicon() }).map(({ category, severity, start, end, reason, rewrite }) => ({ category, severity, start, end, reason, rewrite }));
        return Promise.resolve<DraftCheckReply>({ ok: true, findings });
      } catch (error) {
        return Promise.resolve<DraftCheckReply>({ ok: false, error: String(error) });
      }
    }
    if (message.type === 'case/open-checklist') {
      // Opened before anything is awaited: Chrome allows it only while the click's gesture lasts.
      return openCaseChecklist(message.caseRecordId, { tabId: tabId ?? undefined })
        .then((): SettingsReply => ({ ok: true }))
        .catch((error: unknown): SettingsReply => ({ ok: false, error: String(error) }));
    }
    if (message.type === 'settings/set') {
      return run(async () => {
        const result = await settings.set(message.settings, Date.now());
        if (result.ok) {
          await recordAudit(db, auditEntry(Date.now(), 'settings-changed', 'settings'));
          await tracker.refresh(Date.now());
        }
        return result satisfies SettingsReply;
      });
    }
    if (message.type === 'data/import') {
      return run(async (): Promise<ImportReply> => {
        const result = await importAll(db, message.json);
        if (!result.ok) return result;
        // Everything read from the store at start is read again from what was imported.
        await rules.load();
        await lexicon.load();
        await settings.load();
        await recordAudit(db, auditEntry(Date.now(), 'data-imported', 'backup', Object.entries(result.counts).map(([k, n]) => `${k}:${n}`).join(' ')));
        await tracker.afterImport(Date.now());
        return result;
      }).catch((error: unknown): ImportReply => ({ ok: false, error: String(error), location: '(store)' }));
    }
    if (message.type === 'audit/record') {
      return run(() => recordAudit(db, auditEntry(Date.now(), message.action, message.subject, message.detail, message.platform))).then((): SettingsReply => ({ ok: true }));
    }
    if (message.type === 'reply/suggest') {
      // A native promise: the reply must not be one of Dexie's own promise objects.
      const answer = async (): Promise<SuggestReply> => {
        const stored = await db.settings.get(USER_TEMPLATES_KEY);
        const mine = UserTemplates.safeParse(stored?.value ?? []);
        return { ok: true, suggestions: suggestionsFor(message, mine.success ? mine.data : []) };
      };
      return answer().catch((error: unknown): SuggestReply => ({ ok: false, error: String(error) }));
    }
    if (message.type === 'settings/set-lexicon') {
      return run(() => lexicon.set(message.lexicon, Date.now())).then((r): SettingsReply => r);
    }
    if (message.type === 'settings/set-rule-override') {
      return run(() => rules.setOverride(message.platform, message.ruleId, message.patch, Date.now())).then((r): SettingsReply => r);
    }
    if (message.type === 'settings/clear-rule-override') {
      return run(() => rules.clearOverride(message.platform, message.ruleId, Date.now())).then((): SettingsReply => ({ ok: true }));
    }
    if (message.type === 'aftersale/update') {
      return run(async () => {
        const { degraded, cases } = await tracker.onAftersaleUpdate(message, tabId, Date.now());
        return { ok: true, degraded, cases } satisfies AftersaleUpdateReply;
      }).catch((error: unknown): AftersaleUpdateReply => ({ ok: false, error: String(error) }));
    }
    if (message.type === 'page/seen') {
      return run(async () => {
        if (tabId !== null)
          await db.tabs.put({ tabId, platform: message.platform, shop: null, url: message.url, health: { missingSelectors: [], unparsedFields: [] }, degraded: false, recognised: true, note: message.note, updatedAt: Date.now() });
        await tracker.refresh(Date.now());
        return { ok: true } satisfies SettingsReply;
      });
    }
    if (message.type === 'page/unrecognised') {
      return run(async () => {
        if (tabId !== null)
          await db.tabs.put({ tabId, platform: null, shop: null, url: message.url, health: message.health, degraded: true, recognised: false, updatedAt: Date.now() });
        await tracker.refresh(Date.now());
        return { ok: true, deadlines: [], degraded: true } satisfies ChatUpdateReply;
      });
    }
    return run(() => tracker.onChatUpdate(message, tabId, Date.now()))
      .then((result): ChatUpdateReply => ({ ok: true, ...result }))
      .catch((error: unknown): ChatUpdateReply => {
        report('chat update')(error);
        return { ok: false, error: String(error) };
      });
  }));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === NEXT_WARNING_ALARM) void run(() => tracker.onAlarm(Date.now())).catch(report('alarm'));
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void run(() => tracker.onTabClosed(tabId, Date.now())).catch(report('tab closed'));
  });

  browser.notifications.onClicked.addListener((notificationId) => {
    void run(async () => {
      // A warning's id is its conversation's or case's record id: focus the tab that showed it.
      const shownIn = (await db.conversations.get(notificationId)) ?? (await db.cases.get(notificationId));
      await recordAudit(db, auditEntry(Date.now(), 'notification-clicked', notificationId, '', shownIn?.platform ?? null));
      if (shownIn?.tabId == null) return;
      const tab = await browser.tabs.update(shownIn.tabId, { active: true }).catch(() => null);
      if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
    }).catch(report('notification click'));
  });

  // The worker may have been dead through a deadline: fire what is due and re-arm.
  void run(() => tracker.resume(Date.now())).catch(report('resume'));
});
