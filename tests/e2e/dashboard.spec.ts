import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

const DAY = 86_400_000;

test('the dashboard renders metrics and charts from seeded history, and exports them as CSV', async ({ context, sw, extensionId }) => {
  // Seed three days of clocks, one fired alert and a late case straight into the worker's IndexedDB.
  await sw.evaluate(async (DAY) => {
    const now = Date.now();
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('kefu-guard');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tx = db.transaction(['deadlines', 'warnings', 'cases'], 'readwrite');
    const clock = (id: string, shop: string, startedAt: number, state: string) =>
      tx.objectStore('deadlines').put({ id, conversationId: `pdd:${shop}:${id}`, platform: 'pdd', ruleId: 'pdd.reply.valid_60min', startedAt, dueAt: startedAt + 3_600_000, riskFrom: startedAt, state, closedAt: startedAt + 60_000 });
    for (let d = 0; d < 3; d++) for (let i = 0; i < 10; i++) clock(`c${d}-${i}`, 'default', now - d * DAY - i * 1000, i < 8 - d ? 'met' : 'missed');
    clock('other-shop', '旗舰店', now - 1000, 'missed');
    tx.objectStore('warnings').put({ id: 'c0-0|w', deadlineId: 'c0-0', beforeMs: 600_000, warnAt: now - 5000, state: 'fired', firedAt: now - 5000, message: 'x' });
    tx.objectStore('cases').put({ id: 'pdd:default:77', platform: 'pdd', shop: 'default', caseId: '77', stage: 'seller_review', stageText: '待商家处理', stageHistory: [], dueAt: now - 3_600_000, lastSeenAt: now, stageKey: 'seller_review@1', riskFrom: null, pageDeadline: null });
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, DAY);

  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
  const row = page.locator('[data-testid="dash-metrics"] tr[data-rule="pdd.reply.valid_60min"][data-shop="default"]');
  // 30 days: 8 + 7 + 6 met of 30; pass line 50%; today 8 of 10 met leaves 6 misses.
  await expect(row.locator('td')).toHaveText(['拼多多', '当前店铺', '有效回复率（60分钟）', '21', '9', '70.0%', '50.0%', '6']);
  await expect(page.locator('.uplot canvas')).toHaveCount(2);
  await expect(page.getByTestId('dash-cases')).toContainText('售后超时1');
  await expect(page.getByTestId('dash-cases')).toContainText('已发出提醒1提醒后及时处理1');

  await page.getByTestId('dash-period').selectOption('today');
  await expect(row.locator('td').nth(3)).toHaveText('8');
  await page.getByTestId('dash-shop').selectOption('旗舰店');
  await expect(page.locator('[data-testid="dash-metrics"] tbody tr')).toHaveCount(1);

  await page.getByTestId('dash-shop').selectOption('all');
  const download = page.waitForEvent('download');
  await page.getByTestId('dash-csv').click();
  const csv = readFileSync((await (await download).path())!, 'utf8');
  expect(csv.startsWith('\uFEFF日期,平台,店铺,指标,按时,超时,不考核,达标率,及格线,今天还可超时\r\n')).toBe(true);
  expect(csv).toMatch(/\r\n\d{4}-\d\d-\d\d,拼多多,当前店铺,有效回复率（60分钟）,8,2,0,0\.8000,0\.5,6\r\n/);
});
