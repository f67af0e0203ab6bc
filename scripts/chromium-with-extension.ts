// Launches Debian's Chromium with the built extension and the console hostnames served from local
// fixture files (Playwright's context.route), so content scripts run on the real URLs with no
// network. Shared by the browser tests and the demo. Any other request is refused and recorded.
import { chromium, type BrowserContext } from '@playwright/test';
import path from 'node:path';

export const EXT_PATH = path.resolve('.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CONSOLE_HOST = 'mms.pinduoduo.com';
const FIXTURES = path.resolve('tests/fixtures/pinduoduo');

/** `?fixture=<name>` serves tests/fixtures/pinduoduo/<name>.html; otherwise the simulated console. */
export function fixtureFor(url: URL): string {
  const name = url.searchParams.get('fixture');
  return path.join(FIXTURES, name ? `${name.replace(/[^a-z0-9-]/g, '')}.html` : 'demo-console.html');
}

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

export async function launchWithExtension(userDataDir: string, headless = true): Promise<{ context: BrowserContext; leaks: string[] }> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless,
    locale: 'zh-CN',
    // chrome.i18n follows the UI language, which Chromium on Linux takes from the environment
    // (and needs Debian's chromium-l10n for anything but en-US).
    env: { ...process.env, LANGUAGE: 'zh_CN', LANG: 'zh_CN.UTF-8' },
    viewport: { width: 1100, height: 700 },
    args: launchArgs,
  });
  const leaks: string[] = [];
  const offHost = (raw: string) => {
    const url = new URL(raw);
    return /^(https?|wss?):$/.test(url.protocol) && url.hostname !== CONSOLE_HOST;
  };
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (!/^(https?|wss?):$/.test(url.protocol)) return route.continue(); // the extension's own files
    if (url.hostname === CONSOLE_HOST) return route.fulfill({ path: fixtureFor(url), contentType: 'text/html; charset=utf-8' });
    leaks.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  context.on('request', (request) => {
    if (offHost(request.url()) && !leaks.includes(request.url())) leaks.push(request.url());
  });
  return { context, leaks };
}
