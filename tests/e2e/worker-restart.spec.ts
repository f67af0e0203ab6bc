import { badgeText, expect, idbGetAll, notificationIds, swControl, test, type DeadlineRow, type WarningRow } from './fixtures';

test('a pending warning survives the worker being stopped, and the alarm still fires it', async ({ context, console: page, sw }) => {
  const ctl = await swControl(context);
  await page.evaluate(() => (window as any).kefuDemo.buyerSays('8001', '等*待', '还在吗', 140_000));
  await expect.poll(async () => (await idbGetAll<WarningRow>(sw, 'warnings')).filter((w) => w.state === 'pending').length).toBe(3);
  await sw.evaluate(() => ((self as any).__beforeStop = true));
  await ctl.stop();

  await ctl.waitRunning(25_000); // woken by the alarm alone
  expect(await sw.evaluate(() => (self as any).__beforeStop)).toBeUndefined(); // a fresh worker
  await expect.poll(() => notificationIds(sw), { timeout: 10_000 }).toContain('pdd:default:8001');
  const [deadline] = (await idbGetAll<DeadlineRow>(sw, 'deadlines')).filter((d) => d.ruleId === 'pdd.reply.human_3min');
  expect(deadline).toMatchObject({ state: 'open' });
  const fired = (await idbGetAll<WarningRow>(sw, 'warnings')).filter((w) => w.state === 'fired');
  expect(fired).toHaveLength(1);
  expect(fired[0]!.firedAt!).toBeLessThan(deadline!.dueAt);
  expect(await badgeText(sw)).toBe('1');
});

test('on start the worker fires what fell due while it was dead, even with no alarm left', async ({ context, console: page, sw, extensionId }) => {
  const ctl = await swControl(context);
  await page.evaluate(() => (window as any).kefuDemo.buyerSays('8002', '迟*到', '你好', 140_000));
  await expect.poll(async () => (await idbGetAll<WarningRow>(sw, 'warnings')).filter((w) => w.state === 'pending').length).toBe(3);
  const [rung] = (await idbGetAll<WarningRow>(sw, 'warnings')).sort((a, b) => a.warnAt - b.warnAt);
  // Let the page's follow-up reports settle (the observer's check runs every 2 s): a report handled
  // after the alarms are cleared would arm one again, and one sent after the stop would wake the worker.
  await page.waitForTimeout(2_500);
  // Lose the alarm (as if Chrome dropped it), kill the worker, and let the warning time pass.
  await sw.evaluate(() => chrome.alarms.clearAll());
  await expect.poll(() => sw.evaluate(async () => (await chrome.alarms.getAll()).length)).toBe(0);
  await ctl.stop();
  await page.waitForTimeout(Math.max(0, rung!.warnAt - Date.now()) + 500);
  expect(ctl.starts).toBe(1);

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`); // any wake-up will do
  await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'wake' }).catch(() => null));
  await ctl.waitRunning();
  await expect.poll(() => notificationIds(sw), { timeout: 10_000 }).toContain('pdd:default:8002');
  const fired = (await idbGetAll<WarningRow>(sw, 'warnings')).find((w) => w.id === rung!.id);
  expect(fired).toMatchObject({ state: 'fired' });
  expect(fired!.message).toMatch(/^买家 迟\*到 已等待 /);
  // And the remaining rungs are armed again.
  await expect.poll(() => sw.evaluate(async () => (await chrome.alarms.getAll()).length)).toBe(1);
});
