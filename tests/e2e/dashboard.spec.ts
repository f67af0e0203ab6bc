import { readFileSync } from 'node:fs';
import type { BrowserContext, Worker } from '@playwright/test';
import { DB_NAME, expect, test, watchPageErrors } from './fixtures';

const DAY = 86_400_000;
const H = 3_600_000;
/** 'YYYY-MM-DD' in Asia/Shanghai, as the dashboard counts days. */
const shanghaiDay = (at: number) => new Date(at + 8 * H).toISOString().slice(0, 10);
const SHOP2 = '旗舰店,"二号"'; // a comma and quotes: the CSV must quote it (no apostrophe: selectors quote with it)

/** Open an extension page that opens the database through Dexie, so it exists at the current schema version. */
async function ensureDatabase(context: BrowserContext, extensionId: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect
    .poll(() =>
      page.evaluate(async (name) => {
        if (!(await indexedDB.databases()).some((d) => d.name === name)) return [];
        return await new Promise<string[]>((resolve, reject) => {
          const req = indexedDB.open(name);
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const names = [...req.result.objectStoreNames];
            req.result.close();
            resolve(names);
          };
        });
      }, DB_NAME),
    )
    .toEqual(expect.arrayContaining(['conversations', 'deadlines', 'warnings', 'cases', 'audit']));
  await page.close();
}

/** Raw IndexedDB writes in the service worker: no test hooks in product code. */
function seed(sw: Worker, rows: Record<string, unknown[]>): Promise<void> {
  return sw.evaluate(
    async ({ rows, name }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(Object.keys(rows), 'readwrite');
        for (const [store, list] of Object.entries(rows)) for (const row of list) tx.objectStore(store).put(row);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { rows, name: DB_NAME },
  );
}

function history(now: number) {
  const todayStart = Date.parse(`${shanghaiDay(now)}T00:00:00+08:00`);
  // Today's waits a few minutes ago (never before today's midnight), earlier days a whole day back.
  const base = (daysAgo: number) => (daysAgo === 0 ? Math.max(todayStart, now - 10 * 60_000) : now - daysAgo * DAY);
  const conversation = (platform: string, shop: string, key: string) => ({
    id: `${platform}:${shop}:${key}`,
    platform,
    shop,
    key,
    nick: '买家',
    preview: '',
    lastSpeaker: 'buyer',
    lastBuyerMessageAt: now - H,
    waitingText: null,
    tabId: null,
    url: '',
    visible: false,
    firstSeenAt: now - 3 * DAY,
    lastSeenAt: now,
  });
  const conversations = [conversation('pdd', 'default', 'b1'), conversation('pdd', SHOP2, 'b2'), conversation('kuaishou', 'default', 'b3')];
  const deadlines: Record<string, unknown>[] = [];
  const clock = (conversationId: string, ruleId: string, startedAt: number, state: 'met' | 'missed', limit: number) => {
    const id = `${conversationId}|${ruleId}|${startedAt}`;
    deadlines.push({ id, conversationId, platform: conversationId.split(':')[0], ruleId, startedAt, dueAt: startedAt + limit, riskFrom: startedAt, state, closedAt: startedAt + (state === 'met' ? limit / 2 : limit * 2) });
    return id;
  };
  // PDD 有效回复率 (≥50% a day), default shop: 8/2 today, 7/3 yesterday, 6/4 the day before.
  for (let d = 0; d < 3; d++)
    for (let i = 0; i < 10; i++) clock('pdd:default:b1', 'pdd.reply.valid_60min', base(d) + i * 1000, i < 8 - d ? 'met' : 'missed', H);
  clock(`pdd:${SHOP2}:b2`, 'pdd.reply.valid_60min', base(0) + 20_000, 'missed', H);
  // Kuaishou (≥70% a week): 3 met, 1 missed today → 75%, no miss left.
  for (let i = 0; i < 4; i++) clock('kuaishou:default:b3', 'kuaishou.reply.merchant_3min', base(0) + i * 1000, i < 3 ? 'met' : 'missed', 180_000);
  const metToday = deadlines[0]!.id as string;
  const missedToday = deadlines[9]!.id as string;
  const fired = (deadlineId: string, dueAt: number, extra: Record<string, unknown> = {}) => ({ id: `${deadlineId}|600000`, deadlineId, beforeMs: 600_000, warnAt: dueAt - 600_000, state: 'fired', firedAt: base(0) + 30_000, message: '提醒', ...extra });
  const warnings = [fired(metToday, (deadlines[0]!.dueAt as number)), fired(missedToday, deadlines[9]!.dueAt as number)];
  const kase = (caseId: string, patch: Record<string, unknown>) => ({
    id: `pdd:default:${caseId}`, platform: 'pdd', shop: 'default', caseId, orderId: null, kind: 'refund_only', kindText: '仅退款', stage: 'seller_review', stageText: '待商家处理',
    stageHistory: [], amountFen: null, appliedAt: null, deadlineText: null, pageDeadline: null, autoAction: null, autoActionText: null, url: '', tabId: null,
    firstSeenAt: now - 2 * DAY, lastSeenAt: now, observedAt: now, stageKey: '', ruleId: null, stageStartedAt: null, ruleDueAt: null, dueAt: null, differenceMs: null, riskFrom: null, ...patch,
  });
  const cases = [
    // Left review before its deadline: on time.
    kase('71', { stage: 'closed', stageText: '退款成功', stageHistory: [{ stage: 'seller_review', stageText: '待商家处理', seenAt: now - 3 * H, dueAt: now - H }, { stage: 'closed', stageText: '退款成功', seenAt: now - 2 * H }], stageKey: `closed@${now - 2 * H}` }),
    // Still in review, deadline an hour ago, seen just now: late.
    kase('72', { stageHistory: [{ stage: 'seller_review', stageText: '待商家处理', seenAt: now - 5 * H }], stageKey: `seller_review@${now - 5 * H}`, dueAt: now - H }),
  ];
  return { conversations, deadlines, warnings, cases };
}

test('the dashboard shows metrics, charts and totals from seeded history, filters them, and exports CSV', async ({ context, sw, extensionId }) => {
  await ensureDatabase(context, extensionId);
  const now = Date.now();
  const today = shanghaiDay(now);
  const yesterday = shanghaiDay(now - DAY);
  await seed(sw, history(now));

  const page = await context.newPage();
  const errors = watchPageErrors(page);
  await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
  await expect(page).toHaveTitle('客服卫士 · 数据看板');
  const row = (platform: string, shop: string, metric: string) => page.locator(`[data-testid="dash-metrics"] tbody tr[data-platform="${platform}"][data-shop='${shop}'][data-metric="${metric}"]`);
  const pdd = row('pdd', 'default', 'pdd.reply.valid_60min');

  // 30 days: 21 in time of 30; pass line 50% a day; today 8 of 10 leaves 6 misses (sample 10 of the 100 PDD needs).
  await expect(pdd.locator('td')).toHaveText(['拼多多', '当前店铺', '有效回复率（60分钟）', '21', '9', '0', '0', '70.0%', '≥50.0%/天', /^6样本 10\/100$/]);
  await expect(row('kuaishou', 'default', 'kuaishou.reply.merchant_3min').locator('td')).toHaveText(['快手小店', '当前店铺', '商户客服3分钟回复率', '3', '1', '0', '0', '75.0%', '≥70.0%/周', '0']);
  await expect(row('pdd', SHOP2, 'pdd.reply.valid_60min').locator('td').nth(1)).toHaveText(SHOP2);
  await expect(row('pdd', 'default', 'aftersale').locator('td').nth(2)).toHaveText('售后按时处理');
  await expect(row('pdd', 'default', 'aftersale').locator('td').nth(3)).toHaveText('1');
  await expect(row('pdd', 'default', 'aftersale').locator('td').nth(4)).toHaveText('1');
  await expect(page.getByTestId('tile-cases-on-time').locator('.value')).toHaveText('1');
  await expect(page.getByTestId('tile-cases-late').locator('.value')).toHaveText('1');
  await expect(page.getByTestId('tile-alerts-fired').locator('.value')).toHaveText('2');
  await expect(page.getByTestId('tile-alerts-acted').locator('.value')).toHaveText('1');

  // uPlot drew both charts on canvases of real size.
  await expect.poll(() => page.locator('.uplot canvas').count()).toBeGreaterThanOrEqual(2);
  for (const id of ['chart-rates', 'chart-alerts']) {
    const box = await page.getByTestId(id).locator('canvas').first().boundingBox();
    expect(box?.width, id).toBeGreaterThan(200);
    expect(box?.height, id).toBeGreaterThan(100);
  }
  await expect(page.getByTestId('chart-rates').locator('.u-legend')).toContainText('拼多多 有效回复率（60分钟）');

  // Today only.
  await page.locator('[data-testid="dash-period"] [data-period="today"]').click();
  await expect(pdd.locator('td').nth(3)).toHaveText('8');
  await expect(pdd.locator('td').nth(4)).toHaveText('2');
  await expect(pdd.locator('td').nth(7)).toHaveText('80.0%');
  // One shop, then one platform.
  await page.getByTestId('dash-shop').selectOption(SHOP2);
  await expect(page.locator('[data-testid="dash-metrics"] tbody tr')).toHaveCount(1);
  await expect(row('pdd', SHOP2, 'pdd.reply.valid_60min').locator('td').nth(9)).toHaveText(/^0/);
  await page.getByTestId('dash-platform').selectOption('kuaishou');
  await expect(page.getByTestId('dash-shop')).toHaveValue('all');
  await expect(page.locator('[data-testid="dash-metrics"] tbody tr')).toHaveCount(1);
  await page.getByTestId('dash-platform').selectOption('all');
  await page.locator('[data-testid="dash-period"] [data-period="30d"]').click();

  // CSV of the 30 days, every platform and shop: BOM, header, quoted shop name, misses left only today.
  const download = page.waitForEvent('download');
  await page.getByTestId('dash-csv').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^kefu-guard-metrics-\d{8}-\d{4}\.csv$/);
  const csv = readFileSync((await file.path())!, 'utf8');
  expect(csv.startsWith('\uFEFF日期,平台,店铺,指标,按时,超时,不计入,进行中,达标率,及格线,今天还可超时\r\n')).toBe(true);
  const lines = csv.slice(1).split('\r\n');
  expect(lines).toContain(`${today},拼多多,当前店铺,有效回复率（60分钟）,8,2,0,0,0.8000,0.5000,6`);
  expect(lines).toContain(`${yesterday},拼多多,当前店铺,有效回复率（60分钟）,7,3,0,0,0.7000,0.5000,`);
  expect(lines).toContain(`${today},拼多多,"旗舰店,""二号""",有效回复率（60分钟）,0,1,0,0,0.0000,0.5000,0`);
  expect(lines).toContain(`${today},快手小店,当前店铺,商户客服3分钟回复率,3,1,0,0,0.7500,0.7000,0`);
  expect(lines.filter((l) => l.includes('提醒后及时处理')).map((l) => l.split(',').slice(4, 8).join(','))).toEqual(['1,1,0,0']);
  expect(errors).toEqual([]);
});

test('with no history the dashboard says so and draws nothing', async ({ context, extensionId }) => {
  await ensureDatabase(context, extensionId);
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
  await expect(page.getByTestId('dash-empty')).toContainText('还没有历史数据');
  await expect(page.locator('.uplot')).toHaveCount(0);
  expect(errors).toEqual([]);
});
