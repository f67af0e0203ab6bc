import type { Page, Worker } from '@playwright/test';
import { expect, idbGetAll, test, watchPageErrors } from './fixtures';

const TABLES = ['settings', 'conversations', 'deadlines', 'warnings', 'cases', 'checklists', 'audit'];
const SAVED = '已保存，立即生效。';
/** What the fixtures' countAllDay stored for the reply rules before the page opened. */
const ALL_DAY = { window: { start: '00:00', end: '24:00' } };

const storageLocal = (sw: Worker) => sw.evaluate(() => chrome.storage.local.get(null));
const settingsRow = async (sw: Worker, key: string) => (await idbGetAll<{ key: string; value: any }>(sw, 'settings')).find((r) => r.key === key)?.value;

async function dump(sw: Worker): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES) out[table] = await idbGetAll(sw, table);
  return out;
}

async function openOptions(page: Page, extensionId: string): Promise<string[]> {
  const errors = watchPageErrors(page);
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByTestId('section-platforms')).toBeVisible();
  return errors;
}

test('options: the pre-send guard and a platform switched off apply in the background without a reload; a bad time is refused with nothing stored', async ({ context, sw, extensionId }) => {
  const page = await context.newPage();
  const errors = await openOptions(page, extensionId);

  await page.getByTestId('pre-send-guard').uncheck();
  await expect(page.getByTestId('status-guard')).toHaveText('有未保存的修改。');
  await page.getByTestId('save-guard').click();
  await expect(page.getByTestId('status-guard')).toHaveText(SAVED);

  await page.getByTestId('enabled-jd').uncheck();
  await page.getByTestId('shop-jd').fill('京东旗舰店');
  await page.getByTestId('save-platforms').click();
  await expect(page.getByTestId('status-platforms')).toHaveText(SAVED);

  // The worker mirrored its part for the content scripts at once: no extension or page reload.
  await expect.poll(() => storageLocal(sw)).toMatchObject({ preSendGuard: false, disabledPlatforms: ['jd'] });
  const stored = await settingsRow(sw, 'settings');
  expect(stored).toMatchObject({ preSendGuard: false, platforms: { jd: { enabled: false, shopName: '京东旗舰店' } }, offHours: { from: '23:00' } });

  // An impossible off-hours time: named next to its field, the whole alerts section is not saved.
  await page.getByTestId('off-hours-enabled').check();
  await page.getByTestId('off-hours-from').fill('25:00');
  await page.getByTestId('save-alerts').click();
  await expect(page.getByTestId('error-offHours.from')).toHaveText('应为 HH:MM（00:00–23:59）');
  await expect(page.getByTestId('off-hours-from')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('status-alerts')).toContainText('未保存任何内容');
  expect(await settingsRow(sw, 'settings')).toEqual(stored);

  // Fixed, it saves; the other sections' values are untouched.
  await page.getByTestId('off-hours-from').fill('22:30');
  await page.getByTestId('save-alerts').click();
  await expect(page.getByTestId('status-alerts')).toHaveText(SAVED);
  await expect(page.getByTestId('error-offHours.from')).toHaveCount(0);
  await expect.poll(async () => (await settingsRow(sw, 'settings')).offHours).toMatchObject({ enabled: true, from: '22:30', to: '08:00' });
  expect((await settingsRow(sw, 'settings')).preSendGuard).toBe(false);

  // A reload of the page shows what is stored.
  await page.reload();
  await expect(page.getByTestId('pre-send-guard')).not.toBeChecked();
  await expect(page.getByTestId('enabled-jd')).not.toBeChecked();
  await expect(page.getByTestId('off-hours-from')).toHaveValue('22:30');
  expect(errors).toEqual([]);
});

test('options: a warning ladder becomes the rule override (keeping the rule’s other changes), shows in the rules table, and the next clock uses it', async ({ context, sw, extensionId }) => {
  const page = await context.newPage();
  const errors = await openOptions(page, extensionId);
  const editor = page.locator('[data-testid="rule-editor"][data-rule="pdd.reply.human_3min"]');
  const tableRow = page.locator('[data-testid="rules-table"] tr[data-rule="pdd.reply.human_3min"]');
  await expect(editor.getByTestId('ladder')).toHaveValue('30s');
  await expect(tableRow.getByTestId('rule-ladder')).toHaveText('30秒');

  // Unreadable: named on the field, nothing stored.
  await editor.getByTestId('ladder').fill('90s, soon');
  await editor.getByTestId('save-rule').click();
  await expect(editor.getByTestId('error-ladder')).toContainText('“soon”无法识别');
  expect((await settingsRow(sw, 'ruleOverrides')).pdd['pdd.reply.human_3min']).toEqual(ALL_DAY);

  await editor.getByTestId('ladder').fill('90s, 1m');
  await editor.getByTestId('save-rule').click();
  await expect(editor.getByTestId('status-rule')).toHaveText(SAVED);
  expect((await settingsRow(sw, 'ruleOverrides')).pdd['pdd.reply.human_3min']).toEqual({ ...ALL_DAY, warnBeforeMs: [90_000, 60_000] });
  await expect(editor.getByTestId('ladder')).toHaveValue('90s, 1m');
  await expect(tableRow.getByTestId('rule-ladder')).toHaveText('90秒、1分钟');
  await expect(tableRow).toContainText('本店已调整');

  // An after-sales time limit in hours.
  const review = page.locator('[data-testid="rule-editor"][data-rule="pdd.aftersale.review_request"]');
  await review.getByTestId('limit').fill('36');
  await review.getByTestId('save-rule').click();
  await expect(review.getByTestId('status-rule')).toHaveText(SAVED);
  expect((await settingsRow(sw, 'ruleOverrides')).pdd['pdd.aftersale.review_request']).toEqual({ duration: { type: 'elapsed', ms: 36 * 3_600_000 } });
  await expect(page.locator('[data-testid="rules-table"] tr[data-rule="pdd.aftersale.review_request"]')).toContainText('36小时');

  const console = await context.newPage();
  await console.goto('https://mms.pinduoduo.com/chat-merchant/index.html#/');
  await console.waitForSelector('ul.chat-list', { state: 'attached' });
  await console.evaluate(() => (window as any).kefuDemo.buyerSays('9101', '张*三', '在吗'));
  await expect
    .poll(async () => (await idbGetAll<{ deadlineId: string; beforeMs: number }>(sw, 'warnings')).filter((w) => w.deadlineId.includes('pdd.reply.human_3min')).map((w) => w.beforeMs).sort())
    .toEqual([60_000, 90_000]);

  // 恢复默认 clears the whole override of that rule.
  await review.getByTestId('reset-rule').click();
  await expect(review.getByTestId('status-rule')).toHaveText('已恢复默认，立即生效。');
  await expect(review.getByTestId('limit')).toHaveValue('48');
  expect((await settingsRow(sw, 'ruleOverrides')).pdd['pdd.aftersale.review_request']).toBeUndefined();
  expect(errors).toEqual([]);
});

test('options: a shop template copied from a shipped one is listed as failing once the shop lexicon forbids a phrase in it', async ({ context, sw, extensionId }) => {
  const page = await context.newPage();
  const errors = await openOptions(page, extensionId);
  await expect(page.getByTestId('failing-templates')).toContainText('还没有本店模板。');

  await page.locator('[data-testid="template-row"][data-template="greeting.welcome"]').getByTestId('duplicate-template').click();
  const editor = page.getByTestId('template-editor');
  await expect(editor.getByTestId('template-text')).toBeFocused();
  await editor.getByTestId('template-text').fill('{buyerNick}您好，本店包邮，私聊小号有惊喜');
  await editor.getByTestId('template-platform-jd').uncheck();
  await editor.getByTestId('save-template').click();
  await expect(page.getByTestId('status-templates')).toHaveText('模板 user.greeting.welcome 已保存。');
  const templates = await settingsRow(sw, 'userTemplates');
  expect(templates).toEqual([expect.objectContaining({ id: 'user.greeting.welcome', text: '{buyerNick}您好，本店包邮，私聊小号有惊喜', variables: { buyerNick: { required: false, fallback: '亲' } } })]);
  expect(templates[0].platforms).not.toContain('jd');
  await expect(page.getByTestId('failing-templates')).toContainText('所有本店模板都通过检查。');

  // The shop forbids the phrase: the template is re-checked and listed with the reason.
  await page.getByTestId('lexicon-add').fill('私聊小号');
  await page.getByTestId('save-lexicon').click();
  await expect(page.getByTestId('status-lexicon')).toHaveText(SAVED);
  expect(await settingsRow(sw, 'shopLexicon')).toEqual({ add: { contact_off_platform: ['私聊小号'] }, remove: {}, allow: {} });
  const failing = page.locator('[data-testid="failing-template"][data-template="user.greeting.welcome"]');
  await expect(failing.first()).toContainText('私聊小号');
  await expect(page.locator('[data-testid="template-row"][data-template="user.greeting.welcome"]')).toContainText('不合规');

  // A text the check blocks is not saved.
  await failing.first().getByRole('button', { name: '编辑' }).click();
  await editor.getByTestId('template-text').fill('{buyerNick}加我V信 abc_123');
  await editor.getByTestId('save-template').click();
  await expect(editor.getByTestId('error-text')).toContainText('会拦截');
  expect((await settingsRow(sw, 'userTemplates'))[0].text).toBe('{buyerNick}您好，本店包邮，私聊小号有惊喜');
  expect(errors).toEqual([]);
});

test('export → wipe → import restores identical data; a bad file changes nothing', async ({ context, sw, extensionId, console: consolePage }) => {
  await consolePage.evaluate(() => (window as any).kefuDemo.buyerSays('9201', '李*四', '发什么快递', 20_000));
  await expect.poll(async () => (await idbGetAll(sw, 'warnings')).length).toBeGreaterThan(0);
  const page = await context.newPage();
  await openOptions(page, extensionId);
  await page.getByTestId('retention-days').fill('14');
  await page.getByTestId('save-retention').click();
  await expect(page.getByTestId('status-retention')).toHaveText(SAVED);
  expect((await settingsRow(sw, 'settings')).retentionDays).toBe(14);
  await consolePage.close(); // nothing more comes in while the data is moved

  const before = await dump(sw);
  const download = page.waitForEvent('download');
  await page.getByTestId('export-data').click();
  const file = await (await download).path();

  // Wipe every table the backup carries.
  await sw.evaluate(async (tables) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('kefu-guard');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(tables, 'readwrite');
      for (const t of tables) tx.objectStore(t).clear();
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, TABLES);
  expect((await dump(sw)).conversations).toEqual([]);

  await page.getByTestId('import-data').setInputFiles(file);
  await expect(page.getByTestId('data-status')).toContainText('导入成功');
  const after = await dump(sw);
  // The import itself is logged: everything else is exactly as exported.
  const imported = (after.audit as { action: string }[]).filter((a) => a.action === 'data-imported');
  expect(imported).toHaveLength(1);
  expect({ ...after, audit: (after.audit as { action: string }[]).filter((a) => a.action !== 'data-imported') }).toEqual(before);
  // The page follows the imported value without a reload.
  await expect(page.getByTestId('retention-days')).toHaveValue('14');

  // A corrupted file is rejected with the reason and location, and nothing changes.
  await page.getByTestId('import-data').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"kefu-guard-backup","version":1,"exportedAt":1,"tables":{"settings":[],"conversations":[{"id":1}]}}') });
  await expect(page.getByTestId('data-status')).toContainText('导入被拒绝，现有数据未改动');
  await expect(page.getByTestId('data-status')).toContainText('tables.');
  expect(await dump(sw)).toEqual(after);
});
