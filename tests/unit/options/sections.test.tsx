// @vitest-environment happy-dom
import { render } from 'preact';
import { signal } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OptionTexts } from '@/components/options/common';
import { LexiconSection } from '@/components/options/lexicon-section';
import { RulesSection } from '@/components/options/rules-section';
import { AlertsSection, GuardSection, PlatformsSection, RetentionSection } from '@/components/options/settings-section';
import type { TemplateStore } from '@/components/options/template-store';
import { failingList } from '@/components/options/templates-model';
import { TemplatesSection } from '@/components/options/templates-section';
import { compileLexicon, defaultLexiconData, type CompiledLexicon } from '@/lib/compliance';
import type { ShopLexicon } from '@/lib/compliance/shop-lexicon';
import type { ReplyTemplate } from '@/lib/replies/schema';
import type { StoredOverrides } from '@/lib/rules/provider';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/schema';

/** Keys stand for the texts (the catalogs are merged separately); substitutions are shown after a colon. */
const texts: OptionTexts = { t: (key, subs = []) => (subs.length > 0 ? `${key}:${subs.join('|')}` : key), locale: 'zh_CN' };
const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 5));
};

let host: HTMLElement;
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
});

const $ = <T extends Element = HTMLElement>(selector: string, root: ParentNode = host) => {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found as T;
};
const byTestId = <T extends Element = HTMLElement>(id: string, root: ParentNode = host) => $<T>(`[data-testid="${id}"]`, root);
const type = (el: HTMLInputElement | HTMLTextAreaElement, value: string) => {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
};
const toggle = (el: HTMLInputElement, checked: boolean) => {
  el.checked = checked;
  el.dispatchEvent(new Event('change', { bubbles: true }));
};
const submit = (button: HTMLElement) => {
  button.closest('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
};

function settingsPage(...replies: unknown[]) {
  const reply = replies.length > 0 ? replies[0] : { ok: true };
  const settings = signal<Settings>(DEFAULT_SETTINGS);
  const send = vi.fn(async (_message: unknown) => reply);
  render(
    <>
      <PlatformsSection settings={settings} texts={texts} send={send} />
      <AlertsSection settings={settings} texts={texts} send={send} />
      <GuardSection settings={settings} texts={texts} send={send} />
      <RetentionSection settings={settings} texts={texts} send={send} />
    </>,
    host,
  );
  return { settings, send };
}

describe('settings sections', () => {
  it('a section saves the stored value with only its own change, and says it is saved', async () => {
    const { settings, send } = settingsPage();
    toggle(byTestId<HTMLInputElement>('pre-send-guard'), false);
    toggle(byTestId<HTMLInputElement>('enabled-jd'), false); // another section, not saved with this one
    await settle();
    expect(byTestId('status-guard').textContent).toBe('optUnsaved');
    submit(byTestId('save-guard'));
    await settle();
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]![0]).toEqual({ type: 'settings/set', settings: { ...DEFAULT_SETTINGS, preSendGuard: false } });
    expect(byTestId('status-guard').textContent).toBe('optSaved');

    // The store reports the saved value back: the form keeps showing it, the other section's edit survives.
    settings.value = { ...DEFAULT_SETTINGS, preSendGuard: false };
    await settle();
    expect(byTestId<HTMLInputElement>('pre-send-guard').checked).toBe(false);
    expect(byTestId<HTMLInputElement>('enabled-jd').checked).toBe(false);
    expect(byTestId('status-platforms').textContent).toBe('optUnsaved');
    submit(byTestId('save-platforms'));
    await settle();
    const saved = (send.mock.calls[1]![0] as { settings: Settings }).settings;
    expect(saved.platforms.jd.enabled).toBe(false);
    expect(saved.preSendGuard).toBe(false);
  });

  it('a bad time is named next to its field and nothing is sent', async () => {
    const { send } = settingsPage();
    const from = byTestId<HTMLInputElement>('off-hours-from');
    type(from, '25:00');
    await settle();
    submit(byTestId('save-alerts'));
    await settle();
    expect(send).not.toHaveBeenCalled();
    expect(byTestId('error-offHours.from').textContent).toBe('optErrTime');
    expect(from.getAttribute('aria-invalid')).toBe('true');
    expect(from.getAttribute('aria-describedby')).toBe(byTestId('error-offHours.from').id);
    expect(byTestId('status-alerts').textContent).toBe('optFixFields:1');
  });

  it('the urgent threshold is edited in minutes or hours and sent in milliseconds', async () => {
    const { send } = settingsPage();
    type(byTestId<HTMLInputElement>('urgent-within'), '30');
    const unit = byTestId<HTMLSelectElement>('urgent-within-unit');
    unit.value = 'm';
    unit.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    submit(byTestId('save-alerts'));
    await settle();
    expect((send.mock.calls[0]![0] as { settings: Settings }).settings.offHours.urgentWithinMs).toBe(1_800_000);
  });

  it('field errors the background returns are shown next to the field', async () => {
    const { send } = settingsPage({ ok: false, error: 'retentionDays: 太长', fields: [{ path: 'retentionDays', message: '太长' }] });
    type(byTestId<HTMLInputElement>('retention-days'), '90');
    await settle();
    submit(byTestId('save-retention'));
    await settle();
    expect(send).toHaveBeenCalledTimes(1);
    expect(byTestId('error-retentionDays').textContent).toBe('太长');
    expect(byTestId('status-retention').textContent).toBe('optNotSaved:retentionDays: 太长');
  });

  it('an unexpected reply is an error, not a save', async () => {
    settingsPage(undefined);
    toggle(byTestId<HTMLInputElement>('sound'), true);
    await settle();
    submit(byTestId('save-alerts'));
    await settle();
    expect(byTestId('status-alerts').textContent).toContain('optNotSaved:unexpected reply');
  });

  it('every input has a label, in every section', async () => {
    settingsPage();
    const more = document.createElement('div');
    host.append(more);
    render(
      <>
        <RulesSection overrides={signal({ pdd: { 'pdd.aftersale.confirm_return': { warnBeforeMs: [3_600_000] } } })} texts={texts} send={vi.fn()} />
        <LexiconSection lexicon={signal<ShopLexicon>({ add: {}, remove: {}, allow: {} })} texts={texts} send={vi.fn()} />
        <TemplatesSection
          userTemplates={signal<ReplyTemplate[]>([])}
          lexicon={signal(undefined)}
          failing={signal([])}
          store={{ save: vi.fn(), remove: vi.fn() }}
          texts={texts}
        />
      </>,
      more,
    );
    byTestId('duplicate-template').click();
    await settle();
    type(byTestId<HTMLTextAreaElement>('template-text'), '{buyerNick}您好，订单{orderId}');
    await settle();
    expect(host.querySelectorAll('input, select, textarea').length).toBeGreaterThan(50);
    for (const input of host.querySelectorAll('input, select, textarea')) {
      const labelled = input.getAttribute('aria-label') || input.closest('label') || (input.id && host.querySelector(`label[for="${input.id}"]`));
      expect(labelled, input.outerHTML).toBeTruthy();
    }
    render(null, more);
  });
});

describe('rules section', () => {
  const ALL_DAY = { window: { start: '00:00', end: '24:00' } };

  it('a ladder in agent notation is saved as the rule override, keeping what it already set, and the table follows', async () => {
    const overrides = signal<StoredOverrides>({ pdd: { 'pdd.reply.human_3min': ALL_DAY } });
    const send = vi.fn(async (_message: unknown) => ({ ok: true }));
    render(<RulesSection overrides={overrides} texts={texts} send={send} />, host);
    const editor = $('[data-testid="rule-editor"][data-rule="pdd.reply.human_3min"]');
    expect(byTestId<HTMLInputElement>('ladder', editor).value).toBe('30s');
    type(byTestId<HTMLInputElement>('ladder', editor), '90s, 1m');
    await settle();
    submit(byTestId('save-rule', editor));
    await settle();
    expect(send.mock.calls[0]![0]).toEqual({ type: 'settings/set-rule-override', platform: 'pdd', ruleId: 'pdd.reply.human_3min', patch: { ...ALL_DAY, warnBeforeMs: [90_000, 60_000] } });
    expect(byTestId('status-rule', editor).textContent).toBe('optSaved');

    overrides.value = { pdd: { 'pdd.reply.human_3min': { ...ALL_DAY, warnBeforeMs: [90_000, 60_000] } } };
    await settle();
    const row = $('[data-testid="rules-table"] tr[data-rule="pdd.reply.human_3min"]');
    expect(byTestId('rule-ladder', row).textContent).toBe('90秒、1分钟');
    expect(row.textContent).toContain('optAdjusted');
    expect(byTestId<HTMLInputElement>('ladder', editor).value).toBe('90s, 1m');
  });

  it('a bad ladder or time limit is named on its field and nothing is sent', async () => {
    const send = vi.fn(async (_message: unknown) => ({ ok: true }));
    render(<RulesSection overrides={signal({})} texts={texts} send={send} />, host);
    const editor = $('[data-testid="rule-editor"][data-rule="pdd.aftersale.review_request"]');
    expect(byTestId<HTMLInputElement>('limit', editor).value).toBe('48');
    type(byTestId<HTMLInputElement>('ladder', editor), '24h, soon');
    type(byTestId<HTMLInputElement>('limit', editor), '0');
    await settle();
    submit(byTestId('save-rule', editor));
    await settle();
    expect(send).not.toHaveBeenCalled();
    expect(byTestId('error-ladder', editor).textContent).toBe('optErrLadder:soon');
    expect(byTestId('error-limit', editor).textContent).toBe('optErrPositive');
  });

  it('the background’s refusal is put on the field it names', async () => {
    const send = vi.fn(async (_message: unknown) => ({ ok: false, error: 'pdd.reply.human_3min.durationMs: Too big' }));
    render(<RulesSection overrides={signal({})} texts={texts} send={send} />, host);
    const editor = $('[data-testid="rule-editor"][data-rule="pdd.reply.human_3min"]');
    type(byTestId<HTMLInputElement>('limit', editor), '5');
    await settle();
    submit(byTestId('save-rule', editor));
    await settle();
    expect((send.mock.calls[0]![0] as { patch: unknown }).patch).toEqual({ durationMs: 300_000 });
    expect(byTestId('error-limit', editor).textContent).toBe('Too big');
  });

  it('switching platform shows that platform’s rules and table', async () => {
    render(<RulesSection overrides={signal({})} texts={texts} send={vi.fn()} />, host);
    const select = byTestId<HTMLSelectElement>('rules-platform');
    select.value = 'jd';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect($('[data-testid="rule-editor"][data-rule="jd.reply.human_3min"]')).toBeTruthy();
    expect($('[data-testid="rules-table"] tr[data-rule="jd.aftersale.speed_review"]')).toBeTruthy();
  });
});

describe('lexicon section', () => {
  it('saves the whole lexicon from per-category term lists', async () => {
    const lexicon = signal<ShopLexicon>({ add: {}, remove: {}, allow: { tone: ['亲亲'] } });
    const send = vi.fn(async (_message: unknown) => ({ ok: true }));
    render(<LexiconSection lexicon={lexicon} texts={texts} send={send} />, host);
    type(byTestId<HTMLTextAreaElement>('lexicon-add'), '私聊小号\n 小号 \n私聊小号');
    await settle();
    submit(byTestId('save-lexicon'));
    await settle();
    expect(send.mock.calls[0]![0]).toEqual({ type: 'settings/set-lexicon', lexicon: { add: { contact_off_platform: ['私聊小号', '小号'] }, remove: {}, allow: { tone: ['亲亲'] } } });
    expect(byTestId('status-lexicon').textContent).toBe('optSaved');
  });

  it('a term too long is refused locally, named with the term', async () => {
    const send = vi.fn(async (_message: unknown) => ({ ok: true }));
    render(<LexiconSection lexicon={signal<ShopLexicon>({ add: {}, remove: {}, allow: {} })} texts={texts} send={send} />, host);
    type(byTestId<HTMLTextAreaElement>('lexicon-allow'), 'x'.repeat(51));
    await settle();
    submit(byTestId('save-lexicon'));
    await settle();
    expect(send).not.toHaveBeenCalled();
    expect(byTestId('error-allow.contact_off_platform').textContent).toBe(`optErrItem:${'x'.repeat(51)}optErrTooLong:50`);
  });
});

describe('templates section', () => {
  function templatesPage(initial: ReplyTemplate[] = [], lexicon?: CompiledLexicon) {
    const userTemplates = signal<ReplyTemplate[]>(initial);
    const compiled = signal<CompiledLexicon | undefined>(lexicon);
    const failing = signal(failingList(initial, lexicon));
    const saved: [ReplyTemplate, string | null][] = [];
    const store: TemplateStore = {
      save: vi.fn(async (template: ReplyTemplate, original: string | null) => {
        saved.push([template, original]);
        userTemplates.value = [template, ...userTemplates.value.filter((x) => x.id !== original)];
        return { ok: true as const };
      }),
      remove: vi.fn(async (id: string) => {
        userTemplates.value = userTemplates.value.filter((x) => x.id !== id);
        return { ok: true as const };
      }),
    };
    render(<TemplatesSection userTemplates={userTemplates} lexicon={compiled} failing={failing} store={store} texts={texts} />, host);
    return { userTemplates, store, saved };
  }

  it('duplicates a shipped template into an editor, refuses a blocked text, saves a clean one', async () => {
    const { store, saved } = templatesPage();
    const row = $('[data-testid="template-row"][data-template="greeting.welcome"]');
    byTestId('duplicate-template', row).click();
    await settle();
    const editor = byTestId('template-editor');
    expect(editor.querySelector('h3')!.textContent).toBe('optNewTemplate:user.greeting.welcome');
    expect(document.activeElement).toBe(byTestId('template-text', editor));

    type(byTestId<HTMLTextAreaElement>('template-text', editor), '{buyerNick}加我V信 abc_123');
    await settle();
    expect(byTestId('template-findings', editor).textContent).toContain('optFindingBlock');
    submit(byTestId('save-template', editor));
    await settle();
    expect(store.save).not.toHaveBeenCalled();
    expect(byTestId('error-text', editor).textContent).toContain('optErrCompliance');

    type(byTestId<HTMLTextAreaElement>('template-text', editor), '{buyerNick}您好，订单{orderId}今天发出');
    await settle();
    toggle(byTestId<HTMLInputElement>('required-orderId', editor), false);
    await settle();
    type(byTestId<HTMLInputElement>('fallback-orderId', editor), '您的订单');
    toggle(byTestId<HTMLInputElement>('template-platform-jd', editor), false);
    await settle();
    submit(byTestId('save-template', editor));
    await settle();
    expect(saved).toHaveLength(1);
    const [template, original] = saved[0]!;
    expect(original).toBeNull();
    expect(template).toMatchObject({
      id: 'user.greeting.welcome',
      text: '{buyerNick}您好，订单{orderId}今天发出',
      variables: { buyerNick: { required: false, fallback: '亲' }, orderId: { required: false, fallback: '您的订单' } },
    });
    expect(template.platforms).not.toContain('jd');
    expect(host.querySelector('[data-testid="template-editor"]')).toBeNull();
    expect(byTestId('status-templates').textContent).toBe('optTemplateSaved:user.greeting.welcome');
    expect(document.activeElement).toBe(byTestId('template-search'));
  });

  it('searches, edits and deletes (after a confirmation) the shop’s own templates', async () => {
    const own: ReplyTemplate = { id: 'user.farewell.own', scenario: 'farewell', text: '感谢光临，再见', gloss: '', variables: {}, platforms: ['pdd'] };
    const { store } = templatesPage([own]);
    type(byTestId<HTMLInputElement>('template-search'), '再见');
    await settle();
    expect([...host.querySelectorAll('[data-testid="template-row"]')].map((r) => r.getAttribute('data-template'))).toEqual(['user.farewell.own']);
    const row = $('[data-testid="template-row"][data-template="user.farewell.own"]');
    byTestId('delete-template', row).click();
    await settle();
    expect(store.remove).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(byTestId('confirm-delete', row));
    byTestId('confirm-delete', row).click();
    await settle();
    expect(store.remove).toHaveBeenCalledWith('user.farewell.own');
  });

  it('lists the shop’s templates that fail with the shop’s lexicon, with the reason', () => {
    const own: ReplyTemplate = { id: 'user.greeting.own', scenario: 'greeting', text: '有事私聊小号', gloss: '', variables: {}, platforms: ['pdd'] };
    templatesPage([own], compileLexicon(defaultLexiconData(), { add: { contact_off_platform: ['私聊小号'] } }));
    const item = $('[data-testid="failing-template"]');
    expect(item.getAttribute('data-template')).toBe('user.greeting.own');
    expect(item.textContent).toContain('optTemplateFails:user.greeting.own|platform_pdd|');
    expect(item.textContent).toContain('私聊小号');
  });

  it('renders template text as text, never as markup', () => {
    const hostile: ReplyTemplate = { id: 'user.greeting.own', scenario: 'greeting', text: '<img src=x onerror="window.__pwned=1">您好', gloss: '', variables: {}, platforms: ['pdd'] };
    templatesPage([hostile]);
    const row = $('[data-testid="template-row"][data-template="user.greeting.own"]');
    expect(row.querySelector('img')).toBeNull();
    expect($('.text', row).textContent).toBe(hostile.text);
  });
});
