import { describe, expect, it } from 'vitest';
import { alertDays, caseDays, lastDays, localDay, replyDays, toCsv } from '@/lib/metrics/history';
import { loadRulePack } from '@/lib/rules/packs';
import type { CaseRecord, DeadlineRecord, WarningRecord } from '@/lib/store/db';

const at = (shanghai: string) => Date.parse(`${shanghai}+08:00`);
const H = 3_600_000;

const clock = (id: string, conversation: string, ruleId: string, startedAt: number, state: DeadlineRecord['state']): DeadlineRecord => ({
  id, conversationId: conversation, platform: conversation.split(':')[0] as DeadlineRecord['platform'], ruleId, startedAt, dueAt: startedAt + 180_000, riskFrom: startedAt, state, closedAt: null,
});

describe('dashboard history', () => {
  it('local days are Asia/Shanghai days', () => {
    expect(localDay(at('2026-11-24T23:59:59'))).toBe('2026-11-24');
    expect(localDay(at('2026-11-25T00:00:00'))).toBe('2026-11-25');
    expect(lastDays(at('2026-11-25T00:30:00'), 3)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25']);
  });

  it('reply clocks per day, platform, shop and rule, with the pass line and misses left', () => {
    const deadlines = [
      ...Array.from({ length: 8 }, (_, i) => clock(`m${i}`, 'pdd:shop-a:1', 'pdd.reply.valid_60min', at('2026-11-24T10:00:00') + i, 'met')),
      ...Array.from({ length: 2 }, (_, i) => clock(`x${i}`, 'pdd:shop-a:2', 'pdd.reply.valid_60min', at('2026-11-24T11:00:00') + i, 'missed')),
      clock('n', 'pdd:shop-a:3', 'pdd.reply.valid_60min', at('2026-11-24T23:59:59'), 'not-assessed'),
      clock('o', 'pdd:shop-a:4', 'pdd.reply.valid_60min', at('2026-11-25T00:00:00'), 'open'),
      clock('b', 'pdd:shop-b:1', 'pdd.reply.human_3min', at('2026-11-24T09:00:00'), 'met'),
      clock('j', 'jd:default:1', 'jd.reply.human_3min', at('2026-11-24T09:30:00'), 'missed'),
    ];
    const rows = replyDays(deadlines, loadRulePack);
    expect(rows.map((r) => [r.day, r.platform, r.shop, r.ruleId, r.met, r.missed, r.notAssessed, r.open])).toEqual([
      ['2026-11-24', 'jd', 'default', 'jd.reply.human_3min', 0, 1, 0, 0],
      ['2026-11-24', 'pdd', 'shop-a', 'pdd.reply.valid_60min', 8, 2, 1, 0],
      ['2026-11-24', 'pdd', 'shop-b', 'pdd.reply.human_3min', 1, 0, 0, 0],
      ['2026-11-25', 'pdd', 'shop-a', 'pdd.reply.valid_60min', 0, 0, 0, 1],
    ]);
    // PDD valid reply rate: pass line 50%; 8 of 10 met leaves 6 more misses (8/16 = 50%).
    expect(rows[1]).toMatchObject({ rate: 0.8, threshold: 0.5, missesLeft: 6 });
    expect(rows[2]).toMatchObject({ rate: 1, threshold: null, missesLeft: null });
    expect(rows[3]!.rate).toBeNull();
  });

  it('after-sales stages left before or after their deadline, and ones still overdue', () => {
    const base = { platform: 'pdd', shop: 'default', stageKey: 'x', dueAt: null, stage: 'closed' } as unknown as CaseRecord;
    const cases = [
      { ...base, id: 'a', stageHistory: [{ stage: 'seller_review', stageText: '待处理', seenAt: at('2026-11-23T10:00:00'), dueAt: at('2026-11-24T10:00:00') }, { stage: 'closed', stageText: '退款成功', seenAt: at('2026-11-24T09:00:00') }] },
      { ...base, id: 'b', stageHistory: [{ stage: 'seller_review', stageText: '待处理', seenAt: at('2026-11-23T10:00:00'), dueAt: at('2026-11-24T08:00:00') }, { stage: 'seller_confirm_receipt', stageText: '待收货', seenAt: at('2026-11-24T09:00:00') }], stage: 'seller_confirm_receipt', dueAt: at('2026-11-24T12:00:00') },
      { ...base, id: 'c', stageHistory: [{ stage: 'seller_review', stageText: '待处理', seenAt: 1 }, { stage: 'seller_review', stageText: '待处理（加急）', seenAt: 2 }], stage: 'seller_review', dueAt: at('2026-11-26T00:00:00') },
    ] as CaseRecord[];
    expect(caseDays(cases, at('2026-11-24T20:00:00'))).toEqual([{ day: '2026-11-24', platform: 'pdd', shop: 'default', onTime: 1, late: 2 }]);
  });

  it('alerts fired and acted on: the clock then met, or the case moved on', () => {
    const d1 = clock('d1', 'pdd:default:1', 'pdd.reply.human_3min', at('2026-11-24T10:00:00'), 'met');
    const d2 = clock('d2', 'pdd:default:2', 'pdd.reply.human_3min', at('2026-11-24T10:00:00'), 'missed');
    const kase = { id: 'pdd:default:9', platform: 'pdd', shop: 'default', stageKey: 'seller_confirm_receipt@5', stage: 'seller_confirm_receipt' } as CaseRecord;
    const w = (id: string, deadlineId: string, firedAt: number | null, extra: Partial<WarningRecord> = {}): WarningRecord => ({ id, deadlineId, beforeMs: 1, warnAt: 0, state: firedAt ? 'fired' : 'pending', firedAt, message: null, ...extra });
    const warnings = [
      w('1', 'd1', at('2026-11-24T10:02:30')),
      w('1b', 'd1', at('2026-11-24T10:02:40')),
      w('2', 'd2', at('2026-11-24T10:02:30')),
      w('3', 'case|pdd:default:9|seller_review@1', at('2026-11-24T11:00:00'), { caseRecordId: 'pdd:default:9' }),
      w('4', 'd2', null),
    ];
    expect(alertDays(warnings, new Map([['d1', d1], ['d2', d2]]), new Map([[kase.id, kase]]))).toEqual([{ day: '2026-11-24', platform: 'pdd', shop: 'default', fired: 3, actedOn: 2 }]);
  });

  it('CSV quotes what needs quoting and starts with a BOM', () => {
    expect(toCsv(['店铺', '备注'], [['a,b', '说"好"'], ['多行\n文本', null]])).toBe('\uFEFF店铺,备注\r\n"a,b","说""好"""\r\n"多行\n文本",\r\n');
  });
});
