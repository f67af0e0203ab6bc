import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { AfterSaleCase } from '@/lib/domain/aftersale';
import type { ConversationRow, ThreadMessage } from '@/lib/domain/chat';
import type { PlatformId } from '@/lib/domain/platform';
import type { AftersaleUpdate, ChatUpdate } from '@/lib/messaging/protocol';
import { KefuDB } from '@/lib/store/db';
import { withHealth } from '@/lib/tracker/job-health';
import { serial } from '@/lib/tracker/serial';
import { Tracker } from '@/lib/tracker/tracker';
import { shanghai } from '../helpers';
import { makeHarness, row, thread } from '../tracker/harness';
import { prng } from '../helpers';
import { dump } from './crash';

/**
 * Issue 9 item 2 — concurrency. The background runs every store job through `withHealth(serial())`
 * (entrypoints/background/index.ts); these tests feed it the way several tabs do: many updates
 * in flight at once, and reads that reach the worker after a newer read of the same conversation
 * or case from another tab.
 */
const S = 1000;
const T = shanghai('2026-11-24T10:00:00');

const chat = (platform: PlatformId, shop: string, capturedAt: number, rows: ConversationRow[], removedKeys: string[] = []): ChatUpdate => ({
  type: 'chat/update',
  full: false,
  removedKeys,
  snapshot: { platform, shop, url: 'https://console/', capturedAt, conversations: rows, health: { missingSelectors: [], unparsedFields: [] } },
});

const aCase = (caseId: string, stage: string, stageText: string, pageDeadline: number | null): AfterSaleCase => ({
  caseId, orderId: null, kind: 'return_refund', kindText: '退货退款', stage, stageText, amountFen: 100, appliedAt: T - 3_600_000, deadlineText: null, pageDeadline, autoAction: null, autoActionText: null,
});
const cases = (shop: string, capturedAt: number, list: AfterSaleCase[]): AftersaleUpdate => ({
  type: 'aftersale/update',
  full: true,
  snapshot: { platform: 'pdd', shop, url: 'https://console/aftersale', capturedAt, pageKind: 'aftersale-list', cases: list, health: { missingSelectors: [], unparsedFields: [] } },
});

/** The background's job runner: one job at a time, failures reported. */
const backgroundRunner = () => withHealth(serial(), { failed: () => undefined, recovered: () => undefined });

/** Store contents that must not depend on how the jobs were interleaved (the audit log's auto ids aside). */
const state = async (db: KefuDB) => (await dump(db)).map(([name, rows]) => [name, name === 'audit' ? rows.map((r) => ({ ...r, id: undefined })) : rows]);

describe('reliability: tabs feeding the worker at once', () => {
  it('two tabs of one shop and two other shops, all in flight at once: the result is that of running them one by one in arrival order', async () => {
    const random = prng(9);
    // Each tab's page evolves: buyers write, agents answer; every step is one update from that tab.
    const sources = [
      { platform: 'pdd' as const, shop: 'shop-a', tab: 1 },
      { platform: 'pdd' as const, shop: 'shop-a', tab: 2 },
      { platform: 'pdd' as const, shop: 'shop-b', tab: 3 },
      { platform: 'douyin' as const, shop: 'shop-c', tab: 4 },
    ];
    const threads = new Map<string, ThreadMessage[]>();
    const messages: { update: ChatUpdate | AftersaleUpdate; tab: number; now: number }[] = [];
    let now = T;
    for (let i = 0; i < 120; i++) {
      now += Math.floor(random() * 4 * S);
      const source = sources[Math.floor(random() * sources.length)]!;
      if (random() < 0.2) {
        const stage = random() < 0.7 ? (['seller_review', '待商家处理'] as const) : (['closed', '退款成功'] as const);
        messages.push({ update: cases(source.shop, now, [aCase(`8${i % 3}`, stage[0], stage[1], stage[0] === 'closed' ? null : now + 2 * 3_600_000)]), tab: source.tab + 10, now });
        continue;
      }
      const key = `${source.shop}-${Math.floor(random() * 3)}`;
      const list = threads.get(key) ?? [];
      list.push({ at: now - 1, speaker: random() < 0.6 ? 'buyer' : 'agent' });
      threads.set(key, list);
      messages.push({ update: chat(source.platform, source.shop, now, [thread(key, key, [...list])]), tab: source.tab, now });
    }
    const send = (t: Tracker, m: (typeof messages)[number]): Promise<unknown> =>
      m.update.type === 'chat/update' ? t.onChatUpdate(m.update, m.tab, m.now) : t.onAftersaleUpdate(m.update, m.tab, m.now);

    const reference = makeHarness();
    for (const m of messages) await send(reference.tracker, m);

    const h = makeHarness();
    const run = backgroundRunner();
    const replies = await Promise.all(messages.map((m) => run(() => send(h.tracker, m))));
    expect(replies).toHaveLength(messages.length);
    expect(await state(h.db)).toEqual(await state(reference.db));
    expect(h.shown).toEqual(reference.shown);
    expect(h.armed).toEqual(reference.armed);
    // One clock per rule per conversation, whatever the number of tabs showing it.
    const open = await h.db.deadlines.where('[state+dueAt]').between(['open', Dexie.minKey], ['open', Dexie.maxKey]).toArray();
    const clocks = open.map((d) => `${d.conversationId}|${d.ruleId}`);
    expect(new Set(clocks).size).toBe(clocks.length);
    await Promise.all([h.db.delete(), reference.db.delete()]);
  });

  it('a failing job in the queue does not stop or disturb the jobs queued behind it', async () => {
    const h = makeHarness();
    const failures: unknown[] = [];
    const run = withHealth(serial(), { failed: (e) => void failures.push(e), recovered: () => undefined });
    const results = await Promise.allSettled([
      run(() => h.tracker.onChatUpdate(chat('pdd', 'shop-a', T, [thread('1', 'A', [{ at: T, speaker: 'buyer' }])]), 1, T + S)),
      run(() => Promise.reject(new Error('some other job failed'))),
      run(() => h.tracker.onChatUpdate(chat('pdd', 'shop-b', T, [thread('1', 'B', [{ at: T, speaker: 'buyer' }])]), 3, T + S)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(failures).toHaveLength(1);
    expect((await h.db.conversations.toCollection().primaryKeys()).sort()).toEqual(['pdd:shop-a:1', 'pdd:shop-b:1']);
    await h.db.delete();
  });
});

describe('reliability: late (stale) reads never overwrite newer state', () => {
  const waiting = thread('7', 'C', [{ at: T, speaker: 'buyer' }]);
  const answered = thread('7', 'C', [{ at: T, speaker: 'buyer' }, { at: T + 60 * S, speaker: 'agent' }]);

  it.each([
    ['the same worker', false],
    ['a restarted worker (empty cache: only the stored observedAt knows)', true],
  ])('chat: tab 1 read the wait before tab 2 saw the reply, but is delivered last — %s', async (_, restart) => {
    const h = makeHarness();
    let tracker = h.tracker;
    await tracker.onChatUpdate(chat('pdd', 'default', T + 10 * S, [waiting]), 1, T + 10 * S);
    await tracker.onChatUpdate(chat('pdd', 'default', T + 61 * S, [answered]), 2, T + 61 * S);
    const before = await h.db.conversations.get('pdd:default:7');
    if (restart) {
      tracker = new Tracker(h.ports);
      await tracker.resume(T + 62 * S);
    }
    await tracker.onChatUpdate(chat('pdd', 'default', T + 30 * S, [waiting]), 1, T + 62 * S);
    expect((await h.db.deadlines.toArray()).map((d) => d.state)).toEqual(['met', 'met']);
    expect(await h.db.conversations.get('pdd:default:7')).toEqual(before);
    await tracker.onAlarm(T + 170 * S);
    expect(h.shown).toEqual([]);
    expect(h.alarm).toBeNull();
    await h.db.delete();
  });

  it('chat, through the background queue: of two reads in flight, the older one delivered second changes nothing', async () => {
    const h = makeHarness();
    const run = backgroundRunner();
    await run(() => h.tracker.onChatUpdate(chat('pdd', 'default', T + 10 * S, [waiting]), 1, T + 10 * S));
    await Promise.all([
      run(() => h.tracker.onChatUpdate(chat('pdd', 'default', T + 61 * S, [answered]), 2, T + 62 * S)),
      run(() => h.tracker.onChatUpdate(chat('pdd', 'default', T + 60.5 * S, [waiting]), 1, T + 62 * S)),
    ]);
    expect((await h.db.deadlines.toArray()).map((d) => d.state)).toEqual(['met', 'met']);
    expect(await h.db.conversations.get('pdd:default:7')).toMatchObject({ lastSpeaker: 'agent', tabId: 2 });
    await h.db.delete();
  });

  it.each([false, true])('chat: a late read that dropped a row does not hide a conversation a newer read shows (restart: %s)', async (restart) => {
    const h = makeHarness();
    let tracker = h.tracker;
    await tracker.onChatUpdate(chat('pdd', 'default', T, [row('1', { waiting: false }), row('2', { waiting: false })]), 1, T);
    await tracker.onChatUpdate(chat('pdd', 'default', T + 20 * S, [row('2', { waiting: true, waitingMs: 0, lastSpeaker: 'buyer' })]), 2, T + 20 * S);
    if (restart) tracker = new Tracker(h.ports);
    // Tab 1's read from T+10 s, when conversation 2 had scrolled out of its list, arrives last.
    await tracker.onChatUpdate(chat('pdd', 'default', T + 10 * S, [], ['2']), 1, T + 21 * S);
    expect(await h.db.conversations.get('pdd:default:2')).toMatchObject({ visible: true, lastSpeaker: 'buyer' });
    // A removal read after the newest read still applies.
    await tracker.onChatUpdate(chat('pdd', 'default', T + 30 * S, [], ['2']), 1, T + 30 * S);
    expect(await h.db.conversations.get('pdd:default:2')).toMatchObject({ visible: false });
    await h.db.delete();
  });

  it('chat: the same read delivered twice (a resend after a lost reply) changes nothing the second time', async () => {
    const h = makeHarness();
    const u = chat('pdd', 'default', T + 10 * S, [waiting, row('8', { waiting: true, waitingMs: 5 * S, lastSpeaker: 'buyer' })]);
    await h.tracker.onChatUpdate(u, 1, T + 10 * S);
    const once = await dump(h.db);
    await new Tracker(h.ports).onChatUpdate(u, 1, T + 10 * S);
    expect(await dump(h.db)).toEqual(once);
    await h.db.delete();
  });

  it.each([false, true])('after-sales: an older read of a case delivered after a newer one changes nothing (restart: %s)', async (restart) => {
    const h = makeHarness();
    const run = backgroundRunner();
    let tracker = h.tracker;
    await run(() => tracker.onAftersaleUpdate(cases('default', T + 20 * S, [aCase('1', 'closed', '退款成功', null)]), 1, T + 20 * S));
    const before = await dump(h.db);
    if (restart) tracker = new Tracker(h.ports);
    await run(() => tracker.onAftersaleUpdate(cases('default', T + 10 * S, [aCase('1', 'seller_review', '待商家处理', T + 3_600_000)]), 2, T + 21 * S));
    const after = await dump(h.db);
    // Only the reporting tab's own health record may change.
    expect(after.filter(([name]) => name !== 'tabs')).toEqual(before.filter(([name]) => name !== 'tabs'));
    expect(h.alarm).toBeNull();
    await h.db.delete();
  });
});

describe('reliability: a page that takes something back', () => {
  it('an agent message recalled (撤回) after it answered the wait: the wait reopens, but a warning already shown is not shown again', async () => {
    const h = makeHarness();
    await h.tracker.onChatUpdate(chat('pdd', 'default', T + S, [thread('1', 'A', [{ at: T, speaker: 'buyer' }])]), 1, T + S);
    await h.tracker.onAlarm(T + 150 * S); // "30 s left" shown
    expect(h.shown).toHaveLength(1);
    await h.tracker.onChatUpdate(chat('pdd', 'default', T + 160 * S, [thread('1', 'A', [{ at: T, speaker: 'buyer' }, { at: T + 155 * S, speaker: 'agent' }])]), 1, T + 160 * S);
    // The agent recalls the message: the thread shows the buyer waiting since T again.
    await h.tracker.onChatUpdate(chat('pdd', 'default', T + 170 * S, [thread('1', 'A', [{ at: T, speaker: 'buyer' }])]), 1, T + 170 * S);
    await h.tracker.onAlarm(T + 171 * S);
    expect(h.shown).toHaveLength(1);
    const human = await h.db.warnings.get(`pdd:default:1|pdd.reply.human_3min|${T}|30000`);
    expect(human).toMatchObject({ state: 'fired', firedAt: T + 150 * S });
    // The 60-minute clock's rungs, never shown, still alert when due.
    await h.tracker.onAlarm(T + 50 * 60 * S);
    expect(h.shown).toHaveLength(2);
    await h.db.delete();
  });
});
