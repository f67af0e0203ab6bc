import { describe, expect, it } from 'vitest';
import { checkOverride, editableRules, effectivePack, formToPatch, overrideProblems, ruleToForm } from '@/components/options/rules-model';
import { loadRulePack } from '@/lib/rules/packs';
import { setOverride } from '@/lib/rules/overrides';
import type { AnyRule, RulePack } from '@/lib/rules/schema';

const pack = (platform: Parameters<typeof loadRulePack>[0]): RulePack => {
  const result = loadRulePack(platform);
  if (!result.ok) throw new Error(result.error);
  return result.pack;
};
const rule = (p: RulePack, id: string): AnyRule => [...p.replyRules, ...p.aftersaleRules].find((r) => r.id === id)!;
const ALL_DAY = { window: { start: '00:00', end: '24:00' } };

describe('rules the shop edits', () => {
  it('are the live reply clocks and the seller-side after-sales stages', () => {
    const ids = editableRules(pack('pdd')).map((r) => r.id);
    expect(ids).toContain('pdd.reply.human_3min');
    expect(ids).not.toContain('pdd.reply.answer_30s'); // metrics only, no clock
    expect(editableRules(pack('taobao')).every((r) => r.kind === 'aftersale' && r.actor === 'seller')).toBe(true);
  });

  it('show each limit in the unit the platform writes it', () => {
    const pdd = pack('pdd');
    expect(ruleToForm(rule(pdd, 'pdd.reply.human_3min'))).toEqual({ limit: { kind: 'duration', field: { value: '3', unit: 'm' } }, remaining: null, ladder: '30s' });
    expect(ruleToForm(rule(pdd, 'pdd.aftersale.review_request'))).toEqual({ limit: { kind: 'duration', field: { value: '48', unit: 'h' } }, remaining: null, ladder: '24h, 4h, 1h, 15m' });
    expect(ruleToForm(rule(pdd, 'pdd.aftersale.confirm_return')).remaining).toEqual({ value: '24', unit: 'h' });
    expect(ruleToForm(rule(pack('kuaishou'), 'kuaishou.aftersale.repair_arrange_visit')).limit).toEqual({ kind: 'days', value: '3' });
    expect(ruleToForm(rule(pack('jd'), 'jd.aftersale.speed_review')).limit).toEqual({ kind: 'fixed' });
  });
});

describe('an edit → the override to store', () => {
  const pdd = pack('pdd');
  const human = rule(pdd, 'pdd.reply.human_3min');

  it('keeps what the override already set (the background replaces a rule override whole)', () => {
    const current = ALL_DAY;
    const effective = rule(effectivePack(pdd, { 'pdd.reply.human_3min': current }).pack, 'pdd.reply.human_3min');
    const form = { ...ruleToForm(effective), ladder: '90s, 1m' };
    expect(formToPatch(human, current, effective, form)).toEqual({ ok: true, patch: { window: ALL_DAY.window, warnBeforeMs: [90_000, 60_000] } });
  });

  it('a field set back to the shipped value leaves the override; nothing left means clear it', () => {
    const current = { warnBeforeMs: [60_000], durationMs: 120_000 };
    const effective = rule(effectivePack(pdd, { 'pdd.reply.human_3min': current }).pack, 'pdd.reply.human_3min');
    const back = { ...ruleToForm(effective), ladder: '30s' };
    expect(formToPatch(human, current, effective, back)).toEqual({ ok: true, patch: { durationMs: 120_000 } });
    const allBack = { limit: { kind: 'duration' as const, field: { value: '180', unit: 's' as const } }, remaining: null, ladder: '30s' };
    expect(formToPatch(human, current, effective, allBack)).toEqual({ ok: true, patch: null });
    expect(formToPatch(human, undefined, human, ruleToForm(human))).toEqual({ ok: true, patch: null });
  });

  it('edits after-sales durations by their kind', () => {
    const review = rule(pdd, 'pdd.aftersale.review_request');
    const form = { ...ruleToForm(review), limit: { kind: 'duration' as const, field: { value: '36', unit: 'h' as const } } };
    expect(formToPatch(review, undefined, review, form)).toEqual({ ok: true, patch: { duration: { type: 'elapsed', ms: 129_600_000 } } });
    const objection = rule(pdd, 'pdd.aftersale.no_reason_objection');
    expect(formToPatch(objection, undefined, objection, { ...ruleToForm(objection), limit: { kind: 'duration', field: { value: '2', unit: 'd' } } })).toEqual({
      ok: true,
      patch: { duration: { type: 'from-next-midnight', ms: 172_800_000 } },
    });
    const confirm = rule(pdd, 'pdd.aftersale.confirm_return');
    expect(formToPatch(confirm, undefined, confirm, { ...ruleToForm(confirm), remaining: { value: '12', unit: 'h' } })).toEqual({
      ok: true,
      patch: { shortenOn: { event: 'return_signed', remainingMs: 43_200_000 } },
    });
    const visit = rule(pack('kuaishou'), 'kuaishou.aftersale.repair_arrange_visit');
    expect(formToPatch(visit, undefined, visit, { ...ruleToForm(visit), limit: { kind: 'days', value: '2' } })).toEqual({ ok: true, patch: { duration: { type: 'natural-days', days: 2 } } });
  });

  it('refuses bad input field by field before anything is sent', () => {
    const form = { limit: { kind: 'duration' as const, field: { value: '0', unit: 'm' as const } }, remaining: null, ladder: '1h, later' };
    expect(formToPatch(human, undefined, human, form)).toEqual({
      ok: false,
      problems: [
        { path: 'ladder', kind: 'ladder', item: 'later', positive: false },
        { path: 'limit', kind: 'positive' },
      ],
    });
  });

  it('every patch it builds passes the check the background runs', () => {
    for (const platform of ['pdd', 'douyin', 'kuaishou', 'jd', 'taobao'] as const) {
      const p = pack(platform);
      for (const r of editableRules(p)) {
        const built = formToPatch(r, undefined, r, { ...ruleToForm(r), ladder: '2h, 5m' });
        expect(built.ok).toBe(true);
        if (built.ok && built.patch) expect(setOverride(p, {}, r.id, built.patch).ok, r.id).toBe(true);
      }
    }
  });
});

describe('override refusals → field problems', () => {
  it('parse the background’s “rule.field: message” text onto the form’s fields', () => {
    expect(overrideProblems('pdd.reply.human_3min', 'pdd.reply.human_3min.durationMs: Too small: expected number to be >0; pdd.reply.human_3min.warnBeforeMs.0: Invalid input')).toEqual([
      { path: 'limit', kind: 'text', message: 'Too small: expected number to be >0' },
      { path: 'ladder', kind: 'text', message: 'Invalid input' },
    ]);
    expect(overrideProblems('pdd.reply.x', 'pdd.reply.x: unknown rule id')).toEqual([{ path: '', kind: 'text', message: 'unknown rule id' }]);
    expect(overrideProblems('pdd.reply.human_3min', 'pdd.reply.human_3min.window.end: window start must be before its end (same day)')).toEqual([
      { path: '', kind: 'text', message: 'window.end: window start must be before its end (same day)' },
    ]);
  });
  it('checks locally with the same function the background uses', () => {
    const pdd = pack('pdd');
    expect(checkOverride(pdd, {}, 'pdd.reply.human_3min', { durationMs: 60_000, warnBeforeMs: [30_000] })).toEqual([]);
    expect(checkOverride(pdd, {}, 'pdd.reply.human_3min', { durationMs: 1.5 })).toMatchObject([{ path: 'limit', kind: 'text' }]);
  });
  it('the table follows the overrides', () => {
    const pdd = pack('pdd');
    const { pack: mine, rejected } = effectivePack(pdd, { 'pdd.reply.human_3min': { warnBeforeMs: [60_000, 30_000] }, 'pdd.reply.bogus': { durationMs: 1 } });
    expect(rule(mine, 'pdd.reply.human_3min').warnBeforeMs).toEqual([60_000, 30_000]);
    expect(rejected).toEqual(['pdd.reply.bogus: unknown rule id']);
  });
});
