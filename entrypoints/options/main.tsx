import { render } from 'preact';
import { signal } from '@preact/signals';
import { liveQuery } from 'dexie';
import { BackupPanel } from '@/components/data/backup-panel';
import { LexiconSection } from '@/components/options/lexicon-section';
import { RulesSection } from '@/components/options/rules-section';
import { SettingsSection } from '@/components/options/settings-section';
import { TemplatesSection } from '@/components/options/templates-section';
import { Section, type OptionTexts } from '@/components/options/common';
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

const loaded = signal(false);
const settings = signal<Settings>(DEFAULT_SETTINGS);
const overrides = signal<StoredOverrides>({});
const lexicon = signal<ShopLexicon>({ add: {}, remove: {}, allow: {} });
const compiled = signal<CompiledLexicon | undefined>(undefined);
const userTemplates = signal<ReplyTemplate[]>([]);
const problems = signal<string[]>([]);
const error = signal<string | null>(null);

// Everything the page edits, read live: a change saved elsewhere (or imported) shows at once.
liveQuery(() => db.settings.bulkGet([SETTINGS_KEY, OVERRIDES_KEY, SHOP_LEXICON_KEY, USER_TEMPLATES_KEY])).subscribe({
  next([s, o, l, u]) {
    const found: string[] = [];
    const checked = s ? validateSettings(s.value) : null;
    if (checked && !checked.ok) found.push(t('optStoredInvalid', [checked.errors.map((e) => `${e.path}: ${e.message}`).join('; ')]));
    settings.value = checked?.ok ? checked.settings : DEFAULT_SETTINGS;
    const o2 = StoredOverrides.safeParse(o?.value ?? {});
    overrides.value = o2.success ? o2.data : {};
    const l2 = ShopLexicon.safeParse(l?.value ?? { add: {}, remove: {}, allow: {} });
    lexicon.value = l2.success ? l2.data : { add: {}, remove: {}, allow: {} };
    compiled.value = l2.success && l ? compileLexicon(defaultLexiconData(), l2.data) : undefined;
    const u2 = UserTemplates.safeParse(u?.value ?? []);
    if (!u2.success) found.push(t('optStoredInvalid', [u2.error.issues[0]?.message ?? '']));
    userTemplates.value = u2.success ? u2.data : [];
    problems.value = found;
    loaded.value = true;
  },
  error: (e: unknown) => (error.value = String(e)),
});

async function saveTemplates(templates: ReplyTemplate[]): Promise<void> {
  await db.settings.put({ key: USER_TEMPLATES_KEY, value: UserTemplates.parse(templates), updatedAt: Date.now() });
}

function Options() {
  return (
    <main>
      <h1>{t('optTitle')}</h1>
      <nav>
        <a href="/dashboard.html">{t('optDashboardLink')}</a>
      </nav>
      {error.value && <p class="status error">{t('popupStorageError', [error.value])}</p>}
      {problems.value.map((p) => (
        <p class="warning" key={p}>
          {p}
        </p>
      ))}
      {loaded.value && (
        <>
          <SettingsSection settings={settings} texts={texts} send={send} />
          <RulesSection overrides={overrides} texts={texts} send={send} />
          <LexiconSection lexicon={lexicon} texts={texts} send={send} />
          <TemplatesSection userTemplates={userTemplates} lexicon={compiled} texts={texts} save={saveTemplates} />
          <Section id="data" title={t('optData')}>
            <BackupPanel db={db} texts={texts} send={send} />
          </Section>
        </>
      )}
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
