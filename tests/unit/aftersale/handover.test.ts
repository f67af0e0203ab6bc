import { describe, expect, it } from 'vitest';
import { handoverText, selectHandover } from '@/lib/aftersale/handover';
import type { QueueItem } from '@/lib/queue/queue';
import type { CaseRecord } from '@/lib/store/db';
import type { AtRiskRow } from '@/lib/tracker/at-risk';

const H = 3_600_000;
const NOW = Date.parse('2026-11-24T10:00:00+08:00');

const chat = (key: string, dueIn: number, shop = 'default'): QueueItem => {
  const row: AtRiskRow = { conversationId: `pdd:${shop}:${key}`, platform: 'pdd', shop, nick: `买家${key}`, preview: '', ruleId: 'pdd.reply.human_3min', dueAt: NOW + dueIn, atRisk: true, lapsedRuleIds: [] };
  return { type: 'chat', id: row.conversationId, platform: 'pdd', shop, dueAt: row.dueAt, row };
};
const kase = (caseId: string, dueIn: number | null): QueueItem => {
  const record = { id: `jd:default:${caseId}`, platform: 'jd', shop: 'default', caseId, kindText: '退货', stageText: '待审核', autoActionText: '超时自动同意', dueAt: dueIn === null ? null : NOW + dueIn } as CaseRecord;
  return { type: 'case', id: record.id, platform: 'jd', shop: 'default', dueAt: record.dueAt, record, stale: false };
};
const names = {
  platform: (id: string) => ({ pdd: '拼多多', jd: '京东' })[id] ?? id,
  shop: (_p: string, shop: string) => (shop === 'default' ? '当前店铺' : shop),
  rule: () => '3分钟人工回复率',
};

describe('shift handover', () => {
  it('selects what falls due within N hours, overdue first, untimed left out', () => {
    const items = [kase('late', -10 * 60_000), chat('a', 2 * 60_000), kase('tomorrow', 30 * H), kase('untimed', null), kase('soon', 3 * H)];
    expect(selectHandover(items, NOW, 8).map((i) => i.id)).toEqual(['jd:default:late', 'pdd:default:a', 'jd:default:soon']);
    expect(selectHandover(items, NOW, 48)).toHaveLength(4);
  });

  it('writes plain text grouped by platform and shop, in Shanghai time', () => {
    const text = handoverText(selectHandover([kase('late', -10 * 60_000), chat('a', 2 * 60_000), kase('soon', 3 * H)], NOW, 8), NOW, 8, 'zh_CN', names);
    expect(text).toBe(
      [
        '【交接班】11-24 10:00 起 8 小时内到期：3 项',
        '',
        '京东 · 当前店铺',
        '- 已超时 10分钟 售后 late：退货·待审核，超时自动同意',
        '- 13:00（剩 3小时0分） 售后 soon：退货·待审核，超时自动同意',
        '',
        '拼多多 · 当前店铺',
        '- 10:02（剩 2分钟） 会话 买家a：3分钟人工回复率',
      ].join('\n'),
    );
    expect(handoverText([], NOW, 4, 'en', names)).toBe('[Handover] due within 4 h from 11-24 10:00: 0\nNothing falls due.');
  });
});
