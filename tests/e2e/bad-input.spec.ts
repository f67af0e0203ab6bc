import { badgeText, CHAT_URL, expect, idbGetAll, test, watchPageErrors, type DeadlineRow } from './fixtures';

interface TabRow {
  tabId: number;
  degraded: boolean;
  health: { missingSelectors: string[]; unparsedFields: string[] };
}

test('hostile and unknown markup: good rows tracked, the rest reported, nothing thrown into the page', async ({ context, sw }) => {
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  await page.goto(CHAT_URL.replace('?tick=0', '?fixture=chat-unknown-rows'));
  await expect.poll(async () => (await idbGetAll<TabRow>(sw, 'tabs')).length).toBe(1);
  const [tab] = await idbGetAll<TabRow>(sw, 'tabs');
  expect(tab).toMatchObject({ degraded: true, health: { missingSelectors: [], unparsedFields: ['message.speaker', 'row.uid', 'row.waitingText'] } });
  const conversations = await idbGetAll<{ key: string; nick: string }>(sw, 'conversations');
  expect(conversations.map((c) => [c.key, c.nick])).toEqual([['4001', '<img src=x onerror=alert(1)>']]);
  await expect(page.locator('kefu-guard-overlay .degraded')).toHaveText('追踪降级');
  expect(await badgeText(sw)).not.toBe('');
  expect(errors).toEqual([]);
});

test('a page that lost its list says so instead of showing all clear', async ({ context, sw }) => {
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  await page.goto(CHAT_URL.replace('?tick=0', '?fixture=chat-redesigned'));
  await expect.poll(async () => (await idbGetAll<TabRow>(sw, 'tabs'))[0]?.health.missingSelectors).toEqual(['conversationList']);
  await expect.poll(() => badgeText(sw)).toBe('!');
  expect(errors).toEqual([]);
});

test('a 2,000-conversation list is tracked in full', async ({ console: page, sw }) => {
  await page.evaluate(() => (window as any).kefuDemo.bulk(2000, 3));
  // Every third buyer is waiting: 667 conversations × 2 clocks.
  await expect.poll(async () => (await idbGetAll<DeadlineRow>(sw, 'deadlines')).filter((d) => d.state === 'open').length, { timeout: 20_000 }).toBe(1334);
  expect((await idbGetAll(sw, 'conversations')).length).toBe(2000);
});

test('a bad rule override is rejected naming the field; a good one is stored', async ({ context, extensionId, sw }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  const send = (patch: unknown) =>
    page.evaluate((p) => chrome.runtime.sendMessage({ type: 'settings/set-rule-override', platform: 'pdd', ruleId: 'pdd.reply.human_3min', patch: p }), patch);
  expect(await send({ durationMs: 'three minutes' })).toMatchObject({ ok: false, error: expect.stringMatching(/^pdd\.reply\.human_3min\.durationMs: /) });
  expect(await send({ warnBeforeMs: [60_000, 30_000] })).toEqual({ ok: true });
  const [stored] = await idbGetAll<{ key: string; value: unknown }>(sw, 'settings');
  expect(stored).toMatchObject({ key: 'ruleOverrides', value: { pdd: { 'pdd.reply.human_3min': { warnBeforeMs: [60_000, 30_000] } } } });
  expect(await page.evaluate(() => chrome.runtime.sendMessage({ type: 'no/such-message' }))).toMatchObject({ ok: false, error: expect.stringContaining('invalid message') });
});
