import type { Worker } from '@playwright/test';
import { expect, idbGetAll, test } from './fixtures';

const TABLES = ['settings', 'conversations', 'deadlines', 'warnings', 'cases', 'checklists', 'audit'];

const storageLocal = (sw: Worker) => sw.evaluate(() => chrome.storage.local.get(null));
const settingsRow = async (sw: Worker, key: string) => (await idbGetAll<{ key: string; value: any }>(sw, 'settings')).find((r) => r.key === key)?.value;

async function dump(sw: Worker): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES) out[table] = await idbGetAll(sw, table);
  return out;
}

test('options: changes take effect in the background without a reload; bad values are refused field by field', async ({ context, sw, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByTestId('pre-send-guard').uncheck();
  await page.getByTestId('enabled-jd').uncheck();
  await page.getByTestId('save-settings').click();
  await expect(page.getByTestId('section-alerts').getByRole('status')).toHaveText('已保存，立即生效。');
  await expect.poll(() => storageLocal(sw)).toMatchObject({ preSendGuard: false, disabledPlatforms: ['jd'] });

  await page.getByTestId('off-hours-from').fill('25:00');
  await page.getByTestId('save-settings').click();
  await expect(page.getByTestId('error-offHours.from')).toHaveText('应为 HH:MM（00:00–23:59）');
  expect((await settingsRow(sw, 'settings')).offHours.from).toBe('23:00');

  // A ladder in agent notation becomes the rule's override, and the next clock uses it.
  const row = page.locator('[data-testid="ladder-row"][data-rule="pdd.reply.human_3min"]');
  await row.getByRole('textbox').fill('90s, 1m');
  await row.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('section-rules').getByRole('status')).toHaveText('已保存，立即生效。');
  expect((await settingsRow(sw, 'ruleOverrides')).pdd['pdd.reply.human_3min']).toMatchObject({ warnBeforeMs: [90_000, 60_000] });
  await expect(row.getByRole('textbox')).toHaveValue('90s, 1m');

  const console = await context.newPage();
  await console.goto('https://mms.pinduoduo.com/chat-merchant/index.html#/');
  await console.waitForSelector('ul.chat-list', { state: 'attached' });
  await console.evaluate(() => (window as any).kefuDemo.buyerSays('9101', '张*三', '在吗'));
  await expect
    .poll(async () => (await idbGetAll<{ deadlineId: string; beforeMs: number }>(sw, 'warnings')).filter((w) => w.deadlineId.includes('pdd.reply.human_3min')).map((w) => w.beforeMs).sort())
    .toEqual([60_000, 90_000]);
});

test('export → wipe → import restores identical data; a bad file changes nothing', async ({ context, sw, extensionId, console: consolePage }) => {
  await consolePage.evaluate(() => (window as any).kefuDemo.buyerSays('9201', '李*四', '发什么快递', 20_000));
  await expect.poll(async () => (await idbGetAll(sw, 'warnings')).length).toBeGreaterThan(0);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByTestId('retention-days').fill('14');
  await page.getByTestId('save-settings').click();
  await expect(page.getByTestId('section-alerts').getByRole('status')).toHaveText('已保存，立即生效。');
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

  // A corrupted file is rejected with the reason and location, and nothing changes.
  await page.getByTestId('import-data').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"kefu-guard-backup","version":1,"exportedAt":1,"tables":{"settings":[],"conversations":[{"id":1}]}}') });
  await expect(page.getByTestId('data-status')).toContainText('导入被拒绝，现有数据未改动');
  await expect(page.getByTestId('data-status')).toContainText('tables.');
  expect(await dump(sw)).toEqual(after);
});
