import { expect, idbGetAll, test } from './fixtures';

const BUYER = 'pdd:default:7301';

test('suggested replies: picked in the page card by keyboard and from the popup, they land at the caret as input events and are never sent', async ({ context, console: page, extensionId, sw }) => {
  await page.evaluate(() => {
    (window as any).kefuDemo.buyerSays('7301', '赵*六', '黑色L码没货了吗');
    const box = document.getElementById('replyTextarea')!;
    (window as any).inputEvents = 0;
    box.addEventListener('input', () => (window as any).inputEvents++);
  });
  const box = page.locator('#replyTextarea');
  await box.fill('您好！ 稍等');
  await box.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(3, 3)); // caret after "您好！"
  const before = await page.evaluate(() => (window as any).inputEvents);

  const card = page.getByTestId('suggest-card');
  await card.locator('summary').click();
  const first = page.getByTestId('suggestion').first();
  await expect(first).toHaveAttribute('data-template', 'out_of_stock.alternative');
  await expect(first).toContainText('赵*六非常抱歉'); // the buyer's nick filled from the page

  // Keyboard: ↓ then ↑ comes back to the first; it needs {alternative}, so Enter inserts nothing yet.
  const list = page.getByTestId('suggest-list');
  await list.focus();
  await list.press('ArrowDown');
  await expect(page.getByTestId('suggestion').nth(1)).toHaveAttribute('aria-selected', 'true');
  await list.press('ArrowUp');
  await expect(page.getByTestId('suggest-insert')).toBeDisabled();
  await list.press('Enter');
  await expect(box).toHaveValue('您好！ 稍等');
  await page.getByTestId('suggest-var-alternative').fill('灰色款');
  await list.focus();
  await list.press('Enter');
  const inserted = '赵*六非常抱歉，这款目前暂时缺货，给您推荐灰色款，款式和用料都很接近，您看看是否合适呢？';
  await expect(box).toHaveValue(`您好！${inserted} 稍等`);
  expect(await page.evaluate(() => (window as any).inputEvents)).toBeGreaterThan(before);
  await page.getByTestId('suggest-undo').click();
  await expect(box).toHaveValue('您好！ 稍等');

  // From the popup: the same buyer's row offers suggestions; a click inserts into the console tab.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const row = popup.locator(`[data-testid="risk-row"][data-conversation="${BUYER}"]`);
  await row.getByTestId('popup-suggest-toggle').click();
  const suggestion = row.locator('[data-testid="popup-suggestion"][data-template="out_of_stock.alternative"]');
  await expect(suggestion.getByTestId('popup-insert')).toBeDisabled(); // {alternative} still missing
  await suggestion.getByRole('textbox', { name: '替代商品' }).fill('灰色款');
  await suggestion.getByTestId('popup-insert').click();
  await expect(row.getByRole('status')).toHaveText('已插入，请在聊天框检查后发送');
  await expect(box).toHaveValue(`您好！${inserted} 稍等`);
  expect(await page.evaluate(() => (window as any).kefuDemo.sent)).toEqual([]);
  // The activity log shows both insertions, on the agent's click, and nothing else done to the page.
  await expect.poll(async () => (await idbGetAll<{ action: string; subject: string }>(sw, 'audit')).filter((a) => a.action === 'template-inserted').map((a) => a.subject)).toEqual([
    'out_of_stock.alternative',
    'out_of_stock.alternative',
  ]);
});
