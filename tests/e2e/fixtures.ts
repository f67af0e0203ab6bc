import { test as base, chromium, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const EXT_PATH = path.resolve('.output/chrome-mv3'); // built by `wxt build` before the suite
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FIXTURES = path.resolve('tests/fixtures/pinduoduo');
export const CONSOLE_HOST = 'mms.pinduoduo.com';
export const CHAT_URL = `https://${CONSOLE_HOST}/chat-merchant/index.html?tick=0#/`;
export const DB_NAME = 'kefu-guard';

export const launchArgs = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--lang=zh-CN',
  `--disable-extensions-except=${EXT_PATH}`,
  `--load-extension=${EXT_PATH}`,
];

/** Which fixture file a console URL is served from: `?fixture=<name>` or the simulated console. */
function fixtureFor(url: URL): string {
  const name = url.searchParams.get('fixture');
  return path.join(FIXTURES, name ? `${name.replace(/[^a-z0-9-]/g, '')}.html` : 'demo-console.html');
}

export async function launchWithExtension(userDataDir: string, headless = true): Promise<{ context: BrowserContext; leaks: string[] }> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless,
    locale: 'zh-CN',
    // chrome.i18n follows the browser UI language, which Chromium on Linux takes from the environment.
    env: { ...process.env, LANG: 'zh_CN.UTF-8', LANGUAGE: 'zh_CN' },
    args: launchArgs,
  });
  // Anything that tries to leave the browser, other than the routed console, is recorded and refused.
  const leaks: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (!/^(https?|wss?):$/.test(url.protocol)) return route.continue(); // the extension's own files
    if (url.hostname === CONSOLE_HOST) return route.fulfill({ path: fixtureFor(url), contentType: 'text/html; charset=utf-8' });
    leaks.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (/^(https?|wss?):$/.test(url.protocol) && url.hostname !== CONSOLE_HOST) leaks.push(request.url());
  });
  return { context, leaks };
}

export const test = base.extend<{ context: BrowserContext; leaks: string[]; sw: Worker; extensionId: string; console: Page }>({
  // eslint-disable-next-line no-empty-pattern
  leaks: async ({}, use) => {
    await use([]);
  },
  context: async ({ leaks }, use) => {
    const userDataDir = mkdtempSync(path.join(tmpdir(), 'kefu-e2e-'));
    const launched = await launchWithExtension(userDataDir);
    await use(launched.context);
    leaks.push(...launched.leaks);
    await launched.context.close();
    rmSync(userDataDir, { recursive: true, force: true });
    // No request may leave the browser except to the routed console page.
    expect(leaks, 'requests to anywhere but the console').toEqual([]);
  },
  sw: async ({ context }, use) => {
    let [sw] = context.serviceWorkers();
    if (!sw) sw = await context.waitForEvent('serviceworker');
    await use(sw);
  },
  extensionId: async ({ sw }, use) => {
    await use(new URL(sw.url()).host);
  },
  console: async ({ context, sw }, use) => {
    void sw; // the extension is up before the console loads
    const page = await context.newPage();
    await page.goto(CHAT_URL);
    await page.waitForSelector('ul.chat-list', { state: 'attached' });
    await use(page);
  },
});
export { expect };

/** Raw IndexedDB read inside the service worker: no test hooks in product code. */
export function idbGetAll<T = Record<string, unknown>>(sw: Worker, store: string): Promise<T[]> {
  return sw.evaluate(
    async ({ store, dbName }) => {
      const dbs = await indexedDB.databases();
      if (!dbs.some((d) => d.name === dbName)) return []; // never create the DB under Dexie's feet
      return await new Promise<any[]>((resolve, reject) => {
        const req = indexedDB.open(dbName);
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains(store)) {
            db.close();
            resolve([]);
            return;
          }
          const get = db.transaction(store, 'readonly').objectStore(store).getAll();
          get.onsuccess = () => {
            db.close();
            resolve(get.result);
          };
          get.onerror = () => {
            db.close();
            reject(get.error);
          };
        };
      });
    },
    { store, dbName: DB_NAME },
  ) as Promise<T[]>;
}

export const badgeText = (sw: Worker) => sw.evaluate(() => chrome.action.getBadgeText({}));
export const notificationIds = (sw: Worker) => sw.evaluate(async () => Object.keys(await chrome.notifications.getAll()));

/** Service-worker lifecycle over CDP: Playwright does not follow SW restarts itself. */
export async function swControl(context: BrowserContext) {
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  let status = 'unknown';
  let starts = 0;
  cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
    for (const v of event.versions) {
      if (!v.scriptURL.startsWith('chrome-extension://')) continue;
      if (v.runningStatus === 'running' && status !== 'running') starts++;
      status = v.runningStatus;
    }
  });
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => status).toBe('running');
  return {
    get starts() {
      return starts;
    },
    async stop() {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await expect.poll(() => status).toBe('stopped');
    },
    async waitRunning(timeout = 20_000) {
      await expect.poll(() => status, { timeout }).toBe('running');
    },
  };
}

export interface DeadlineRow {
  id: string;
  conversationId: string;
  ruleId: string;
  startedAt: number;
  dueAt: number;
  state: string;
}
export interface WarningRow {
  id: string;
  deadlineId: string;
  warnAt: number;
  state: string;
  firedAt: number | null;
  message: string | null;
}
