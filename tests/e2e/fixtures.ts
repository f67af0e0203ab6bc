import { test as base, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CONSOLE_HOST, countAllDay, isConsoleHost, launchWithExtension } from '../../scripts/chromium-with-extension';
export { countAllDay };

export const CHAT_URL = `https://${CONSOLE_HOST}/chat-merchant/index.html?tick=0#/`;
export const DB_NAME = 'kefu-guard';

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
    await countAllDay(context, new URL(sw.url()).host);
    await use(sw);
  },
  extensionId: async ({ sw }, use) => {
    await use(new URL(sw.url()).host);
  },
  console: async ({ context, sw }, use) => {
    void sw; // the extension is up before the console loads
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await page.goto(CHAT_URL);
    await page.waitForSelector('ul.chat-list', { state: 'attached' });
    await use(page);
    expect(errors, 'errors in the console page').toEqual([]);
  },
});
export { expect };

/** Uncaught errors and console errors in a console page: the extension must never throw into it. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  return errors;
}

/** Raw IndexedDB read inside the service worker: no test hooks in product code. */
export function idbGetAll<T = Record<string, unknown>>(sw: Worker, store: string): Promise<T[]> {
  return idbRead(sw, store, 'getAll') as Promise<T[]>;
}

/** Rows in one store of the extension's database (0 before it exists). */
export function idbCount(sw: Worker, store: string): Promise<number> {
  return idbRead(sw, store, 'count') as Promise<number>;
}

/** One read-only request on a store, opened without ever creating the database under Dexie's feet. */
function idbRead(sw: Worker, store: string, op: 'getAll' | 'count'): Promise<unknown> {
  return sw.evaluate(
    async ({ store, dbName, op }) => {
      const dbs = await indexedDB.databases();
      if (!dbs.some((d) => d.name === dbName)) return op === 'count' ? 0 : [];
      return await new Promise<unknown>((resolve, reject) => {
        const req = indexedDB.open(dbName);
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains(store)) {
            db.close();
            resolve(op === 'count' ? 0 : []);
            return;
          }
          const objects = db.transaction(store, 'readonly').objectStore(store);
          const request = op === 'count' ? objects.count() : objects.getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result);
          };
          request.onerror = () => {
            db.close();
            reject(request.error);
          };
        };
      });
    },
    { store, dbName: DB_NAME, op },
  );
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
    /** Stop the worker while the page keeps it busy: a message may restart it before "stopped" is seen. */
    async kill() {
      const before = starts;
      await cdp.send('ServiceWorker.stopAllWorkers');
      await expect.poll(() => status === 'stopped' || starts > before).toBe(true);
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
