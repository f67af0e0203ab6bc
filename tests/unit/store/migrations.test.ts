import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { KefuDB } from '@/lib/store/db';

/** Each released schema exactly as it shipped: the fixture databases are built with these. */
const RELEASED: Record<number, Record<string, string>> = {
  1: {
    conversations: '&id, [platform+shop], tabId, lastSeenAt',
    deadlines: '&id, conversationId, [state+dueAt], [state+riskFrom]',
    warnings: '&id, deadlineId, [state+warnAt]',
    tabs: '&tabId, updatedAt',
  },
  2: { settings: '&key' },
  3: { cases: '&id, [platform+shop], pageDeadline, lastSeenAt' },
  4: { cases: '&id, [platform+shop], pageDeadline, lastSeenAt, riskFrom', checklists: '&caseId' },
};

const ROWS_PER_TABLE = 50;

/** A database left by release `version`, filled with rows in every table it had. */
async function fixtureDatabase(version: number): Promise<{ name: string; counts: Record<string, number> }> {
  const name = `migrate-v${version}-${Math.random().toString(36).slice(2)}`;
  const old = new Dexie(name);
  for (let v = 1; v <= version; v++) old.version(v).stores(RELEASED[v]!);
  await old.open();
  const counts: Record<string, number> = {};
  const rows = (make: (i: number) => object) => Array.from({ length: ROWS_PER_TABLE }, (_, i) => make(i));
  for (const table of old.tables) {
    const make: Record<string, (i: number) => object> = {
      conversations: (i) => ({ id: `pdd:default:${i}`, platform: 'pdd', shop: 'default', key: String(i), nick: `买家${i}`, tabId: 1, lastSeenAt: i }),
      deadlines: (i) => ({ id: `d${i}`, conversationId: `pdd:default:${i}`, state: 'open', dueAt: 1000 + i, riskFrom: 900 + i }),
      warnings: (i) => ({ id: `w${i}`, deadlineId: `d${i}`, state: 'pending', warnAt: 950 + i }),
      tabs: (i) => ({ tabId: i, updatedAt: i }),
      settings: (i) => ({ key: `k${i}`, value: { i }, updatedAt: i }),
      cases: (i) => ({ id: `pdd:default:c${i}`, platform: 'pdd', shop: 'default', caseId: `c${i}`, stage: 'seller_review', stageHistory: [], pageDeadline: i % 2 ? 5000 + i : null, lastSeenAt: 77 + i }),
      checklists: (i) => ({ caseId: `pdd:default:c${i}`, ticked: ['a'], note: `备注${i}`, seenStage: null, updatedAt: i }),
    };
    await table.bulkPut(rows(make[table.name]!));
    counts[table.name] = ROWS_PER_TABLE;
  }
  old.close();
  return { name, counts };
}

describe('schema migrations', () => {
  it.each([1, 2, 3, 4])('a v%i database upgrades to the current schema keeping 100% of its rows', async (version) => {
    const { name, counts } = await fixtureDatabase(version);
    const db = new KefuDB(name);
    await db.open();
    expect(db.verno).toBe(5);
    for (const [table, count] of Object.entries(counts)) expect(await db.table(table).count(), table).toBe(count);
    // Indexes still answer after the upgrade.
    expect(await db.warnings.where('[state+warnAt]').between(['pending', 0], ['pending', Infinity]).count()).toBe(ROWS_PER_TABLE);
    if (counts.cases) {
      const c1 = await db.cases.get('pdd:default:c1');
      // v4 fills the clock fields: the page deadline stands in until the case is seen again.
      if (version < 4) expect(c1).toMatchObject({ observedAt: 78, dueAt: 5001, riskFrom: null, ruleId: null, stageKey: '' });
      if (version < 4) expect(await db.checklists.count()).toBe(0);
    }
    expect(await db.audit.count()).toBe(0);
    db.close();
    await Dexie.delete(name);
  });
});
