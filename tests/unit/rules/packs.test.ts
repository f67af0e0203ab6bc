import { describe, expect, it } from 'vitest';
import pack from '@/lib/rules/packs/pdd.json';
import { loadRulePack } from '@/lib/rules/packs';
import { parseRulePack, type RulePack } from '@/lib/rules/schema';

/** A mutable deep copy of the raw PDD pack JSON. */
const copy = (): any => structuredClone(pack);

function loaded(): RulePack {
  const result = loadRulePack('pdd');
  if (!result.ok) throw new Error(`pdd pack did not load: ${result.error}`);
  return result.pack;
}

function parseError(input: unknown): string {
  try {
    parseRulePack(input);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected parseRulePack to throw');
}

describe('loadRulePack("pdd")', () => {
  it('loads ok', () => {
    const result = loadRulePack('pdd');
    expect(result.ok).toBe(true);
  });

  it('has the PDD reply rules with their durations and stoppers', () => {
    const p = loaded();
    expect(p.platform).toBe('pdd');
    expect(p.utcOffsetMinutes).toBe(480);
    expect(p.timeZone).toBe('Asia/Shanghai');
    expect(p.replyRules.map((r) => r.id)).toEqual(['pdd.reply.human_3min', 'pdd.reply.valid_60min', 'pdd.reply.answer_30s']);

    const human = p.replyRules.find((r) => r.id === 'pdd.reply.human_3min');
    expect(human?.durationMs).toBe(180_000);
    expect(human?.stoppedBy).toEqual(['agent']);
    expect(human?.window).toEqual({ start: '08:00', end: '23:00' });
    expect(human?.outsideWindow).toBe('defer-start');

    const valid = p.replyRules.find((r) => r.id === 'pdd.reply.valid_60min');
    expect(valid?.durationMs).toBe(3_600_000);
    expect(valid?.stoppedBy).toEqual(['agent']);
  });

  it('every rule’s source keys resolve to a source entry', () => {
    const p = loaded();
    for (const rule of p.replyRules) {
      expect(rule.sources.length).toBeGreaterThan(0);
      for (const key of rule.sources) expect(p.sources[key], `${rule.id} → ${key}`).toBeDefined();
    }
  });

  it('every warning fires before the deadline, not at or after it', () => {
    for (const rule of loaded().replyRules) for (const before of rule.warnBeforeMs) expect(before).toBeLessThan(rule.durationMs);
  });

  it('is cached: the same result object twice', () => {
    expect(loadRulePack('pdd')).toBe(loadRulePack('pdd'));
  });

});

describe('parseRulePack', () => {
  it('accepts an unmodified copy of the JSON', () => {
    expect(parseRulePack(copy()).replyRules).toHaveLength(3);
  });

  it('(a) an unknown extra field on replyRules[0] → error names replyRules.0', () => {
    const bad = copy();
    bad.replyRules[0].surprise = true;
    const message = parseError(bad);
    expect(message).toMatch(/^invalid rule pack: /);
    expect(message).toContain('replyRules.0');
    expect(message).toContain('surprise');
  });

  it('(b) a source key that does not exist → "unknown source key" at its path', () => {
    const bad = copy();
    bad.replyRules[1].sources = ['PD1', 'PD99'];
    const message = parseError(bad);
    expect(message).toContain('unknown source key PD99');
    expect(message).toContain('replyRules.1.sources.1');
  });

  it('(c) duplicate rule ids → "duplicate rule id" on the second one', () => {
    const bad = copy();
    bad.replyRules[1].id = bad.replyRules[0].id;
    const message = parseError(bad);
    expect(message).toContain('duplicate rule id pdd.reply.human_3min');
    expect(message).toContain('replyRules.1.id');
  });

  it('(d) window start "8:00" → names replyRules.0.window.start', () => {
    const bad = copy();
    bad.replyRules[0].window.start = '8:00';
    const message = parseError(bad);
    expect(message).toContain('replyRules.0.window.start');
    expect(message).toContain('expected HH:MM');
  });

  it('names every bad field at once', () => {
    const bad = copy();
    bad.replyRules[0].durationMs = -1;
    bad.replyRules[1].outsideWindow = 'sometimes';
    const message = parseError(bad);
    expect(message).toContain('replyRules.0.durationMs');
    expect(message).toContain('replyRules.1.outsideWindow');
  });

  it('rejects an empty stoppedBy, an unknown stopper and an unknown platform', () => {
    const empty = copy();
    empty.replyRules[0].stoppedBy = [];
    expect(parseError(empty)).toContain('replyRules.0.stoppedBy');

    const buyer = copy();
    buyer.replyRules[0].stoppedBy = ['buyer'];
    expect(parseError(buyer)).toContain('replyRules.0.stoppedBy.0');

    const platform = copy();
    platform.platform = 'amazon';
    expect(parseError(platform)).toContain('platform');
  });

  it('accepts 24:00 as a window end', () => {
    const ok = copy();
    ok.replyRules[0].window.end = '24:00';
    expect(parseRulePack(ok).replyRules[0]?.window.end).toBe('24:00');
  });

  it('a missing root object is reported at (root)', () => {
    expect(parseError(null)).toContain('(root)');
  });

  // window.ts assumes a same-day window: anything else would loop or misjudge 02:00.
  it('rejects a window whose start is not before its end, or a time past 24:00', () => {
    const overnight = copy();
    overnight.replyRules[0].window = { start: '23:00', end: '08:00' };
    expect(parseError(overnight)).toContain('replyRules.0.window');

    const past = copy();
    past.replyRules[0].window.end = '24:30';
    expect(parseError(past)).toContain('replyRules.0.window.end');
  });
});
