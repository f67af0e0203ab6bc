import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { AfterSaleCase } from '@/lib/domain/aftersale';
import type { PlatformId } from '@/lib/domain/platform';
import type { ThreadMessage } from '@/lib/domain/chat';
import type { AftersaleUpdate, ChatUpdate } from '@/lib/messaging/protocol';
import { KefuDB } from '@/lib/store/db';
import { Tracker } from '@/lib/tracker/tracker';
import { shanghai } from '../helpers';
import { makeHarness, thread } from '../tracker/harness';
import { crashInjector, prng } from './crash';

/**
 * Worker kills: snapshots from several tabs, each job possibly killed between any two store
 * operations. After a kill the worker restarts (empty cache, `resume`) and the page resends its
 * whole snapshot, as the content script does. CI runs KEFU_FAULT_EVENTS=1000 (the default); the
 * full setting is KEFU_FAULT_EVENTS=10000. KEFU_FAULT_SEED reproduces a run.
 */
const EVENTS = Number(process.env.KEFU_FAULT_EVENTS ?? 1000);
const SEED = Number(process.env.KEFU_FAULT_SEED ?? 20261124);

interface ChatGroup {
  platform: PlatformId;
  shop: string;
  tabs: number[];
  threads: Map<string, ThreadMessage[]>;
}
interface CaseGroup {
  platform: PlatformId;
  shop: string;
  tab: number;
  cases: Map<string, AfterSaleCase>;
}

const STAGES: [string, string][] = [
  ['seller_review', '待商家处理'],
  ['seller_confirm_receipt', '待商家确认收货'],
  ['closed', '退款成功'],
];

describe('reliability: worker killed at random points', () => {
  it(`${EVENTS} ingests from five tabs with kills between store operations lose nothing and alert each warning exactly once`, async () => {
    const random = prng(SEED);
    const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const db = new KefuDB(`kill-${SEED}-${Math.random().toString(36).slice(2)}`);
    const crash = crashInjector(db);
    const h = makeHarness({ db });
    let tracker = new Tracker(h.ports);
    let now = shanghai('2026-11-24T09:00:00');

    const chats: ChatGroup[] = [
      { platform: 'pdd', shop: 'shop-a', tabs: [1, 2], threads: new Map() }, // one shop open in two tabs
      { platform: 'douyin', shop: 'shop-b', tabs: [3], threads: new Map() },
    ];
    const caseGroups: CaseGroup[] = [
      { platform: 'pdd', shop: 'shop-a', tab: 4, cases: new Map() },
      { platform: 'jd', shop: 'default', tab: 5, cases: new Map() },
    ];
    const sentConversations = new Set<string>();
    const sentCases = new Set<string>();
    const shownByEvent: Set<string>[] = [];
    let jobs = 0;
    let ingests = 0;

    const chatUpdate = (g: ChatGroup): ChatUpdate => ({
      type: 'chat/update',
      full: true,
      removedKeys: [],
      snapshot: { platform: g.platform, shop: g.shop, url: 'https://console/', capturedAt: now, conversations: [...g.threads].map(([key, messages]) => thread(key, `买家${key}`, messages.slice(-20))), health: { missingSelectors: [], unparsedFields: [] } },
    });
    const caseUpdate = (g: CaseGroup): AftersaleUpdate => ({
      type: 'aftersale/update',
      full: true,
      snapshot: { platform: g.platform, shop: g.shop, url: 'https://console/', capturedAt: now, pageKind: 'aftersale-list', cases: [...g.cases.values()], health: { missingSelectors: [], unparsedFields: [] } },
    });

    /** One job as the background runs it; killed at a random store operation 30% of the time. */
    async function run(job: () => Promise<unknown>): Promise<void> {
      jobs++;
      if (random() < 0.3) crash.arm(Math.floor(random() * 12));
      try {
        await job();
      } catch (error) {
        if (!String(error).includes('injected crash')) throw error;
        crash.disarm();
        tracker = new Tracker(h.ports); // a fresh worker: nothing cached survives
        await tracker.resume(now);
        await job(); // the page resends its whole snapshot
      } finally {
        crash.disarm();
      }
    }

    for (let event = 0; event < EVENTS; event++) {
      const shownBefore = h.shown.length;
      // Mostly busy seconds, sometimes a quiet quarter of an hour: the alarm then wakes the worker on its own.
      const next = now + (random() < 0.1 ? Math.floor(random() * 30 * 60_000) : Math.floor(random() * 20_000));
      for (let wakes = 0; h.alarm !== null && h.alarm <= next; wakes++) {
        expect(wakes, 'an alarm that never moves on').toBeLessThan(50);
        now = Math.max(now, h.alarm);
        await run(() => tracker.onAlarm(now));
      }
      now = next;
      const roll = random();
      if (roll < 0.6) {
        const g = pick(chats);
        const key = `c${Math.floor(random() * 6)}`;
        const messages = g.threads.get(key) ?? [];
        messages.push({ at: now - Math.floor(random() * 5_000), speaker: random() < 0.55 ? 'buyer' : 'agent' });
        messages.sort((a, b) => a.at - b.at);
        g.threads.set(key, messages);
        sentConversations.add(`${g.platform}:${g.shop}:${key}`);
        const update = chatUpdate(g);
        ingests++;
        await run(() => tracker.onChatUpdate(update, pick(g.tabs), now));
      } else {
        const g = pick(caseGroups);
        const id = `9${Math.floor(random() * 5)}`;
        const current = g.cases.get(id);
        const next = current ? STAGES[Math.min(STAGES.findIndex(([s]) => s === current.stage) + (random() < 0.3 ? 1 : 0), STAGES.length - 1)]! : STAGES[0]!;
        g.cases.set(id, {
          caseId: id,
          orderId: null,
          kind: 'return_refund',
          kindText: '退货退款',
          stage: next[0],
          stageText: next[1],
          amountFen: 100,
          appliedAt: current?.appliedAt ?? now - 40 * 3_600_000,
          deadlineText: null,
          pageDeadline: next[0] === 'closed' ? null : (current?.stage === next[0] ? current.pageDeadline : now + Math.floor(random() * 3 * 3_600_000)),
          autoAction: null,
          autoActionText: null,
        });
        sentCases.add(`${g.platform}:${g.shop}:${id}`);
        const update = caseUpdate(g);
        ingests++;
        await run(() => tracker.onAftersaleUpdate(update, g.tab, now));
      }
      shownByEvent.push(new Set(h.shown.slice(shownBefore).flatMap((s) => s.rungs)));
    }

    // Later the worker wakes once more, long after everything fell due.
    now += 3 * 86_400_000;
    tracker = new Tracker(h.ports);
    const beforeFinal = h.shown.length;
    await tracker.resume(now);
    shownByEvent.push(new Set(h.shown.slice(beforeFinal).flatMap((s) => s.rungs)));

    const conversations = new Set(await db.conversations.toCollection().primaryKeys());
    const cases = new Set(await db.cases.toCollection().primaryKeys());
    const lostConversations = [...sentConversations].filter((id) => !conversations.has(id));
    const lostCases = [...sentCases].filter((id) => !cases.has(id));
    const warnings = await db.warnings.toArray();
    const fired = warnings.filter((w) => w.state === 'fired');
    // A rung shown in a job that was killed before it stored "fired" is shown again under the same
    // notification id (replacing it): within one event that is one alert. Across events it would be two.
    const eventsShowing = (id: string) => shownByEvent.filter((set) => set.has(id)).length;
    const duplicates = fired.filter((w) => eventsShowing(w.id) > 1).length;
    const neverShown = fired.filter((w) => eventsShowing(w.id) === 0).length;
    const stillPendingInThePast = warnings.filter((w) => w.state === 'pending' && w.warnAt <= now).length;
    const nextPending = await db.warnings.where('[state+warnAt]').between(['pending', Dexie.minKey], ['pending', Dexie.maxKey]).first();

    console.log(
      `worker kills (seed ${SEED}): ${ingests} ingests + ${jobs - ingests} alarm jobs driven, ${crash.fired} kills injected, ` +
        `${sentConversations.size} conversations and ${sentCases.size} cases sent, lost ${lostConversations.length} + ${lostCases.length}, ` +
        `${fired.length} warnings fired, ${duplicates} duplicate alerts, ${neverShown} fired but never shown`,
    );
    expect(crash.fired).toBeGreaterThan(EVENTS / 10);
    expect(ingests).toBe(EVENTS);
    expect(lostConversations).toEqual([]);
    expect(lostCases).toEqual([]);
    expect(fired.length).toBeGreaterThan(10);
    expect(duplicates).toBe(0);
    expect(neverShown).toBe(0);
    expect(stillPendingInThePast).toBe(0);
    expect(h.alarm).toBe(nextPending?.warnAt ?? null);
    await db.delete();
  }, 120_000);
});
