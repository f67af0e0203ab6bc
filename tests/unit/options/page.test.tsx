// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ShopLexiconProvider } from '@/lib/compliance/shop-lexicon';
import { catalogTranslate } from '@/lib/i18n';
import { USER_TEMPLATES_KEY } from '@/lib/replies/schema';
import { RulesProvider } from '@/lib/rules/provider';
import { SettingsProvider, SETTINGS_KEY } from '@/lib/settings/provider';
import { contentSettings } from '@/lib/settings/schema';
import { KefuDB } from '@/lib/store/db';

/**
 * The whole options page (entrypoints/options/main.tsx) over fake-indexeddb, with the background's
 * own providers answering its messages: what the page reads, sends and shows, in the real zh_CN
 * texts from the shipped catalog.
 */
const catalog = JSON.parse(readFileSync(path.resolve('public/_locales/zh_CN/messages.json'), 'utf8'));
const translate = catalogTranslate(catalog);

const db = new KefuDB();
const mirrored: unknown[] = [];
const settings = new SettingsProvider(db, (value) => void mirrored.push(contentSettings(value)));
const rules = new RulesProvider(db);
const lexicon = new ShopLexiconProvider(db);
const sent: { type: string }[] = [];

async function background(message: any): Promise<unknown> {
  sent.push(message);
  if (message.type === 'settings/set') return settings.set(message.settings, Date.now());
  if (message.type === 'settings/set-rule-override') return rules.setOverride(message.platform, message.ruleId, message.patch, Date.now());
  if (message.type === 'settings/clear-rule-override') return rules.clearOverride(message.platform, message.ruleId, Date.now()).then(() => ({ ok: true }));
  if (message.type === 'settings/set-lexicon') return lexicon.set(message.lexicon, Date.now());
  return { ok: false, error: `unexpected ${message.type}` };
}

const settle = async (ms = 30) => {
  for (let i = 0; i < 6; i++) await new Promise((resolve) => setTimeout(resolve, ms / 6));
};
const byTestId = <T extends Element = HTMLElement>(id: string, root: ParentNode = document) => {
  const found = root.querySelector<T>(`[data-testid="${id}"]`);
  if (!found) throw new Error(`no ${id}`);
  return found;
};
const type = (el: HTMLInputElement | HTMLTextAreaElement, value: string) => {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
};
const click = (el: HTMLElement) => el.closest('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 100; i++) {
    if (check()) return;
    await settle(20);
  }
  throw new Error(`timed out waiting for ${what}`);
};

beforeAll(async () => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) => translate(key, typeof subs === 'string' ? [subs] : subs)) as never);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('zh-CN');
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(background as never);
  await Promise.all([settings.load(), rules.load(), lexicon.load()]);
  const app = document.createElement('div');
  app.id = 'app';
  document.body.append(app);
  await import('@/entrypoints/options/main');
  await until(() => document.querySelector('[data-testid="section-platforms"]') !== null, 'the page');
});
afterAll(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

describe('options page', () => {
  it('shows every section in order, in Chinese, with a link to each', () => {
    expect([...document.querySelectorAll('main > section > h2')].map((h) => h.textContent)).toEqual(['平台与店铺', '提醒与下班时间', '发送前检查', '规则（含提醒阶梯）', '违禁词', '回复模板', '数据保留']);
    expect([...document.querySelectorAll('nav a')].map((a) => a.getAttribute('href'))).toEqual(['#platforms', '#alerts', '#guard', '#rules', '#lexicon', '#templates', '#retention', '/dashboard.html']);
    expect(document.title).toBe('客服卫士 · 设置');
    expect(document.querySelector('[data-testid="stored-invalid"]')).toBeNull();
  });

  it('saves a section through the background, which applies and mirrors it', async () => {
    const guard = byTestId<HTMLInputElement>('pre-send-guard');
    guard.checked = false;
    guard.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    click(byTestId('save-guard'));
    await until(() => byTestId('status-guard').textContent === '已保存，立即生效。', 'saved');
    expect(settings.get().preSendGuard).toBe(false);
    expect(mirrored.at(-1)).toEqual({ preSendGuard: false, disabledPlatforms: [] });
    expect((await db.settings.get(SETTINGS_KEY))?.value).toMatchObject({ preSendGuard: false });
  });

  it('a bad time is named in Chinese next to its field, and nothing is sent', async () => {
    const before = sent.length;
    type(byTestId<HTMLInputElement>('off-hours-from'), '25:00');
    await settle();
    click(byTestId('save-alerts'));
    await until(() => document.querySelector('[data-testid="error-offHours.from"]') !== null, 'the field error');
    expect(byTestId('error-offHours.from').textContent).toBe('应为 HH:MM（00:00–23:59）');
    expect(byTestId('status-alerts').textContent).toBe('有 1 处需要修改，未保存任何内容。');
    expect(sent.length).toBe(before);
  });

  it('a ladder saved for a rule shows in the rules table, from the store', async () => {
    const editor = document.querySelector('[data-testid="rule-editor"][data-rule="pdd.reply.human_3min"]')!;
    type(byTestId<HTMLInputElement>('ladder', editor), '2m, 30s');
    await settle();
    click(byTestId('save-rule', editor));
    await until(() => byTestId('rule-ladder', document.querySelector('[data-testid="rules-table"] tr[data-rule="pdd.reply.human_3min"]')!).textContent === '2分钟、30秒', 'the table');
    expect(rules.rules('pdd').ok && (rules.rules('pdd') as { pack: any }).pack.replyRules.find((r: any) => r.id === 'pdd.reply.human_3min').warnBeforeMs).toEqual([120_000, 30_000]);
  });

  it('a shop template is written to the store and re-checked when the lexicon changes', async () => {
    byTestId('duplicate-template', document.querySelector('[data-testid="template-row"][data-template="greeting.welcome"]')!).click();
    await settle();
    type(byTestId<HTMLTextAreaElement>('template-text'), '{buyerNick}您好，本店包邮，私聊小号有惊喜');
    await settle();
    click(byTestId('save-template'));
    await until(() => byTestId('status-templates').textContent === '模板 user.greeting.welcome 已保存。', 'template saved');
    expect((await db.settings.get(USER_TEMPLATES_KEY))?.value).toMatchObject([{ id: 'user.greeting.welcome' }]);
    await until(() => byTestId('failing-templates').textContent!.includes('所有本店模板都通过检查。'), 'passing');

    type(byTestId<HTMLTextAreaElement>('lexicon-add'), '私聊小号');
    await settle();
    click(byTestId('save-lexicon'));
    await until(() => document.querySelectorAll('[data-testid="failing-template"]').length === 5, 'failing list');
    expect(byTestId('failing-template').textContent).toContain('模板 user.greeting.welcome 在拼多多不再合规');
  });

  it('a value stored invalid elsewhere is said plainly at the top', async () => {
    await db.settings.put({ key: SETTINGS_KEY, value: { nonsense: true }, updatedAt: Date.now() });
    await until(() => document.querySelector('[data-testid="stored-invalid"]') !== null, 'the warning');
    expect(byTestId('stored-invalid').textContent).toContain('已保存的设置有问题');
  });
});
