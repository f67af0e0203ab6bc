// The metric formulas and the live-clock rule packs describe the same platform rules twice (one
// scores a finished day, the other warns before a deadline): their numbers must not drift apart.
import { describe, expect, it } from 'vitest';
import { METRIC_DEFS } from '@/lib/metrics/defs';
import { loadRulePack } from '@/lib/rules/packs';

const RULE_OF_METRIC: Record<string, string> = {
  'pdd.metric.valid_reply_rate': 'pdd.reply.valid_60min',
  'pdd.metric.human_3min_rate': 'pdd.reply.human_3min',
  'pdd.metric.answer_30s_rate': 'pdd.reply.answer_30s',
  'taobao.metric.wangwang_3min_rate': 'taobao.reply.wangwang_3min',
  'douyin.metric.session_3min_rate': 'douyin.reply.session_3min',
  'kuaishou.metric.merchant_3min_rate': 'kuaishou.reply.merchant_3min',
  'jd.metric.first_30s_rate': 'jd.reply.first_30s',
};

describe('metric definitions agree with the rule packs', () => {
  it.each(Object.entries(RULE_OF_METRIC))('%s ↔ %s: window, limit and pass line', (metricId, ruleId) => {
    const metric = METRIC_DEFS.find((d) => d.id === metricId);
    if (!metric || metric.kind !== 'rate') throw new Error(`no rate metric ${metricId}`);
    const pack = loadRulePack(metric.platform);
    if (!pack.ok) throw new Error(pack.error);
    const rule = pack.pack.replyRules.find((r) => r.id === ruleId)!;
    expect(metric.window).toEqual(rule.window);
    expect(metric.limitMs).toBe(rule.durationMs);
    expect(metric.passAtLeastBp ?? null).toBe(rule.threshold ? Math.round(rule.threshold.value * 10_000) : null);
    expect(metric.minSample ?? null).toBe(rule.threshold?.minSample ?? null);
  });

  it('every rate metric is mapped to its rule', () => {
    expect(METRIC_DEFS.filter((d) => d.kind === 'rate').map((d) => d.id).sort()).toEqual(Object.keys(RULE_OF_METRIC).sort());
  });
});
