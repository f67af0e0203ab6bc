import { describe, expect, it } from 'vitest';
import { caseClock, PAGE_ONLY_LADDER_MS, rulesForCase, stageStart } from '@/lib/aftersale/case-rules';
import { loadRulePack } from '@/lib/rules/packs';
import type { RulePack } from '@/lib/rules/schema';

const H = 3_600_000;
const T0 = Date.parse('2026-11-24T02:00:00Z');
const pack = (id: Parameters<typeof loadRulePack>[0]): RulePack => {
  const result = loadRulePack(id);
  if (!result.ok) throw new Error(result.error);
  return result.pack;
};

describe('case rules', () => {
  it('finds the rules of a stage for the case kind, or for every kind when the page did not say', () => {
    expect(rulesForCase(pack('pdd'), 'return_refund', 'seller_review').map((r) => r.id)).toEqual(['pdd.aftersale.review_request']);
    expect(rulesForCase(pack('pdd'), null, 'seller_review')).toHaveLength(3);
    expect(rulesForCase(pack('pdd'), 'return_refund', 'closed')).toEqual([]);
    expect(rulesForCase(pack('pdd'), 'return_refund', null)).toEqual([]);
  });

  it('a review starts at the application; another stage only at a change we saw', () => {
    const history = [
      { stage: 'seller_review', seenAt: T0 },
      { stage: 'seller_review', seenAt: T0 + H },
      { stage: 'seller_confirm_receipt', seenAt: T0 + 2 * H },
      { stage: 'seller_confirm_receipt', seenAt: T0 + 3 * H },
    ];
    expect(stageStart({ kind: null, stage: 'seller_confirm_receipt', appliedAt: T0 - H, stageHistory: history, pageDeadline: null })).toEqual({ startedAt: T0 + 2 * H, runFirstSeenAt: T0 + 2 * H });
    expect(stageStart({ kind: null, stage: 'seller_review', appliedAt: T0 - H, stageHistory: history.slice(0, 2), pageDeadline: null })).toEqual({ startedAt: T0 - H, runFirstSeenAt: T0 });
    expect(stageStart({ kind: null, stage: 'seller_confirm_receipt', appliedAt: null, stageHistory: history.slice(3), pageDeadline: null }).startedAt).toBeNull();
  });

  it('when the condition is unknown the earliest deadline is in force (PDD refund-only review: 36 h before shipment)', () => {
    const clock = caseClock(pack('pdd'), { kind: 'refund_only', stage: 'seller_review', appliedAt: T0, stageHistory: [{ stage: 'seller_review', seenAt: T0 + H }], pageDeadline: null });
    expect(clock.rule?.id).toBe('pdd.aftersale.refund_before_shipment');
    expect(clock.ruleDueAt).toBe(T0 + 36 * H);
    expect(clock.stageKey).toBe(`seller_review@${T0 + H}`);
  });

  it('a page deadline with no rule for the stage still gets a ladder', () => {
    const clock = caseClock(pack('pdd'), { kind: 'exchange', stage: 'seller_ship_replacement', appliedAt: null, stageHistory: [{ stage: 'seller_ship_replacement', seenAt: T0 }], pageDeadline: T0 + 5 * H });
    expect(clock).toMatchObject({ rule: null, dueAt: T0 + 5 * H, ladderMs: PAGE_ONLY_LADDER_MS, differenceMs: null, disagrees: false });
  });

  it('page and rule deadlines a minute or more apart are flagged', () => {
    const input = { kind: 'return_refund', stage: 'seller_review', appliedAt: T0, stageHistory: [{ stage: 'seller_review', seenAt: T0 }] };
    expect(caseClock(pack('pdd'), { ...input, pageDeadline: T0 + 48 * H + 30_000 })).toMatchObject({ disagrees: false, differenceMs: 30_000 });
    expect(caseClock(pack('pdd'), { ...input, pageDeadline: T0 + 47 * H })).toMatchObject({ disagrees: true, differenceMs: -H, dueAt: T0 + 47 * H });
  });

  it('a closed case has no deadline even when the page still shows a date', () => {
    const clock = caseClock(pack('pdd'), { kind: 'return_refund', stage: 'closed', appliedAt: T0, stageHistory: [{ stage: 'closed', seenAt: T0 }], pageDeadline: T0 + H });
    expect(clock).toMatchObject({ dueAt: null, ladderMs: [], rule: null });
  });
});
