import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Worker } from '@playwright/test';
import { launchWithExtension } from '../../scripts/chromium-with-extension';
import { CHAT_URL, countAllDay, expect, idbGetAll, notificationIds, swControl, test, watchPageErrors, type WarningRow } from './fixtures';

const LIST_URL = 'https://mms.pinduoduo.com/aftersales/aftersale_list?fixture=aftersale-list-due-soon';
const SOON = 'pdd:default:23555555555555';
const LATER = 'pdd:default:23666666666666';
const DAY = 86_400_000;

interface CaseRow {
  id: string;
  dueAt: number | null;
  ruleId: string | null;
  stageKey: string;
}

async function workerOf(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

// Runs its own browser twice on one profile, so it does not use the shared `context` fixture.
test('an after-sales case is tracked, warned at its first rung, ranked among chats, and its checklist survives a worker kill and a browser restart', async () => {
  test.setTimeout(120_000);
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'kefu-e2e-aftersale-'));
  const leaks: string[] = [];
  try {
    const first = await launchWithExtension(userDataDir);
    const context = first.context;
    const sw = await workerOf(context);
    const extensionId = new URL(sw.url()).host;
    await countAllDay(context, extensionId);

    const chat = await context.newPage();
    const chatErrors = watchPageErrors(chat);
    await chat.goto(CHAT_URL);
    await chat.waitForSelector('ul.chat-list', { state: 'attached' });
    await chat.evaluate(() => (window as any).kefuDemo.buyerSays('7101', '王*五', '在吗', 30_000));

    const list = await context.newPage();
    const listErrors = watchPageErrors(list);
    const readAt = Date.now();
    await list.goto(LIST_URL);
    await expect.poll(async () => (await idbGetAll<CaseRow>(sw, 'cases')).map((c) => c.id).sort()).toEqual([SOON, LATER]);
    const soon = (await idbGetAll<CaseRow>(sw, 'cases')).find((c) => c.id === SOON)!;
    // The page's countdown (1 day 20 s) wins over the rule; the pack's review rule supplies the ladder.
    expect(soon.dueAt! - readAt).toBeGreaterThan(DAY + 10_000);
    expect(soon.dueAt! - readAt).toBeLessThan(DAY + 25_000);
    expect(soon.ruleId).toBe('pdd.aftersale.review_request');
    expect(await notificationIds(sw)).not.toContain(SOON);

    // The 24-hour rung fires about 20 s after the page was read, by the alarm alone.
    await expect.poll(() => notificationIds(sw), { timeout: 45_000, intervals: [1000] }).toContain(SOON);
    const rungs = (await idbGetAll<WarningRow>(sw, 'warnings')).filter((w) => w.deadlineId.startsWith(`case|${SOON}|`));
    expect(rungs.filter((w) => w.state === 'fired')).toHaveLength(1);
    const fired = rungs.find((w) => w.state === 'fired')!;
    expect(fired.warnAt).toBe(soon.dueAt! - DAY);
    expect(fired.firedAt!).toBeGreaterThanOrEqual(fired.warnAt - 1000);
    expect(fired.message).toMatch(/^售后单 23555555555555（退货退款·待商家处理）还剩 23小时59分：超时系统默认同意并自动退款。下一步：处理退款\/退货申请$/);
    expect(rungs.filter((w) => w.state === 'pending')).toHaveLength(3);

    // The popup ranks the case among the chats by time left: the 3-minute chat, then the cases.
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const rows = popup.locator('[data-testid="risk-row"], [data-testid="case-row"]');
    await expect.poll(() => rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-conversation') ?? el.getAttribute('data-case')))).toEqual([
      'pdd:default:7101',
      SOON,
      LATER,
    ]);
    await popup.getByTestId('filter-type').selectOption('case');
    await expect(rows).toHaveCount(2);

    // Shift handover: what falls due in the next 8 hours (the 1-day and 6-day cases are not), copied as text.
    await popup.getByTestId('view-toggle').click();
    await expect.poll(() => rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-conversation') ?? el.getAttribute('data-case')))).toEqual(['pdd:default:7101']);
    await popup.getByTestId('handover-hours').selectOption('24');
    await expect(rows).toHaveCount(2);
    // The text handed to the clipboard (reading the system clipboard back needs a permission we do not ask for).
    await popup.evaluate(() => {
      const write = navigator.clipboard.writeText.bind(navigator.clipboard);
      navigator.clipboard.writeText = (text: string) => write(text).then(() => void ((window as any).copiedText = text));
    });
    await popup.getByTestId('handover-copy').click();
    await expect(popup.getByTestId('handover').getByRole('status')).toHaveText('已复制');
    const copied: string = await popup.evaluate(() => (window as any).copiedText);
    expect(copied).toMatch(/^【交接班】\d\d-\d\d \d\d:\d\d 起 24 小时内到期：2 项\n/);
    expect(copied).toContain('售后 23555555555555：退货退款·待商家处理，未处理，系统将自动退款');

    // The side panel's checklist for the case: steps with due times, the silent-seller outcome.
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?case=${encodeURIComponent(SOON)}`);
    await expect(panel.getByTestId('silent-outcome')).toContainText('超时系统默认同意并自动退款');
    const current = panel.locator('[data-testid="step"][data-applies="current"]');
    await expect(current.first()).toBeVisible();
    const stepId = (await current.first().getAttribute('data-step'))!;
    await current.first().locator('input[type="checkbox"]').check();
    await panel.getByTestId('case-note').fill('买家已发照片，尺码问题');
    await expect.poll(async () => (await idbGetAll<{ caseId: string; ticked: string[]; note: string }>(sw, 'checklists')).find((c) => c.caseId === SOON)).toMatchObject({
      ticked: [stepId],
      note: '买家已发照片，尺码问题',
    });

    // Kill the worker: the ticks are in IndexedDB, not in the worker.
    const ctl = await swControl(context);
    await ctl.stop();
    await panel.reload();
    await expect(panel.locator(`[data-testid="step"][data-step="${stepId}"] input`)).toBeChecked();

    expect([...chatErrors, ...listErrors]).toEqual([]);
    leaks.push(...first.leaks);
    await context.close();

    // Restart the browser on the same profile.
    const second = await launchWithExtension(userDataDir);
    const sw2 = await workerOf(second.context);
    const again = await second.context.newPage();
    await again.goto(`chrome-extension://${new URL(sw2.url()).host}/sidepanel.html?case=${encodeURIComponent(SOON)}`);
    await expect(again.locator(`[data-testid="step"][data-step="${stepId}"] input`)).toBeChecked();
    await expect(again.getByTestId('case-note')).toHaveValue('买家已发照片，尺码问题');
    leaks.push(...second.leaks);
    await second.context.close();
  } finally {
    rmSync(userDataDir, { recursive: true, force: true });
  }
  expect(leaks, 'requests to anywhere but the console').toEqual([]);
});
