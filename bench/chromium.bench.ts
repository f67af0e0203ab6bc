/**
 * The PDD chat adapter in Chromium (Debian's, the one the E2E tests use) on the simulated console
 * with 2,000 conversations: the reader's initial read and its cost after a one-row mutation, timed
 * in the page with performance.now(); then a busy session (a buyer message every 200 ms) with and
 * without the extension, counting long tasks (> 50 ms) on the page's main thread, which content
 * scripts share. Prints one JSON object. BENCH_BUSY_SECONDS sets the session length (default 30).
 */
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM, fixtureFor, isConsoleHost, launchWithExtension } from '../scripts/chromium-with-extension';
import { summarise } from './stats';

const BUSY_SECONDS = Number(process.env.BENCH_BUSY_SECONDS ?? 30);
const ROWS = 2_000;
const URL_ = 'https://mms.pinduoduo.com/chat-merchant/index.html?tick=0#/';

/** The reader bundled for the page world, so Chromium's own DOM does the work being timed. */
async function readerBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: [
        "import { readPddChat } from './lib/adapters/pinduoduo/read-chat';",
        "import { pddAdapter } from './lib/adapters/pinduoduo';",
        "import { diffChat } from './lib/adapters/diff';",
        "import { cachedChatReading } from './lib/content/chat-reading';",
        "(globalThis as any).__kefuRead = (now: number) => readPddChat(document, now);",
        // What the content script does per mutation batch (the same code it runs): records to the row
        // cache, then patch the last read from the rows they touched, or read with the cache and diff.
        'const reading = cachedChatReading(pddAdapter.chat!, document);',
        'const observer = new MutationObserver(() => undefined);',
        "observer.observe(document.querySelector('ul.chat-list')!, { childList: true, subtree: true, characterData: true, attributes: true });",
        'let last: any = null;',
        '(globalThis as any).__kefuBatch = () => {',
        '  reading.onMutations(observer.takeRecords());',
        '  const patched = last && reading.update(last);',
        '  if (patched) return { path: "patch", changed: patched.change ? patched.change.changed.length : 0 };',
        '  let next = reading.read();',
        '  while (next === null) next = reading.read(); // a first read comes in slices',
        '  const change = diffChat(last, next);',
        '  last = next;',
        '  return { path: "full", changed: change === null ? 0 : change.changed.length };',
        '};',
      ].join('\n'),
      resolveDir: path.resolve('.'),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome120',
  });
  return result.outputFiles[0]!.text;
}

interface BusyResult {
  seconds: number;
  messages: number;
  longTasks: number;
  longestMs: number;
  totalLongMs: number;
  /** The extension's own work on the page (its `kefu-guard:*` measures); null without it. */
  ours: { count: number; longestMs: number; over50: number; longestName: string } | null;
}

async function busySession(page: import('@playwright/test').Page): Promise<BusyResult> {
  return page.evaluate(async (seconds) => {
    const entries: PerformanceEntry[] = [];
    const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
    observer.observe({ type: 'longtask', buffered: false });
    const ours: PerformanceEntry[] = [];
    const measures = new PerformanceObserver((list) => ours.push(...list.getEntries().filter((e) => e.name.startsWith('kefu-guard:'))));
    measures.observe({ type: 'measure' });
    let messages = 0;
    const demo = (window as any).kefuDemo;
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        demo.buyerSays(String(700000 + (messages % 50)), `忙碌买家${messages % 50}`, `第${messages}条消息`);
        messages++;
      }, 200);
      setTimeout(() => {
        clearInterval(timer);
        resolve();
      }, seconds * 1000);
    });
    await new Promise((r) => setTimeout(r, 500));
    observer.disconnect();
    measures.disconnect();
    const durations = entries.map((e) => e.duration);
    const longestOurs = ours.reduce<PerformanceEntry | null>((a, b) => (a && a.duration >= b.duration ? a : b), null);
    return {
      seconds,
      messages,
      longTasks: durations.length,
      longestMs: Math.max(0, ...durations),
      totalLongMs: durations.reduce((a, b) => a + b, 0),
      ours: ours.length === 0 ? null : { count: ours.length, longestMs: longestOurs!.duration, over50: ours.filter((e) => e.duration > 50).length, longestName: longestOurs!.name },
    };
  }, BUSY_SECONDS);
}

async function main() {
  const bundle = await readerBundle();

  // With the extension: reader timings and a busy session.
  const profile = mkdtempSync(path.join(tmpdir(), 'kefu-bench-'));
  const { context } = await launchWithExtension(profile);
  const page = await context.newPage();
  await page.goto(URL_);
  await page.waitForSelector('ul.chat-list', { state: 'attached' });
  await page.evaluate((n) => (window as any).kefuDemo.bulk(n, 3), ROWS);
  await page.addScriptTag({ content: bundle });
  const timings = await page.evaluate(() => {
    const read = (globalThis as any).__kefuRead as (now: number) => { conversations: unknown[] };
    const batchRead = (globalThis as any).__kefuBatch as () => { path: string; changed: number };
    const demo = (window as any).kefuDemo;
    const initial: number[] = [];
    const batch: number[] = [];
    const wholeRead: number[] = [];
    const changedRows: string[] = [];
    let rows = 0;
    for (let i = 0; i < 23; i++) {
      const t0 = performance.now();
      rows = read(Date.now()).conversations.length;
      initial.push(performance.now() - t0);
    }
    batchRead(); // the first, whole read
    for (let i = 0; i < 23; i++) {
      // One buyer writes: the console re-renders that row (untimed: the page's work), then one batch.
      demo.buyerSays(String(500000 + ((i * 37) % 2000)), '', `第${i}条`);
      const t0 = performance.now();
      const result = batchRead();
      changedRows.push(`${result.path}:${result.changed}`);
      batch.push(performance.now() - t0);
      const t1 = performance.now();
      read(Date.now()); // for comparison: the same batch read whole, with no row cache
      wholeRead.push(performance.now() - t1);
    }
    return { rows, initial: initial.slice(3), batch: batch.slice(3), wholeRead: wholeRead.slice(3), changedRows: changedRows.slice(3) };
  });
  const withExtension = await busySession(page);
  await context.close();
  rmSync(profile, { recursive: true, force: true });

  // Baseline: the same busy session with no extension loaded.
  const plainProfile = mkdtempSync(path.join(tmpdir(), 'kefu-bench-plain-'));
  const plain = await chromium.launchPersistentContext(plainProfile, { executablePath: CHROMIUM, headless: true, args: ['--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  await plain.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const file = isConsoleHost(url.hostname) ? fixtureFor(url) : null;
    return file ? route.fulfill({ path: file, contentType: 'text/html; charset=utf-8' }) : route.abort();
  });
  const plainPage = await plain.newPage();
  await plainPage.goto(URL_);
  await plainPage.waitForSelector('ul.chat-list', { state: 'attached' });
  await plainPage.evaluate((n) => (window as any).kefuDemo.bulk(n, 3), ROWS);
  const withoutExtension = await busySession(plainPage);
  await plain.close();
  rmSync(plainProfile, { recursive: true, force: true });

  console.log(
    JSON.stringify({
      chromium: CHROMIUM,
      rows: timings.rows,
      initialRead: summarise(timings.initial),
      mutationBatch: summarise(timings.batch),
      mutationBatchWholeRead: summarise(timings.wholeRead),
      batchPaths: [...new Set(timings.changedRows)],
      busy: { withExtension, withoutExtension },
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
