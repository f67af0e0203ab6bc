import { expect, idbGetAll, test } from './fixtures';

const HOSTILE_NICK = '<img src=x onerror="window.__pwned=1">\u202e\u200b李*四';

test('a hostile buyer nick and a 100 KB message are stored capped and shown as text, running no script', async ({ context, console: page, sw, extensionId }) => {
  await page.evaluate((nick) => {
    (window as any).kefuDemo.buyerSays('6601', nick, `${'加我微信 abc123 '.repeat(7000)}<script>window.__pwned=2</script>`, 10_000);
  }, HOSTILE_NICK);
  await expect.poll(async () => (await idbGetAll<{ id: string; preview: string; nick: string }>(sw, 'conversations')).find((c) => c.id === 'pdd:default:6601')).toMatchObject({ nick: HOSTILE_NICK });
  const stored = (await idbGetAll<{ id: string; preview: string }>(sw, 'conversations')).find((c) => c.id === 'pdd:default:6601')!;
  expect(stored.preview.length).toBeLessThanOrEqual(500);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const row = popup.locator('[data-testid="risk-row"][data-conversation="pdd:default:6601"]');
  await expect(row.locator('.nick')).toHaveText(HOSTILE_NICK);
  expect(await popup.locator('img').count()).toBe(0);
  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
  expect(await popup.evaluate(() => (window as any).__pwned)).toBeUndefined();
});

