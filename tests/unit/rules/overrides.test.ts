import { describe, expect, it } from 'vitest';
import { loadRulePack } from '@/lib/rules/packs';
import { applyOverrides, setOverride } from '@/lib/rules/overrides';

const pack = () => {
  const loaded = loadRulePack('pdd');
  if (!loaded.ok) throw new Error(loaded.error);
  return loaded.pack;
};
const reply = (p: ReturnType<typeof pack>, id: string) => p.replyRules.find((r) => r.id === id)!;

describe('rule overrides', () => {
  it('a valid override changes only that rule’s number', () => {
    const result = setOverride(pack(), {}, 'pdd.reply.human_3min', { warnBeforeMs: [60_000, 30_000] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(reply(result.pack, 'pdd.reply.human_3min').warnBeforeMs).toEqual([60_000, 30_000]);
    expect(reply(result.pack, 'pdd.reply.valid_60min').warnBeforeMs).toEqual([600_000, 120_000]);
    expect(result.overrides).toEqual({ 'pdd.reply.human_3min': { warnBeforeMs: [60_000, 30_000] } });
  });

  it('a bad value is rejected with the field named and the previous value kept', () => {
    const previous = { 'pdd.reply.human_3min': { durationMs: 120_000 } };
    const result = setOverride(pack(), previous, 'pdd.reply.human_3min', { durationMs: -5 });
    expect(result).toMatchObject({ ok: false, overrides: previous });
    expect(!result.ok && result.error).toMatch(/^pdd\.reply\.human_3min\.durationMs: /);
    expect(reply(applyOverrides(pack(), result.overrides).pack, 'pdd.reply.human_3min').durationMs).toBe(120_000);
  });

  it('names an unknown field, an unknown rule, and a window that no longer makes sense', () => {
    expect(setOverride(pack(), {}, 'pdd.reply.human_3min', { minutes: 2 })).toMatchObject({ ok: false, error: expect.stringContaining('minutes') });
    expect(setOverride(pack(), {}, 'pdd.reply.nope', { durationMs: 1 })).toMatchObject({ ok: false, error: 'pdd.reply.nope: unknown rule id' });
    const inverted = setOverride(pack(), {}, 'pdd.reply.human_3min', { window: { start: '23:00', end: '08:00' } });
    expect(inverted).toMatchObject({ ok: false, error: expect.stringContaining('pdd.reply.human_3min.window.end') });
  });

  it('after-sales durations can be overridden, with their own field names', () => {
    const ok = setOverride(pack(), {}, 'pdd.aftersale.review_request', { duration: { type: 'elapsed', ms: 24 * 3_600_000 } });
    expect(ok.ok && ok.pack.aftersaleRules.find((r) => r.id === 'pdd.aftersale.review_request')!.duration).toEqual({ type: 'elapsed', ms: 86_400_000 });
    const bad = setOverride(pack(), {}, 'pdd.aftersale.review_request', { duration: { type: 'weeks', n: 1 } });
    expect(bad).toMatchObject({ ok: false, error: expect.stringContaining('pdd.aftersale.review_request.duration') });
  });

  it('applyOverrides applies the good ones and lists the bad ones from a stored (possibly corrupted) settings object', () => {
    const { pack: patched, rejected } = applyOverrides(pack(), {
      'pdd.reply.valid_60min': { durationMs: 1_800_000 },
      'pdd.reply.human_3min': { durationMs: 'soon' },
    });
    expect(reply(patched, 'pdd.reply.valid_60min').durationMs).toBe(1_800_000);
    expect(reply(patched, 'pdd.reply.human_3min').durationMs).toBe(180_000);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatch(/^pdd\.reply\.human_3min\.durationMs: /);
  });
});
