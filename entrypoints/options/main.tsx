import { render } from 'preact';
import { computed, signal } from '@preact/signals';
import { liveQuery } from 'dexie';
import { BackupPanel } from '@/components/data/backup-panel';
import { LexiconSection } from '@/components/options/lexicon-section';
import { EMPTY_LEXICON } from '@/components/options/lexicon-model';
import { RulesSection } from '@/components/options/rules-section';
import { AlertsSection, GuardSection, PlatformsSection, RetentionSection } from '@/components/options/settings-section';
import { dexieTemplateStore } from '@/components/options/template-store';
import { failingList } from '@/components/options/templates-model';
import { TemplatesSection } from '@/components/options/templates-section';
import type { OptionTexts } from '@/components/options/common';
import { compileLexicon, defaultLexiconData, type CompiledLexicon } from '@/lib/compliance';
import { ShopLexicon, SHOP_LEXICON_KEY } from '@/lib/compliance/shop-lexicon';
import { localeOf } from '@/lib/i18n';
import { UserTemplates, USER_TEMPLATES_KEY, type ReplyTemplate } from '@/lib/replies/schema';
import { OVERRIDES_KEY, StoredOverrides } from '@/lib/rules/provider';
import { SETTINGS_KEY } from '@/lib/settings/provider';
import { DEFAULT_SETTINGS, validateSettings, type Settings } from '@/lib/settings/schema';
import { KefuDB } from '@/lib/store/db';

const db = new KefuDB();
const t = (key: string, subs?: string[]) => browser.i18n.getMessage(key as never, subs) || key;
const texts: OptionTexts = { t, locale: localeOf(browser.i18n.getUILanguage()) };
const send = (message: unknown) => browser.runtime.sendMessage(message);
const templateStore = dexieTemplateStore(db);
document.documentElement.lang = texts.locale === 'zh_CN' ? 'zh-CN' : 'en';
document.title = t('optTitle');

const loaded = signal(false);
const settings = signal<Settings>(DEFAULT_SETTINGS);
const overrides = signal<StoredOverrides>({});
const lexicon = signal<ShopLexicon>(EMPTY_LEXICON);
const compiled = signal<CompiledLexicon | undefined>(undefined);
const userTemplates = signal<ReplyTemplate[]>([]);
/** Stored values that failed validation: said plainly at the top, never silently replaced. */
const storedProblems = signal<string[]>([]);
const error = signal<string | null>(null);

// The shop's templates are re-checked whenever they, the shop's lexicon or the rules change.
const failing = computed(() => {
  void overrides.value;
  return failingList(userTemplates.value, compiled.value);
});

const issuesText = (issues: readonly { path: PropertyKey[]; message: string }[]) =>
  issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    .join('; ');

// Everything the page edits, read live: a change saved elsewhere (another tab, an import) shows at once.
liveQuery(() => db.settings.bulkGet([SETTINGS_KEY, OVERRIDES_KEY, SHOP_LEXICON_KEY, USER_TEMPLATES_KEY])).subscribe({
  next([s, o, l, u]) {
    const found: string[] = [];
    const checkedSettings = s ? validateSettings(s.value) : null;
    if (checkedSettings && !checkedSettings.ok) found.push(t('optStoredInvalid', [checkedSettings.errors.map((e) => `${e.path}: ${e.message}`).join('; ')]));
    settings.value = checkedSettings?.ok ? checkedSettings.settings : DEFAULT_SETTINGS;

    const checkedOverrides = StoredOverrides.safeParse(o?.value ?? {});
    if (!checkedOverrides.success) found.push(t('optStoredOverridesInvalid', [issuesText(checkedOverrides.error.issues)]));
    overrides.value = checkedOverrides.success ? checkedOverrides.data : {};

    const checkedLexicon = ShopLexicon.safeParse(l?.value ?? EMPTY_LEXICON);
    if (!checkedLexicon.success) found.push(t('optStoredLexiconInvalid', [issuesText(checkedLexicon.error.issues)]));
    lexicon.value = checkedLexicon.success ? checkedLexicon.data : EMPTY_LEXICON;
    try {
      compiled.value = checkedLexicon.success && l ? compileLexicon(defaultLexiconData(), checkedLexicon.data) : undefined;
    } catch (e) {
      compiled.value = undefined;
      found.push(t('optStoredLexiconInvalid', [String(e)]));
    }

    const checkedTemplates = UserTemplates.safeParse(u?.value ?? []);
    if (!checkedTemplates.success) found.push(t('optStoredTemplatesInvalid', [issuesText(checkedTemplates.error.issues)]));
    userTemplates.value = checkedTemplates.success ? checkedTemplates.data : [];

    storedProblems.value = found;
    loaded.value = true;
  },
  error: (e: unknown) => (error.value = String(e)),
});

const SECTIONS: [string, string][] = [
  ['platforms', t('optPlatforms')],
  ['alerts', t('optAlerts')],
  ['guard', t('optGuard')],
  ['rules', t('optRules')],
  ['lexicon', t('optLexicon')],
  ['templates', t('optTemplates')],
  ['retention', t('optRetentionTitle')],
];

function Options() {
  return (
    <>
      <header>
        <h1>{t('optTitle')}</h1>
        <nav aria-label={t('optSectionsNav')}>
          <ul>
            {SECTIONS.map(([id, title]) => (
              <li key={id}>
                <a href={`#${id}`}>{title}</a>
              </li>
            ))}
            <li>
              <a href="/dashboard.html">{t('optDashboardLink')}</a>
            </li>
          </ul>
        </nav>
      </header>
      <main>
        {error.value && (
          <p class="status error" role="alert">
            {t('optReadError', [error.value])}
          </p>
        )}
        {storedProblems.value.map((p) => (
          <p class="warning" role="alert" data-testid="stored-invalid" key={p}>
            {p}
          </p>
        ))}
        {!loaded.value && !error.value && <p class="hint">{t('optLoading')}</p>}
        {loaded.value && (
          <>
            <PlatformsSection settings={settings} texts={texts} send={send} />
            <AlertsSection settings={settings} texts={texts} send={send} />
            <GuardSection settings={settings} texts={texts} send={send} />
            <RulesSection overrides={overrides} texts={texts} send={send} />
            <LexiconSection lexicon={lexicon} texts={texts} send={send} />
            <TemplatesSection userTemplates={userTemplates} lexicon={compiled} failing={failing} store={templateStore} texts={texts} />
            <RetentionSection settings={settings} texts={texts} send={send}>
              <h3>{t('optData')}</h3>
              <BackupPanel db={db} texts={texts} send={send} />
            </RetentionSection>
          </>
        )}
      </main>
    </>
  );
}

render(<Options />, document.getElementById('app')!);
