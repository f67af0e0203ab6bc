// Launches Debian's Chromium with the built extension and the console hostnames served from local
// fixture files (Playwright's context.route), so content scripts run on the real URLs with no
// network. Shared by the browser tests and the demo. Any other request is refused and recorded.
import { chromium, type BrowserContext } from '@playwright/test';
import path from 'node:path';

export const EXT_PATH = path.resolve('.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CONSOLE_HOST = 'mms.pinduoduo.com';
const FIXTURES = path.resolve('tests/fixtures');

/** The consoles' real hostnames and the fixture folder each is served from. */
const CONSOLE_HOSTS: [RegExp, string][] = [
  [/^mms\.pinduoduo\.com$/, 'pinduoduo'],
  [/^(im|fxg)\.jinritemai\.com$/, 'douyin'],
  [/^(im|s)\.kwaixiaodian\.com$/, 'kuaishou'],
  [/^(dongdong|shop)\.jd\.com$/, 'jd'],
  [/^(qn|myseller|refund2)\.taobao\.com$/, 'taobao'],
];

export function isConsoleHost(hostname: string): boolean {
  return CONSOLE_HOSTS.some(([host]) => host.test(hostname));
}

/** `?fixture=<name>` serves tests/fixtures/<platform>/<name>.html; PDD defaults to the simulated console. */
export function fixtureFor(url: URL): string | null {
  const folder = CONSOLE_HOSTS.find(([host]) => host.test(url.hostname))?.[1];
  const name = url.searchParams.get('fixture')?.replace(/[^a-z0-9-]/g, '') ?? (folder === 'pinduoduo' ? 'demo-console' : null);
  return folder && name ? path.join(FIXTURES, folder, `${name}.html`) : null;
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
  // window.gc() for the browser tests: the console's own garbage is collected before the
  // extension's work is timed, so a collection it caused is not counted as ours.
  '--js-flags=--expose-gc',
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
    return /^(https?|wss?):$/.test(url.protocol) && !isConsoleHost(url.hostname);
  };
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (!/^(https?|wss?):$/.test(url.protocol)) return route.continue(); // the extension's own files
    if (isConsoleHost(url.hostname)) {
      const file = fixtureFor(url);
      return file ? route.fulfill({ path: file, contentType: 'text/html; charset=utf-8' }) : route.fulfill({ status: 404, body: 'no fixture' });
    }
    leaks.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  context.on('request', (request) => {
    if (offHost(request.url()) && !leaks.includes(request.url())) leaks.push(request.url());
  });
  return { context, leaks };
}

/**
 * The tracked reply rules count only in working hours (PDD 08:00–23:00 Shanghai, JD from 09:00…):
 * outside them a buyer's clock starts when the window opens, so a browser test or the demo run at
 * night would wait until morning. Both therefore set the shop's own rule override (the product's
 * normal options path) to count all day; the window maths itself is covered by the unit tests.
 */
const ALL_DAY_RULES: [string, string][] = [
  ['pdd', 'pdd.reply.human_3min'],
  ['pdd', 'pdd.reply.valid_60min'],
  ['douyin', 'douyin.reply.session_3min'],
  ['kuaishou', 'kuaishou.reply.merchant_3min'],
  ['jd', 'jd.reply.human_3min'],
];

export async function countAllDay(context: BrowserContext, extensionId: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  const replies = await page.evaluate(
    (rules) => Promise.all(rules.map(([platform, ruleId]) => chrome.runtime.sendMessage({ type: 'settings/set-rule-override', platform, ruleId, patch: { window: { start: '00:00', end: '24:00' } } }))),
    ALL_DAY_RULES,
  );
  await page.close();
  const failed = replies.filter((reply: { ok?: boolean }) => reply?.ok !== true);
  if (failed.length > 0) throw new Error(`all-day rule override refused: ${JSON.stringify(failed)}`);
}
