// Each platform's live reply clock at its window edges, straight from the shipped packs.
import { describe, expect, it } from 'vitest';
import type { PlatformId } from '@/lib/domain/platform';
import { loadRulePack } from '@/lib/rules/packs';
import { computeDueAt } from '@/lib/rules/window';
import { shanghai } from '../helpers';

function rule(platform: PlatformId, id: string) {
  const loaded = loadRulePack(platform);
  if (!loaded.ok) throw new Error(loaded.error);
  const found = loaded.pack.replyRules.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return { rule: found, offset: loaded.pack.utcOffsetMinutes };
}
const due = (platform: PlatformId, id: string, at: string) => {
  const { rule: r, offset } = rule(platform, id);
  return computeDueAt(shanghai(at), r, offset);
};

describe('window edges per platform', () => {
  it('PDD 3分钟人工: 22:59:30 is inside 08–23 and due 23:02:30; 23:00:00 waits for 08:00', () => {
    expect(due('pdd', 'pdd.reply.human_3min', '2026-11-24T22:59:30')).toBe(shanghai('2026-11-24T23:02:30'));
    expect(due('pdd', 'pdd.reply.human_3min', '2026-11-24T23:00:00')).toBe(shanghai('2026-11-25T08:03:00'));
    expect(due('pdd', 'pdd.reply.valid_60min', '2026-11-30T22:30:00')).toBe(shanghai('2026-11-30T23:30:00'));
  });

  it('Douyin 三分钟回复率(会话): 22:59:59 is inside (due 23:02:59), 23:00:00 is not', () => {
    expect(due('douyin', 'douyin.reply.session_3min', '2026-11-24T22:59:59')).toBe(shanghai('2026-11-24T23:02:59'));
    expect(due('douyin', 'douyin.reply.session_3min', '2026-11-24T23:00:00')).toBe(shanghai('2026-11-25T08:03:00'));
    expect(due('douyin', 'douyin.reply.session_3min', '2026-11-24T07:59:59')).toBe(shanghai('2026-11-24T08:03:00'));
  });

  it('Kuaishou 3分钟: 23:59 is inside 08–24 and due 00:02 the next day, across month end', () => {
    expect(due('kuaishou', 'kuaishou.reply.merchant_3min', '2026-11-30T23:59:00')).toBe(shanghai('2026-12-01T00:02:00'));
    expect(due('kuaishou', 'kuaishou.reply.merchant_3min', '2026-12-01T00:30:00')).toBe(shanghai('2026-12-01T08:03:00'));
  });

  it('JD: a session started 08:56 is not assessed for the 30 s rate; 09:00 is; the 3-minute clock defers to 09:00', () => {
    expect(due('jd', 'jd.reply.first_30s', '2026-11-24T08:56:00')).toBeNull();
    expect(due('jd', 'jd.reply.first_30s', '2026-11-24T09:00:00')).toBe(shanghai('2026-11-24T09:00:30'));
    expect(due('jd', 'jd.reply.first_30s', '2026-11-24T23:00:00')).toBeNull();
    expect(due('jd', 'jd.reply.human_3min', '2026-11-24T08:59:00')).toBe(shanghai('2026-11-24T09:03:00'));
  });

  it('Taobao 三分钟响应率: 08–24, midnight-crossing rounds excluded from the metric (not tracked live)', () => {
    const { rule: r } = rule('taobao', 'taobao.reply.wangwang_3min');
    expect(r).toMatchObject({ tracked: false, midnight: 'excluded', unit: 'round' });
    expect(due('taobao', 'taobao.reply.wangwang_3min', '2026-11-24T07:59:00')).toBe(shanghai('2026-11-24T08:03:00'));
  });
});
