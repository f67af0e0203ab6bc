import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { AfterSaleCase } from '@/lib/domain/aftersale';
import type { ConversationRow } from '@/lib/domain/chat';
import type { AftersaleUpdate, ChatUpdate } from '@/lib/messaging/protocol';
import { KefuDB } from '@/lib/store/db';
import { fireDueWarnings } from '@/lib/tracker/alerts';
import { StoreCache } from '@/lib/tracker/cache';
import { ingestCases } from '@/lib/tracker/cases';
import { ingestChat } from '@/lib/tracker/ingest';
import { withHealth } from '@/lib/tracker/job-health';
import { serial } from '@/lib/tracker/serial';
import type { TrackerPorts } from '@/lib/tracker/ports';
import { Tracker } from '@/lib/tracker/tracker';
import { shanghai } from '../helpers';
import { makeHarness, row, thread } from '../tracker/harness';
import { crashInjector, dump, InjectedCrash, isInjected } from './crash';

/**
 * Issue 9 item 4 — storage faults: a transaction that fails at any of its operations, a full disk
 * (QuotaExceededError), and a schema upgrade that throws. Whatever fails, what was stored stays.
 */
const S = 1000;
const H = 3_600_000;
const T = shanghai('2026-11-24T10:00:00');

const chat = (capturedAt: number, rows: ConversationRow[], removedKeys: string[] = []): ChatUpdate => ({
  type: 'chat/update',
  full: false,
  removedKeys,
  snapshot: { platform: 'pdd', shop: 'default', url: 'https://console/', capturedAt, conversations: rows, health: { missingSelectors: [], unparsedFields: [] } },
});
const aCase = (caseId: string, stage: string, stageText: string, pageDeadline: number | null): AfterSaleCase => ({
  caseId, orderId: null, kind: 'return_refund', kindText: '退货退款', stage, stageText, amountFen: 100, appliedAt: T - H, deadlineText: null, pageDeadline, autoAction: null, autoActionText: null,
});
const cases = (capturedAt: number, list: AfterSaleCase[]): AftersaleUpdate => ({
  type: 'aftersale/update',
  full: true,
  snapshot: { platform: 'pdd', shop: 'default', url: 'https://console/aftersale', capturedAt, pageKind: 'aftersale-list', cases: list, health: { missingSelectors: [], unparsedFields: [] } },
});

/** Everything stored, the audit log's auto-increment ids aside (a key generator need not roll back). */
async function contents(db: Pick<Dexie, 'tables'>): Promise<[string, unknown[]][]> {
  const tables: [string, unknown[]][] = [];
  for (const t of db.tables) {
    const rows: Record<string, unknown>[] = await t.toArray();
    tables.push([t.name, t.name === 'audit' ? rows.map((r) => ({ ...r, id: undefined })) : rows]);
  }
  return tables;
}

/** A store with something of everything: open clocks with warnings, an answered one, a case with its ladder, tabs. */
async function seed(ports: TrackerPorts, cache: StoreCache) {
  await ingestChat(ports, cache, chat(T, [thread('1', 'A', [{ at: T, speaker: 'buyer' }]), thread('2', 'B', [{ at: T, speaker: 'buyer' }, { at: T + 5 * S, speaker: 'agent' }])]), 1, T + 10 * S);
  await ingestCases(ports, cases(T + 10 * S, [aCase('91', 'seller_review', '待商家处理', T + 2 * H)]), 2, T + 10 * S);
}

/**
 * The three writers that run a transaction, each given work that touches every table it writes:
 * a reply that closes clocks (cancelling warnings), a new buyer (opening clocks), a row that left
 * the list; a case moving on (ending its ladder) and a new case; due warnings being fired.
 */
const writers: [string, (ports: TrackerPorts, cache: StoreCache) => Promise<unknown>][] = [
  ['ingestChat', (ports, cache) => ingestChat(ports, cache, chat(T + 60 * S, [thread('1', 'A', [{ at: T, speaker: 'buyer' }, { at: T + 50 * S, speaker: 'agent' }]), row('3', { waiting: true, waitingMs: 20 * S })], ['2']), 1, T + 60 * S)],
  ['ingestCases', (ports) => ingestCases(ports, cases(T + 60 * S, [aCase('91', 'seller_confirm_receipt', '待商家确认收货', T + 48 * H), aCase('92', 'seller_review', '待商家处理', T + 3 * H)]), 2, T + 60 * S)],
  ['fireDueWarnings', (ports) => fireDueWarnings(ports, T + 2 * H - 10 * 60 * S)],
];

describe('reliability: a failed transaction', () => {
  it.each(writers)('%s failing at any one of its store operations rejects and leaves every stored row (and the cache) as it was; a retry then applies', async (_, write) => {
    // A clean run: how many store operations the write takes, and what it leaves.
    // (Middleware is attached before a database opens: Dexie builds its stack on open.)
    const referenceDb = new KefuDB(`tx-ref-${Math.random().toString(36).slice(2)}`);
    const counter = crashInjector(referenceDb);
    const reference = makeHarness({ db: referenceDb });
    const referenceCache = new StoreCache();
    await seed(reference.ports, referenceCache);
    const from = counter.ops;
    await write(reference.ports, referenceCache);
    const operations = counter.ops - from;
    const expected = await contents(reference.db);
    expect(operations).toBeGreaterThan(2);

    for (let k = 0; k < operations; k++) {
      const db = new KefuDB(`tx-${k}-${Math.random().toString(36).slice(2)}`);
      const crash = crashInjector(db);
      const h = makeHarness({ db });
      const cache = new StoreCache();
      await seed(h.ports, cache);
      const before = await contents(h.db);
      crash.arm(k);
      const error = await write(h.ports, cache).then(() => null, (e: unknown) => e);
      crash.disarm();
      expect(isInjected(error), `operation ${k} of ${operations}`).toBe(true);
      expect(await contents(h.db), `operation ${k} of ${operations}`).toEqual(before);
      // The worker lives on with the same cache: it must not believe in writes that were rolled back.
      await write(h.ports, cache);
      expect(await contents(h.db), `retry after operation ${k}`).toEqual(expected);
      await h.db.delete();
    }
    await reference.db.delete();
  });
});

describe('reliability: a full disk', () => {
  const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

  // Dexie hands a DOMException from IndexedDB on as its own DexieError of the same name and message.
  it('QuotaExceededError on a write: the job rejects with it, the failure is reported, nothing stored changes; once space frees the next job applies', async () => {
    const db = new KefuDB(`quota-${Math.random().toString(36).slice(2)}`);
    const disk = crashInjector(db, { ops: ['mutate'], error: quota });
    const h = makeHarness({ db });
    const reports: string[] = [];
    const run = withHealth(serial(), { failed: (e) => void reports.push(`failed: ${(e as Error).name}`), recovered: () => void reports.push('recovered') });
    await run(() => h.tracker.onChatUpdate(chat(T, [thread('1', 'A', [{ at: T, speaker: 'buyer' }])]), 1, T + S));
    await run(() => h.tracker.onAftersaleUpdate(cases(T, [aCase('91', 'seller_review', '待商家处理', T + 2 * H)]), 2, T + S));
    const before = await dump(db);
    const armedBefore = h.armed.length;

    const jobs: (() => Promise<unknown>)[] = [
      () => h.tracker.onChatUpdate(chat(T + 60 * S, [thread('1', 'A', [{ at: T, speaker: 'buyer' }, { at: T + 50 * S, speaker: 'agent' }]), thread('2', 'B', [{ at: T + 55 * S, speaker: 'buyer' }])]), 1, T + 60 * S),
      () => h.tracker.onAftersaleUpdate(cases(T + 60 * S, [aCase('91', 'closed', '退款成功', null)]), 2, T + 60 * S),
    ];
    for (const job of jobs) {
      disk.arm(0); // the first write of the job: inside its transaction
      const error = await run(job).then(() => null, (e: unknown) => e);
      expect(error).toMatchObject({ name: 'QuotaExceededError', message: expect.stringContaining('The quota has been exceeded.') });
      expect(await dump(db)).toEqual(before);
    }
    expect(reports).toEqual(['failed: QuotaExceededError', 'failed: QuotaExceededError']);
    expect(h.armed.length).toBe(armedBefore); // nothing re-armed from a state that was never stored

    // Space freed: the page's resend applies in full.
    for (const job of jobs) await run(job);
    expect(reports[2]).toBe('recovered');
    expect((await db.deadlines.toArray()).filter((d) => d.conversationId === 'pdd:default:1').map((d) => d.state)).toEqual(['met', 'met']);
    expect((await db.deadlines.toArray()).filter((d) => d.conversationId === 'pdd:default:2').map((d) => d.state)).toEqual(['open', 'open']);
    expect(await db.cases.get('pdd:default:91')).toMatchObject({ stage: 'closed', dueAt: null });
    await db.delete();
  });

  it('QuotaExceededError when marking shown warnings fired: the alarm job rejects, the rungs stay pending, and the retry shows them once under the same id', async () => {
    const db = new KefuDB(`quota-alarm-${Math.random().toString(36).slice(2)}`);
    const disk = crashInjector(db, { ops: ['mutate'], error: () => new DOMException('full', 'QuotaExceededError') });
    const h = makeHarness({ db });
    await h.tracker.onChatUpdate(chat(T, [thread('1', 'A', [{ at: T, speaker: 'buyer' }])]), 1, T + S);
    await h.tracker.onAlarm(T + 2 * S); // this worker's retention purge runs now, not on the next alarm
    const before = await dump(db);
    disk.arm(0); // the first write of the next alarm job: marking the shown warning fired
    await expect(h.tracker.onAlarm(T + 150 * S)).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect(await dump(db)).toEqual(before);
    expect(h.shown).toHaveLength(1); // shown before the write failed
    // The next worker (or alarm) shows it again under the same notification id: it replaces the first.
    const next = new Tracker(h.ports);
    await next.resume(T + 151 * S);
    expect(h.shown.map((s) => [s.id, s.rungs])).toEqual([h.shown[0]!, h.shown[0]!].map((s) => [s.id, s.rungs]));
    await next.onAlarm(T + 152 * S);
    expect(h.shown).toHaveLength(2);
    expect(await db.warnings.get(h.shown[0]!.rungs[0]!)).toMatchObject({ state: 'fired', firedAt: T + 151 * S });
    await db.delete();
  });
});

describe('reliability: an alarm job that fails', () => {
  // Regression: the alarm that woke the worker is spent, and a failing job never reached rearm(), so
  // no alarm was left — overnight, with the consoles closed, no later warning would have fired.
  it('leaves an alarm armed for a retry', async () => {
    const db = new KefuDB(`alarm-fail-${Math.random().toString(36).slice(2)}`);
    const disk = crashInjector(db, { ops: ['mutate'], error: () => new DOMException('full', 'QuotaExceededError') });
    const h = makeHarness({ db });
    await h.tracker.onAftersaleUpdate(cases(T, [aCase('91', 'seller_review', '待商家处理', T + 30 * H)]), 2, T);
    await h.tracker.onAlarm(T + S);
    const due = h.alarm!; // the 24-hour rung, at T+6 h
    disk.arm(0);
    await expect(h.tracker.onAlarm(due)).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect(h.alarm).toBeGreaterThan(due);
  });
});

describe('reliability: a failed schema upgrade', () => {
  /** The schema as released at v3 (lib/store/db.ts history): what an older install has on disk. */
  class KefuDBv3 extends Dexie {
    constructor(name: string) {
      super(name);
      this.version(1).stores({
        conversations: '&id, [platform+shop], tabId, lastSeenAt',
        deadlines: '&id, conversationId, [state+dueAt], [state+riskFrom]',
        warnings: '&id, deadlineId, [state+warnAt]',
        tabs: '&tabId, updatedAt',
      });
      this.version(2).stores({ settings: '&key' });
      this.version(3).stores({ cases: '&id, [platform+shop], pageDeadline, lastSeenAt' });
    }
  }

  it('an upgrade that throws rejects open() with its error and leaves every v3 row readable by v3; the real upgrade then runs on them', async () => {
    const name = `migration-fail-${Math.random().toString(36).slice(2)}`;
    const v3 = new KefuDBv3(name);
    await v3.table('conversations').bulkPut([
      { id: 'pdd:default:1', platform: 'pdd', shop: 'default', key: '1', nick: '李*四', preview: '在吗', lastSpeaker: 'buyer', lastBuyerMessageAt: T, waitingText: null, tabId: 7, url: '', visible: true, firstSeenAt: T, lastSeenAt: T },
      { id: 'douyin:shop-b:2', platform: 'douyin', shop: 'shop-b', key: '2', nick: '王*', preview: '', lastSpeaker: 'agent', lastBuyerMessageAt: null, waitingText: null, tabId: null, url: '', visible: false, firstSeenAt: T, lastSeenAt: T + S },
    ]);
    await v3.table('deadlines').put({ id: `pdd:default:1|pdd.reply.human_3min|${T}`, conversationId: 'pdd:default:1', platform: 'pdd', ruleId: 'pdd.reply.human_3min', startedAt: T, dueAt: T + 180 * S, riskFrom: T + 150 * S, state: 'open', closedAt: null });
    await v3.table('warnings').put({ id: `pdd:default:1|pdd.reply.human_3min|${T}|30000`, deadlineId: `pdd:default:1|pdd.reply.human_3min|${T}`, beforeMs: 30_000, warnAt: T + 150 * S, state: 'pending', firedAt: null, message: null });
    await v3.table('tabs').put({ tabId: 7, platform: 'pdd', shop: 'default', url: '', health: { missingSelectors: [], unparsedFields: [] }, degraded: false, recognised: true, updatedAt: T });
    await v3.table('settings').put({ key: 'settings', value: { retentionDays: 14 }, updatedAt: T });
    // A v3 case: none of the clock fields v4 added.
    await v3.table('cases').put({ id: 'pdd:default:91', platform: 'pdd', shop: 'default', caseId: '91', orderId: null, kind: 'return_refund', kindText: '退货退款', stage: 'seller_review', stageText: '待商家处理', stageHistory: [{ stage: 'seller_review', stageText: '待商家处理', seenAt: T }], amountFen: 100, appliedAt: T - H, deadlineText: null, pageDeadline: T + 2 * H, autoAction: null, autoActionText: null, url: '', tabId: 8, firstSeenAt: T, lastSeenAt: T + S });
    const before = await contents(v3);
    expect(before.map(([table, rows]) => [table, rows.length])).toEqual([['conversations', 2], ['deadlines', 1], ['warnings', 1], ['tabs', 1], ['settings', 1], ['cases', 1]]);
    v3.close();

    /** Today's schema plus a next version whose upgrade writes a little, then throws. */
    class BrokenUpgrade extends KefuDB {
      constructor() {
        super(name);
        this.version(6)
          .stores({ cases: '&id, [platform+shop], pageDeadline, lastSeenAt, riskFrom, dueAt' })
          .upgrade(async (tx) => {
            await tx.table('conversations').toCollection().modify((c: { nick: string }) => void (c.nick = 'CORRUPTED'));
            throw new Error('upgrade bug (injected)');
          });
      }
    }
    const broken = new BrokenUpgrade();
    const error = await broken.open().then(() => null, (e: unknown) => e);
    const messages: string[] = [];
    for (let e = error as { message?: string; inner?: unknown } | null; e; e = e.inner as typeof e) messages.push(String(e.message));
    expect(messages.join(' / ')).toMatch(/upgrade bug \(injected\)/);
    broken.close();

    // Nothing of v4, v5 or the broken v6 happened: the v3 schema and rows, as they were.
    const again = new KefuDBv3(name);
    await again.open();
    expect(again.verno).toBe(3);
    expect(await contents(again)).toEqual(before);
    again.close();

    // And the released code still upgrades them: v4 fills the case clock fields, every row is kept.
    const current = new KefuDB(name);
    await current.open();
    expect(current.verno).toBe(5);
    expect(await current.conversations.toArray()).toEqual(before.find(([t]) => t === 'conversations')![1]);
    expect(await current.settings.get('settings')).toMatchObject({ value: { retentionDays: 14 } });
    expect(await current.cases.get('pdd:default:91')).toMatchObject({ caseId: '91', observedAt: T + S, stageKey: '', dueAt: T + 2 * H, riskFrom: null });
    await current.delete();
  });
});

describe('the crash injector itself', () => {
  it('fails exactly the N-th operation once, with an InjectedCrash, and counts operations', async () => {
    const db = new KefuDB(`injector-${Math.random().toString(36).slice(2)}`);
    const crash = crashInjector(db);
    await db.settings.put({ key: 'a', value: 1, updatedAt: 0 });
    const start = crash.ops;
    crash.arm(1);
    await db.settings.get('a');
    await expect(db.settings.get('a')).rejects.toBeInstanceOf(InjectedCrash);
    await db.settings.get('a');
    expect(crash.ops - start).toBe(3);
    expect(crash.fired).toBe(1);
    await db.delete();
  });
});
