/**
 * Tracker throughput under fake-indexeddb: one 2,000-conversation PDD snapshot through
 * `Tracker.onChatUpdate` (ingest + fire due warnings + re-arm + badge + chip deadlines),
 * and `rearm` alone at growing table sizes. Prints one JSON object to stdout.
 *
 * Run through scripts/bench.mjs (`node --expose-gc --import tsx bench/tracker.bench.ts`).
 */
import 'fake-indexeddb/auto'; // must precede Dexie: it installs the indexedDB globals Dexie picks up
import type { ConversationRow } from '../lib/domain/chat';
import type { ChatUpdate } from '../lib/messaging/protocol';
import { loadRulePack } from '../lib/rules/packs';
import { KefuDB, type WarningRecord } from '../lib/store/db';
import { rearm } from '../lib/tracker/alerts';
import type { TrackerPorts } from '../lib/tracker/ports';
import { Tracker } from '../lib/tracker/tracker';
import { ITERATIONS, WARMUPS, measure, type Summary } from './stats';

/** 10:00 in Shanghai: inside both PDD rules' 08:00–23:00 windows, so every waiting row opens clocks. */
const NOW = Date.parse('2026-11-24T10:00:00+08:00');
const ROWS = 2_000;
const CHANGED_ROWS = 20;
const TAB = 7;

// ---------------------------------------------------------------- fixtures

function row(i: number): ConversationRow {
  const waiting = i % 3 === 0; // a third of the list is waiting for a reply
  return {
    key: String(100_000 + i),
    nick: `买家${i}`,
    preview: waiting ? '请问什么时候发货？' : '好的，谢谢',
    lastSpeaker: null,
    lastBuyerMessageAt: null,
    waiting,
    waitingText: waiting ? '已等待30秒' : null,
    waitingMs: waiting ? 30_000 : null,
    open: false,
    messages: [],
  };
}

function update(rows: ConversationRow[]): ChatUpdate {
  return {
    type: 'chat/update',
    full: true,
    removedKeys: [],
    snapshot: {
      platform: 'pdd',
      shop: 'default',
      url: 'https://mms.pinduoduo.com/chat-merchant/index.html',
      capturedAt: NOW,
      conversations: rows,
      health: { missingSelectors: [], unparsedFields: [] },
    },
  };
}

const baseRows = Array.from({ length: ROWS }, (_, i) => row(i));
const snapshot = update(baseRows);

/** 20 rows changed: the first 10 waiting rows answered by an agent, the first 10 idle rows newly waiting. */
function changedRows(): ConversationRow[] {
  let answered = 0;
  let started = 0;
  return baseRows.map((r) => {
    if (r.waiting && answered < CHANGED_ROWS / 2) {
      answered++;
      return { ...r, waiting: false, waitingText: null, waitingMs: null, lastSpeaker: 'agent', preview: '亲，今天发货' };
    }
    if (!r.waiting && started < CHANGED_ROWS / 2) {
      started++;
      return { ...r, waiting: true, waitingText: '已等待5秒', waitingMs: 5_000, lastSpeaker: 'buyer', preview: '在吗？' };
    }
    return r;
  });
}
const changedSnapshot = update(changedRows());

// ---------------------------------------------------------------- ports

let dbCounter = 0;
let lastDb: KefuDB | null = null;

/** Delete the most recent scratch database (fake-indexeddb keeps them all in memory). */
async function dropLastDb(): Promise<void> {
  await lastDb?.delete();
  lastDb = null;
}

/** Fresh ports over a new, already-open database; the previous one is deleted to bound memory. */
async function freshPorts(): Promise<TrackerPorts & { armedAt: () => number | null }> {
  await dropLastDb();
  const db = new KefuDB(`bench-${process.pid}-${dbCounter++}`);
  await db.open(); // schema creation is not what we measure
  lastDb = db;
  let armed: number | null = null;
  const noop = async () => {};
  return {
    db,
    alarms: { arm: async (when) => void (armed = when), disarm: async () => void (armed = null) },
    notifier: { show: noop, clear: noop, badge: noop },
    t: (key) => key,
    locale: 'zh_CN',
    rules: loadRulePack,
    armedAt: () => armed,
  };
}

/** Fail loudly if the fixture stops exercising what the figures claim to measure. */
function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`bench fixture broken: ${message}`);
}

// ---------------------------------------------------------------- snapshot cases

/** A database loaded by one snapshot, and the tracker (= the live worker) that loaded it. */
async function coldLoaded() {
  const ports = await freshPorts();
  const tracker = new Tracker(ports);
  await tracker.onChatUpdate(snapshot, TAB, NOW);
  return Object.assign(ports, { tracker });
}

// (a) cold: the whole snapshot into an empty database, fresh database per iteration.
const cold = await measure(freshPorts, (ports) => new Tracker(ports).onChatUpdate(snapshot, TAB, NOW));

// Sanity: 667 waiting rows × (1 + 2) warning rungs pending, alarm at the first 3-minute warning.
const probe = await coldLoaded();
const pending = await probe.db.warnings.where('[state+warnAt]').between(['pending', -Infinity], ['pending', Infinity]).count();
const waitingRows = baseRows.filter((r) => r.waiting).length;
check(pending === waitingRows * 3, `expected ${waitingRows * 3} pending warnings, found ${pending}`);
check(probe.armedAt() === NOW - 30_000 + 180_000 - 30_000, `alarm armed at ${probe.armedAt()}`);

// (b) steady: the same snapshot one second later, in the worker that has been running (its
// store cache is warm). Such a re-ingest writes nothing but the tab row (starts within the
// jitter, lastSeenAt within its minute), so repeating it on one database measures the same state.
const steady = await measure(async () => probe, (ports) => ports.tracker.onChatUpdate(snapshot, TAB, NOW + 1_000));
// (b2) the same, but in a freshly restarted worker: the tracker must read what it knows from IndexedDB.
const restarted = await measure(async () => probe, (ports) => new Tracker(ports).onChatUpdate(snapshot, TAB, NOW + 1_000));
check((await probe.db.deadlines.count()) === waitingRows * 2, 'steady re-ingest changed the deadlines');

// (d) rearm alone on the loaded database: read-only, so repeat on one database. Runs before (c),
// whose setup deletes this database.
const rearmOnly = await measure(async () => probe, (ports) => rearm(ports));

// (e) baseline: what fake-indexeddb itself charges to write one record, from a bulkPut of the
// 2,000 conversation records the cold load writes. Explains the floor under (a) and (b2).
const loadedConversations = await probe.db.conversations.toArray();
const bulkPut = await measure(
  async () => probe,
  (ports) => ports.db.transaction('rw', ports.db.conversations, () => ports.db.conversations.bulkPut(loadedConversations)),
);

// (c) 20 rows changed one second later; this mutates the database, so each iteration starts
// from a freshly cold-loaded one (the load itself is untimed setup).
const changed = await measure(coldLoaded, (ports) => ports.tracker.onChatUpdate(changedSnapshot, TAB, NOW + 1_000));

// ---------------------------------------------------------------- index vs scan

/**
 * `rearm` with N pending warnings. An index lookup reads one key whatever N is; for contrast
 * the same "earliest pending" answer computed by a full-table filter, which is what a
 * missing index would cost.
 */
async function scaling(n: number): Promise<{ pending: number; rearm: Summary; scan: Summary }> {
  const ports = await freshPorts();
  const warnings: WarningRecord[] = Array.from({ length: n }, (_, i) => {
    // Spread warnAt pseudo-randomly so insertion order is not index order.
    const warnAt = NOW + ((i * 7_919) % n) * 1_000 + 60_000;
    return { id: `w${i}`, deadlineId: `d${i}`, beforeMs: 30_000, warnAt, state: 'pending', firedAt: null, message: null };
  });
  await ports.db.warnings.bulkPut(warnings);
  const indexed = await measure(async () => ports, (p) => rearm(p));
  check(ports.armedAt() === NOW + 60_000, `scaling(${n}) armed at ${ports.armedAt()}`);
  const scan = await measure(
    async () => ports,
    async (p) => {
      let earliest = Infinity;
      await p.db.warnings.filter((w) => w.state === 'pending').each((w) => void (earliest = Math.min(earliest, w.warnAt)));
      return earliest;
    },
  );
  return { pending: n, rearm: indexed, scan };
}

const scale = [];
for (const n of [200, 2_000, 20_000]) scale.push(await scaling(n));
await dropLastDb();

console.log(
  JSON.stringify({
    warmups: WARMUPS,
    iterations: ITERATIONS,
    rows: ROWS,
    waitingRows,
    pendingWarnings: pending,
    changedRows: CHANGED_ROWS,
    cases: { cold, steady, restarted, changed, rearm: rearmOnly, bulkPut },
    coldWrites: waitingRows * 5 + ROWS,
    scaling: scale,
  }),
);
