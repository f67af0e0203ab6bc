import { expect, idbGetAll, test, watchPageErrors } from './fixtures';

/** Each platform's console on its real hostname (served from fixtures), then the popup. */
const PLATFORMS = [
  { id: 'douyin', label: '抖店', chat: 'https://im.jinritemai.com/pc_seller_v2/main/workspace?fixture=chat-workspace', cases: 'https://fxg.jinritemai.com/ffa/maftersale/aftersale/list?fixture=aftersale-list', caseId: '7470000000000000001' },
  { id: 'kuaishou', label: '快手小店', chat: 'https://im.kwaixiaodian.com/workbench?fixture=chat-waiting', cases: 'https://s.kwaixiaodian.com/zone/refund/detail?refundId=2100000123456789&fixture=aftersale-detail', caseId: '2100000123456789' },
  { id: 'jd', label: '京东', chat: 'https://dongdong.jd.com/?fixture=chat', cases: 'https://shop.jd.com/jdm/trade/after-sale/independent-after-sale/list?tabCode=all&fixture=aftersale-list', caseId: '4048292768' },
  { id: 'pdd', label: '拼多多', chat: null, cases: 'https://mms.pinduoduo.com/aftersales/aftersale_list?fixture=aftersale-list', caseId: '23111111111111' },
  { id: 'taobao', label: '淘宝/天猫', chat: null, cases: 'https://refund2.taobao.com/dispute/sellerDisputeList.htm?type=1&fixture=aftersale-list', caseId: '199391870665303585' },
] as const;

for (const p of PLATFORMS) {
  test(`${p.id}: conversations and cases read on the real hostname show in the popup`, async ({ context, sw, extensionId }) => {
    const errors: string[] = [];
    if (p.chat) {
      const chat = await context.newPage();
      errors.push(...watchPageErrors(chat));
      await chat.goto(p.chat);
      await expect.poll(async () => (await idbGetAll<{ platform: string }>(sw, 'conversations')).filter((c) => c.platform === p.id).length).toBeGreaterThan(0);
    }
    const cases = await context.newPage();
    const caseErrors = watchPageErrors(cases);
    await cases.goto(p.cases);
    await expect.poll(async () => (await idbGetAll<{ caseId: string }>(sw, 'cases')).map((c) => c.caseId)).toContain(p.caseId);

    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(popup.locator(`[data-testid="case-row"][data-case="${p.id}:default:${p.caseId}"]`)).toContainText(p.label);
    if (p.chat) await expect(popup.getByTestId('risk-row').filter({ hasText: p.label }).first()).toBeVisible();
    await expect(popup.getByTestId('degraded-row')).toHaveCount(0);
    expect([...errors, ...caseErrors]).toEqual([]);
  });
}

test('taobao: the chat-history page says chat timers are not available in the browser', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto('https://qn.taobao.com/home.htm/app-customer-service/toolpage/Message?fixture=history');
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByTestId('chat-unavailable-row')).toContainText('淘宝/天猫：聊天计时在浏览器中不可用');
});
