import { expect, idbGetAll, notificationIds, swControl, test, type WarningRow } from './fixtures';

const EVENTS = Number(process.env.KEFU_E2E_KILL_EVENTS ?? 60);

// Buyers writing and agents replying while the service worker is stopped (CDP) every few events.
// Afterwards nothing is lost, no warning is alerted twice, and the next warning is armed.
test(`worker stopped ${Math.round(EVENTS / 5)} times during ${EVENTS} console events: no lost conversation, no duplicate alert`, async ({ context, console: page, sw }) => {
  test.setTimeout(180_000);
  const ctl = await swControl(context);
  let seed = 20261124;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const keys = new Set<string>();
  let kills = 0;
  for (let i = 0; i < EVENTS; i++) {
    const key = String(8100 + Math.floor(random() * 12));
    keys.add(key);
    if (random() < 0.6) await page.evaluate(([k, ago]) => (window as any).kefuDemo.buyerSays(k, `买家${k}`, '在吗', ago), [key, Math.floor(random() * 170_000)] as const);
    else await page.evaluate((k) => (window as any).kefuDemo.agentReplies(k), key);
    if (i % 5 === 4) {
      await ctl.kill(); // killed wherever it was; the next message or alarm wakes a fresh worker
      kills++;
    }
    await page.waitForTimeout(Math.floor(random() * 400));
  }
  // The page resends whatever was not delivered; the worker catches up.
  await expect
    .poll(async () => (await idbGetAll<{ id: string }>(sw, 'conversations').catch(() => [])).map((c) => c.id).filter((id) => id.startsWith('pdd:default:81')).sort(), { timeout: 30_000 })
    .toEqual([...keys].map((k) => `pdd:default:${k}`).sort());
  const worker = context.serviceWorkers()[0]!;
  const audit = await idbGetAll<{ action: string; detail: string }>(worker, 'audit');
  const alerted = audit.filter((a) => a.action === 'alert-shown').flatMap((a) => a.detail.split(' '));
  const duplicates = alerted.filter((id, i) => alerted.indexOf(id) !== i);
  const warnings = await idbGetAll<WarningRow>(worker, 'warnings');
  const fired = warnings.filter((w) => w.state === 'fired').map((w) => w.id).sort();
  console.log(`E2E worker kills: ${EVENTS} events, ${kills} stops, ${keys.size} conversations, ${fired.length} warnings fired, ${duplicates.length} duplicate alerts, ${ctl.starts} worker starts`);
  expect(kills).toBeGreaterThanOrEqual(EVENTS / 5);
  expect(duplicates).toEqual([]);
  expect([...new Set(alerted)].sort()).toEqual(fired);
  expect(fired.length).toBeGreaterThan(0);
  // The next pending warning has an alarm.
  const pending = warnings.filter((w) => w.state === 'pending').sort((a, b) => a.warnAt - b.warnAt);
  const alarm = await worker.evaluate(() => chrome.alarms.get('kefu-guard-next-warning'));
  if (pending.length > 0) expect(alarm?.scheduledTime).toBeGreaterThanOrEqual(Math.min(pending[0]!.warnAt, Date.now()) - 1000);
  expect(await notificationIds(worker)).not.toContain('undefined');
});
