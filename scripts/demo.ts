// The product demo: Chromium with the built extension on a simulated Pinduoduo chat console.
// Headed when a display is available, else headless with screenshots and the alert log written
// to demo-output/. The console plays a scene: a buyer already waiting 2 min 20 s when the page
// loads (warning ~10 s in), two more buyers, a robot auto-reply, and the agent's reply at 40 s.
import type { Worker } from '@playwright/test';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CONSOLE_HOST, launchWithExtension, countAllDay } from './chromium-with-extension';

const OUT = path.resolve('demo-output');
const headless = !process.env.DISPLAY;
const seconds = Number(process.env.DEMO_SECONDS ?? (headless ? 50 : 600));

interface FiredWarning {
  id: string;
  firedAt: number;
  message: string;
}

/** Fired warnings, read straight from the extension's IndexedDB (the alert log). */
function firedWarnings(sw: Worker): Promise<FiredWarning[]> {
  return sw.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'kefu-guard')) return [];
    return new Promise<FiredWarning[]>((resolve) => {
      const req = indexedDB.open('kefu-guard');
      req.onsuccess = () => {
        const db = req.result;
        if (!db.objectStoreNames.contains('warnings')) return resolve([]);
        const all = db.transaction('warnings').objectStore('warnings').getAll();
        all.onsuccess = () => {
          db.close();
          resolve((all.result as any[]).filter((w) => w.state === 'fired').map((w) => ({ id: w.id, firedAt: w.firedAt, message: w.message })));
        };
      };
      req.onerror = () => resolve([]);
    });
  });
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const log = path.join(OUT, 'alerts.log');
  writeFileSync(log, '');
  const profile = mkdtempSync(path.join(tmpdir(), 'kefu-demo-'));
  const { context, leaks } = await launchWithExtension(profile, headless);
  let sw = context.serviceWorkers()[0];
  if (!sw) sw = await context.waitForEvent('serviceworker');
  const extensionId = new URL(sw.url()).host;
  // The demo should show warnings at any hour: count the demo shop's clocks all day (a rule override).
  await countAllDay(context, extensionId);

  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`https://${CONSOLE_HOST}/chat-merchant/index.html?demo=1#/`);
  console.log(`客服卫士 demo (${headless ? 'headless' : 'headed'}), ${seconds}s. Output: ${OUT}`);

  const started = Date.now();
  const seen = new Set<string>();
  const shots: [number, string][] = [
    [4, '1-console-chips'],
    [13, '2-console-after-warning'],
    [14, 'popup'],
    [20, 'draft'],
    [45, '3-console-after-reply'],
  ];
  while (Date.now() - started < seconds * 1000) {
    for (const w of await firedWarnings(sw)) {
      if (seen.has(w.id)) continue;
      seen.add(w.id);
      const line = `${new Date(w.firedAt).toISOString()}  通知: ${w.message}`;
      console.log(line);
      appendFileSync(log, `${line}\n`);
    }
    const elapsed = (Date.now() - started) / 1000;
    while (shots.length > 0 && elapsed >= shots[0]![0]) {
      const [, name] = shots.shift()!;
      if (name === 'draft') {
        // The agent types a draft that breaks the rules: underlined, with the reason and a rewrite.
        await page.locator('#replyTextarea').click();
        await page.locator('#replyTextarea').pressSequentially('亲，加我V信 abc_123 给您优惠，高仿的也有');
        await page.waitForTimeout(800);
        await page.screenshot({ path: path.join(OUT, '4-draft-check.png') });
        await page.locator('#replyTextarea').fill('');
      } else if (name === 'popup') {
        const popup = await context.newPage();
        await popup.setViewportSize({ width: 380, height: 420 });
        await popup.goto(`chrome-extension://${extensionId}/popup.html`);
        await popup.waitForTimeout(500);
        await popup.screenshot({ path: path.join(OUT, '2-popup.png') });
        await popup.close();
      } else {
        await page.screenshot({ path: path.join(OUT, `${name}.png`) });
      }
      const badge = await sw.evaluate(() => chrome.action.getBadgeText({}));
      console.log(`[${elapsed.toFixed(0)}s] screenshot ${name}; badge "${badge}"`);
    }
    await page.waitForTimeout(500);
  }
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  if (leaks.length > 0) {
    console.error(`Requests that tried to leave the browser (refused): ${leaks.join(', ')}`);
    process.exitCode = 1;
  }
  console.log(`Done. ${seen.size} alert(s) fired; screenshots and alerts.log in ${OUT}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
