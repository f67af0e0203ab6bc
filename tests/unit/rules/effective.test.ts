import { describe, expect, it } from 'vitest';
import { exemptionAt, ruleAt, trackedReplyRules } from '@/lib/rules/effective';
import { loadRulePack } from '@/lib/rules/packs';
import { parseRulePack, type RulePack } from '@/lib/rules/schema';
import { shanghai } from '../helpers';

function pddWith(exemptions: unknown[]): RulePack {
  const loaded = loadRulePack('pdd');
  if (!loaded.ok) throw new Error(loaded.error);
  return parseRulePack({ ...structuredClone(loaded.pack), exemptions });
}

const festival = {
  id: 'pdd.exempt.spring_festival_test',
  label: { zh_CN: '春节不考核', en: 'Spring Festival: not assessed' },
  from: '2027-02-05T00:00:00+08:00',
  to: '2027-02-12T23:59:59+08:00',
  rules: ['pdd.reply.human_3min'],
  effect: 'not-assessed',
  change: null,
  note: { zh_CN: '春节期间不考核3分钟人工回复率', en: 'The 3-minute rate is not assessed over the festival' },
  sources: ['PD1'],
};
const promotion = {
  id: 'pdd.exempt.double11_test',
  label: { zh_CN: '双11大促规则', en: 'Double 11 rules' },
  from: '2026-11-10T00:00:00+08:00',
  to: '2026-11-12T23:59:59+08:00',
  rules: ['*'],
  effect: 'changed',
  change: { durationMs: 120_000 },
  note: { zh_CN: '大促期间2分钟内回复', en: 'Reply within 2 minutes during the promotion' },
  sources: ['PD1'],
};

describe('exemption calendar', () => {
  it('switches a rule off inside its dates only, edges included', () => {
    const pack = pddWith([festival]);
    const human = pack.replyRules[0]!;
    expect(ruleAt(pack, human, shanghai('2027-02-05T00:00:00')).notAssessed?.id).toBe(festival.id);
    expect(ruleAt(pack, human, shanghai('2027-02-12T23:59:59')).notAssessed?.id).toBe(festival.id);
    expect(ruleAt(pack, human, shanghai('2027-02-13T00:00:00')).notAssessed).toBeNull();
    expect(exemptionAt(pack, 'pdd.reply.valid_60min', shanghai('2027-02-06T10:00:00'))).toBeNull();
  });

  it('a 大促 change supplies its numbers for every rule ("*") during the period', () => {
    const pack = pddWith([promotion]);
    const inForce = ruleAt(pack, pack.replyRules[1]!, shanghai('2026-11-11T10:00:00'));
    expect(inForce.changedBy?.id).toBe(promotion.id);
    expect(inForce.rule.durationMs).toBe(120_000);
    expect(ruleAt(pack, pack.replyRules[1]!, shanghai('2026-11-13T10:00:00')).rule.durationMs).toBe(3_600_000);
  });

  it('rejects an exemption naming an unknown rule, reversed dates, or a change without numbers', () => {
    expect(() => pddWith([{ ...festival, rules: ['pdd.reply.ghost'] }])).toThrow(/exemptions\.0\.rules\.0: unknown rule id pdd\.reply\.ghost/);
    expect(() => pddWith([{ ...festival, to: '2027-01-01T00:00:00+08:00' }])).toThrow(/exemptions\.0\.to/);
    expect(() => pddWith([{ ...promotion, change: null }])).toThrow(/exemptions\.0\.change/);
  });

  it('keeps live clocks only for tracked deadline rules', () => {
    expect(trackedReplyRules(pddWith([])).map((r) => r.id)).toEqual(['pdd.reply.human_3min', 'pdd.reply.valid_60min']);
  });
});

describe('exemption banner', () => {
  it('lists what is in force now and says until when, in Shanghai time', async () => {
    const { activeExemptions, formatUntil } = await import('@/lib/rules/effective');
    const pack = pddWith([festival, promotion]);
    expect(activeExemptions(pack, shanghai('2026-11-11T12:00:00')).map((e) => e.id)).toEqual([promotion.id]);
    expect(activeExemptions(pack, shanghai('2026-11-20T12:00:00'))).toEqual([]);
    expect(formatUntil(promotion.to, 480)).toBe('11-12 23:59');
  });
});
