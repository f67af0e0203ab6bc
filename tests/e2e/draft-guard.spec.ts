import { expect, idbGetAll, test } from './fixtures';

const VIOLATION = '亲，加我V信 abc_123 给您优惠';

test('a violation typed into the PDD draft box is underlined; the host text stays exactly as typed', async ({ console: page }) => {
  await page.evaluate(() => (window as any).kefuDemo.buyerSays('9001', '王*五', '能便宜点吗'));
  const box = page.locator('#replyTextarea');
  await box.click();
  await box.pressSequentially(VIOLATION);
  const hit = page.locator('kefu-guard-draft .hit.block');
  await expect(hit.first()).toBeVisible();
  await expect(hit.first()).toHaveAttribute('data-category', 'contact_off_platform');
  await expect(box).toHaveValue(VIOLATION);
  await expect(page.getByTestId('draft-card')).toContainText('站外联系方式');
  expect(await page.evaluate(() => (window as any).kefuDemo.foreignMutations())).toEqual([]);
});

test('pre-send guard: Enter asks first and sends nothing; the agent may still send on the next Enter', async ({ console: page }) => {
  await page.evaluate(() => (window as any).kefuDemo.buyerSays('9002', 'S*n', '在吗'));
  const box = page.locator('#replyTextarea');
  await box.click();
  await box.pressSequentially(VIOLATION);
  await expect(page.locator('kefu-guard-draft .hit.block').first()).toBeVisible();
  await box.press('Enter');
  const confirm = page.getByTestId('draft-confirm');
  await expect(confirm).toBeVisible();
  expect(await page.evaluate(() => (window as any).kefuDemo.sent)).toEqual([]);
  await confirm.getByRole('button', { name: '返回修改' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(box).toHaveValue(VIOLATION);
  // The send button is guarded too.
  await page.locator('.send-btn').click();
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: '仍要发送' }).click();
  await expect(page.getByTestId('draft-passed')).toBeVisible();
  expect(await page.evaluate(() => (window as any).kefuDemo.sent)).toEqual([]); // we never send
  await box.press('Enter'); // the agent sends
  await expect.poll(() => page.evaluate(() => (window as any).kefuDemo.sent)).toEqual([VIOLATION]);
});

test('apply rewrite replaces only the flagged span through input events, and undo restores it', async ({ console: page }) => {
  await page.evaluate(() => (window as any).kefuDemo.buyerSays('9003', 'L*i', '怎么联系你'));
  const box = page.locator('#replyTextarea');
  await box.click();
  await box.pressSequentially(VIOLATION);
  await page.getByTestId('draft-apply').first().click();
  const rewritten = await box.inputValue();
  expect(rewritten).not.toBe(VIOLATION);
  expect(rewritten.startsWith('亲，')).toBe(true);
  expect(rewritten.endsWith('给您优惠')).toBe(true);
  await expect(page.locator('kefu-guard-draft .hit.block')).toHaveCount(0);
  await page.getByTestId('draft-undo').click();
  await expect(box).toHaveValue(VIOLATION);
  // A clean draft goes out on Enter with no question asked.
  await box.fill('亲，请您在平台内下单，我们会尽快为您发货');
  await box.press('Enter');
  await expect(page.getByTestId('draft-confirm')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => (window as any).kefuDemo.sent.length)).toBe(1);
});

test('a buyer baiting the agent off the platform is flagged in the popup with a safe reply', async ({ console: page, context, extensionId, sw }) => {
  await page.evaluate(() => (window as any).kefuDemo.buyerSays('9004', 'B*t', '你加我微信吧，微信转账给你便宜点'));
  await expect.poll(async () => (await idbGetAll<{ id: string }>(sw, 'conversations')).map((c) => c.id)).toContain('pdd:default:9004');
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const bait = popup.getByTestId('risk-row').filter({ hasText: 'B*t' }).getByTestId('buyer-bait');
  await expect(bait).toBeVisible();
  await expect(bait).toContainText('建议回复：');
});
