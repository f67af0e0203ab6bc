import { badgeText, CHAT_URL, expect, idbGetAll, notificationIds, test, type DeadlineRow, type WarningRow } from './fixtures';

const HUMAN_RULE = 'pdd.reply.human_3min';
const CONVERSATION = 'pdd:default:7001';
const THREE_MIN = 180_000;

test('a waiting buyer raises badge and notification before the 3-minute mark; the reply clears them', async ({ console: page, sw }) => {
  // The buyer wrote 2 min 25 s ago: the 30-second warning is due in about 5 s.
  await page.evaluate(() => (window as any).kefuDemo.buyerSays('7001', '李*四', '在吗？', 145_000));

  await expect.poll(() => notificationIds(sw), { timeout: 20_000 }).toContain(CONVERSATION);
  const firedAt = Date.now();
  const [deadline] = (await idbGetAll<DeadlineRow>(sw, 'deadlines')).filter((d) => d.ruleId === HUMAN_RULE);
  expect(deadline).toMatchObject({ conversationId: CONVERSATION, state: 'open' });
  expect(deadline!.dueAt - deadline!.startedAt).toBe(THREE_MIN);
  expect(firedAt).toBeLessThan(deadline!.dueAt); // warned before the 3-minute mark
  expect(await badgeText(sw)).toBe('1');

  const warning = (await idbGetAll<WarningRow>(sw, 'warnings')).find((w) => w.deadlineId === deadline!.id);
  expect(warning).toMatchObject({ state: 'fired' });
  expect(warning!.message).toMatch(/^买家 李\*四 已等待 2分(2[5-9]|3\d)秒，(\d+)秒后计入3分钟未回复$/);

  // The in-page chip counts down next to the row, in our own shadow root.
  const chip = page.locator('kefu-guard-overlay .chip[data-key="7001"]');
  await expect(chip).toBeVisible();
  await expect(chip).toHaveText(/^00:[0-3]\d$/);

  await page.evaluate(() => (window as any).kefuDemo.agentReplies('7001'));
  await expect.poll(() => badgeText(sw)).toBe('');
  await expect.poll(() => notificationIds(sw)).not.toContain(CONVERSATION);
  const closed = (await idbGetAll<DeadlineRow>(sw, 'deadlines')).filter((d) => d.conversationId === CONVERSATION);
  expect(closed.map((d) => d.state).sort()).toEqual(['met', 'met']);
  await expect(chip).toHaveCount(0);
});

test('a robot reply does not stop the human clock', async ({ console: page, sw }) => {
  await page.evaluate(() => {
    const demo = (window as any).kefuDemo;
    demo.buyerSays('7002', 'R*b', '发什么快递', 150_000);
    demo.robotReplies('7002');
  });
  await expect.poll(() => notificationIds(sw), { timeout: 20_000 }).toContain('pdd:default:7002');
  const open = (await idbGetAll<DeadlineRow>(sw, 'deadlines')).filter((d) => d.conversationId === 'pdd:default:7002' && d.state === 'open');
  expect(open.map((d) => d.ruleId).sort()).toEqual([HUMAN_RULE, 'pdd.reply.valid_60min']);
});

test('each warning fires once, and a second buyer gets an alert of their own', async ({ console: page, sw }) => {
  await page.evaluate(() => (window as any).kefuDemo.buyerSays('7003', 'A*1', '你好', 150_000));
  await expect.poll(() => notificationIds(sw), { timeout: 20_000 }).toContain('pdd:default:7003');
  // The buyer writes again within the same wait: no new clock, no second alert.
  await page.evaluate(() => (window as any).kefuDemo.buyerSays('7003', 'A*1', '在吗在吗'));
  await page.evaluate(() => (window as any).kefuDemo.buyerSays('7004', 'B*2', '有优惠吗', 150_000));
  await expect.poll(() => notificationIds(sw), { timeout: 20_000 }).toContain('pdd:default:7004');
  const fired = (await idbGetAll<WarningRow>(sw, 'warnings')).filter((w) => w.state === 'fired');
  expect(fired.map((w) => w.deadlineId.split('|')[0]).sort()).toEqual(['pdd:default:7003', 'pdd:default:7004']);
  expect(await badgeText(sw)).toBe('2');
});

test('the extension never alters the console’s own nodes or text', async ({ console: page }) => {
  await page.evaluate(() => (window as any).kefuDemo.buyerSays('7005', 'C*3', '你好', 100_000));
  await expect(page.locator('kefu-guard-overlay .chip[data-key="7005"]')).toBeVisible();
  await page.evaluate(() => (window as any).kefuDemo.remount());
  await page.evaluate(() => (window as any).kefuDemo.buyerSays('7006', 'D*4', '在吗'));
  await expect(page.locator('kefu-guard-overlay .chip[data-key="7006"]')).toBeVisible();
  // The console records every mutation inside its app root that it did not make itself.
  expect(await page.evaluate(() => (window as any).kefuDemo.foreignMutations())).toEqual([]);
  expect(await page.locator('#app').evaluate((el) => el.outerHTML)).not.toContain('kefu-guard');
  const hostParents = await page.evaluate(() => [...document.querySelectorAll('kefu-guard-overlay')].map((el) => el.parentElement?.tagName));
  expect(hostParents).toEqual(['HTML']);
});

test('a console remount is followed: new messages in the remounted list are still tracked', async ({ console: page, sw }) => {
  await page.evaluate(() => (window as any).kefuDemo.buyerSays('7006', 'D*4', '你好'));
  await expect.poll(async () => (await idbGetAll<DeadlineRow>(sw, 'deadlines')).some((d) => d.conversationId === 'pdd:default:7006')).toBe(true);
  await page.evaluate(() => (window as any).kefuDemo.remount());
  await page.evaluate(() => (window as any).kefuDemo.buyerSays('7007', 'E*5', '在吗'));
  await expect.poll(async () => (await idbGetAll<DeadlineRow>(sw, 'deadlines')).some((d) => d.conversationId === 'pdd:default:7007')).toBe(true);
});

test('popup lists waiting buyers by time left with live countdowns, and flags a degraded page', async ({ context, console: page, sw, extensionId }) => {
  await page.evaluate(() => {
    const demo = (window as any).kefuDemo;
    demo.buyerSays('7101', '晚*到', '在吗', 10_000);
    demo.buyerSays('7102', '早*到', '在吗', 100_000);
  });
  await expect.poll(async () => (await idbGetAll<DeadlineRow>(sw, 'deadlines')).length).toBe(4);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const rows = popup.getByTestId('risk-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('早*到');
  await expect(rows.nth(0)).toContainText('拼多多 · 当前店铺');
  await expect(rows.nth(0)).toContainText('3分钟人工回复率');
  await expect(rows.nth(1)).toContainText('晚*到');
  const first = await rows.nth(1).getByTestId('countdown').textContent();
  await expect.poll(() => rows.nth(1).getByTestId('countdown').textContent(), { timeout: 5_000 }).not.toBe(first);
  await expect(popup.getByTestId('degraded-row')).toHaveCount(0);

  const redesigned = await context.newPage();
  await redesigned.goto(CHAT_URL.replace('?tick=0', '?fixture=chat-redesigned'));
  await expect(popup.getByTestId('degraded-row')).toContainText('追踪降级');
  await expect(popup.getByTestId('degraded-row')).toContainText('conversationList');
  await expect.poll(() => badgeText(sw)).toBe('!');
  await redesigned.close();
  await expect(popup.getByTestId('degraded-row')).toHaveCount(0);
});
