import { afterEach, describe, expect, it } from 'vitest';
import { RulesProvider } from '@/lib/rules/provider';
import { KefuDB } from '@/lib/store/db';

let db: KefuDB;
afterEach(async () => db?.delete());

const human = (provider: RulesProvider) => {
  const result = provider.rules('pdd');
  if (!result.ok) throw new Error(result.error);
  return result.pack.replyRules.find((r) => r.id === 'pdd.reply.human_3min')!;
};

describe('RulesProvider', () => {
  it('stores a valid override, survives a restart, and rejects a bad one keeping the old value', async () => {
    db = new KefuDB(`prov-${Math.random()}`);
    const provider = new RulesProvider(db);
    await provider.load();
    expect(await provider.setOverride('pdd', 'pdd.reply.human_3min', { warnBeforeMs: [60_000] }, 1)).toEqual({ ok: true });
    expect(human(provider).warnBeforeMs).toEqual([60_000]);
    const bad = await provider.setOverride('pdd', 'pdd.reply.human_3min', { warnBeforeMs: [-1] }, 2);
    expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/^pdd\.reply\.human_3min\.warnBeforeMs\.0: /) });

    const restarted = new RulesProvider(db);
    await restarted.load();
    expect(human(restarted).warnBeforeMs).toEqual([60_000]);
    await restarted.clearOverride('pdd', 'pdd.reply.human_3min', 3);
    expect(human(restarted).warnBeforeMs).toEqual([30_000]);
  });

  it('a corrupted stored value is reported and ignored, never applied', async () => {
    db = new KefuDB(`prov-${Math.random()}`);
    await db.settings.put({ key: 'ruleOverrides', value: { pdd: 'garbage' }, updatedAt: 1 });
    const provider = new RulesProvider(db);
    await provider.load();
    expect(provider.problems).toHaveLength(1);
    expect(human(provider).durationMs).toBe(180_000);
  });
});
