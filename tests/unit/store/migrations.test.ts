import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { KefuDB } from '@/lib/store/db';

describe('schema migrations', () => {
  it('v1 → current keeps every stored row and adds the settings and cases tables', async () => {
    const name = `migrate-${Math.random().toString(36).slice(2)}`;
    // The database as the first release created it.
    const v1 = new Dexie(name);
    v1.version(1).stores({
      conversations: '&id, [platform+shop], tabId, lastSeenAt',
      deadlines: '&id, conversationId, [state+dueAt], [state+riskFrom]',
      warnings: '&id, deadlineId, [state+warnAt]',
      tabs: '&tabId, updatedAt',
    });
    await v1.table('deadlines').put({ id: 'd1', conversationId: 'c1', state: 'open', dueAt: 5, riskFrom: 1 });
    await v1.table('warnings').put({ id: 'w1', deadlineId: 'd1', state: 'pending', warnAt: 2 });
    v1.close();

    const db = new KefuDB(name);
    expect(await db.deadlines.get('d1')).toMatchObject({ state: 'open', dueAt: 5 });
    expect(await db.warnings.where('[state+warnAt]').equals(['pending', 2]).count()).toBe(1);
    await db.settings.put({ key: 'k', value: { a: 1 }, updatedAt: 1 });
    expect(await db.cases.count()).toBe(0);
    expect(db.verno).toBe(3);
    await db.delete();
  });
});
