import { describe, expect, it } from 'vitest';
import { aftersaleDeadline, stageDueAt } from '@/lib/rules/aftersale';
import { parseDeadlineText } from '@/lib/rules/countdown';
import { loadRulePack } from '@/lib/rules/packs';
import { shanghai } from '../helpers';

const CN = 480;
const H = 3_600_000;
const pack = () => {
  const loaded = loadRulePack('pdd');
  if (!loaded.ok) throw new Error(loaded.error);
  return loaded.pack;
};
const rule = (id: string) => pack().aftersaleRules.find((r) => r.id === id)!;

describe('stageDueAt', () => {
  it('elapsed: calendar hours through nights and month end', () => {
    expect(stageDueAt({ type: 'elapsed', ms: 48 * H }, shanghai('2026-11-29T22:30:00'), CN)).toBe(shanghai('2026-12-01T22:30:00'));
  });

  it('natural days: the start day is day 1 and the deadline is 24:00 of the last day', () => {
    const d = { type: 'natural-days' as const, days: 3 };
    expect(stageDueAt(d, shanghai('2026-11-24T15:00:00'), CN)).toBe(shanghai('2026-11-27T00:00:00'));
    // Started at 23:59 on the last day of the month: still day 1.
    expect(stageDueAt(d, shanghai('2026-11-30T23:59:00'), CN)).toBe(shanghai('2026-12-03T00:00:00'));
    // 00:01 Shanghai is still the previous day in UTC; the day is Shanghai's.
    expect(stageDueAt(d, shanghai('2026-12-31T00:01:00'), CN)).toBe(shanghai('2027-01-03T00:00:00'));
  });

  it('from next midnight: PDD 7天无理由 objection window is 72 h from 00:00 after sign-off', () => {
    expect(stageDueAt({ type: 'from-next-midnight', ms: 72 * H }, shanghai('2026-11-28T21:00:00'), CN)).toBe(shanghai('2026-12-02T00:00:00'));
  });

  it('cutoff: JD 极速审核 — before 12:00 due 24:00 that day, after 12:00 due 12:00 next day', () => {
    const d = { type: 'cutoff' as const, cutoff: '12:00', before: '24:00', after: '12:00' };
    expect(stageDueAt(d, shanghai('2026-11-30T11:59:59'), CN)).toBe(shanghai('2026-12-01T00:00:00'));
    expect(stageDueAt(d, shanghai('2026-11-30T12:00:00'), CN)).toBe(shanghai('2026-12-01T12:00:00'));
  });
});

describe('aftersaleDeadline', () => {
  it('PDD return: 7 days from tracking, cut to 24 h once the return is signed', () => {
    const start = shanghai('2026-11-20T10:00:00');
    const plain = aftersaleDeadline(rule('pdd.aftersale.confirm_return'), start, CN);
    expect(plain).toMatchObject({ ruleDueAt: shanghai('2026-11-27T10:00:00'), dueAt: shanghai('2026-11-27T10:00:00'), shortened: false, pageDueAt: null });
    const signed = aftersaleDeadline(rule('pdd.aftersale.confirm_return'), start, CN, { returnSignedAt: shanghai('2026-11-22T16:00:00') });
    expect(signed).toMatchObject({ ruleDueAt: shanghai('2026-11-23T16:00:00'), shortened: true });
    // Signed on day 7: the 24 h cut would be later than the 7-day deadline, which stays.
    const late = aftersaleDeadline(rule('pdd.aftersale.confirm_return'), start, CN, { returnSignedAt: shanghai('2026-11-26T16:00:00') });
    expect(late).toMatchObject({ ruleDueAt: shanghai('2026-11-27T10:00:00'), shortened: false });
  });

  it('the page countdown wins, the rule deadline is kept and the difference exposed', () => {
    const start = shanghai('2026-11-24T10:00:00');
    const now = shanghai('2026-11-24T12:00:00');
    const page = parseDeadlineText('6天2时3分30秒 未处理，系统将自动退款', now)!;
    const d = aftersaleDeadline(rule('pdd.aftersale.review_request'), start, CN, {}, page);
    expect(d.ruleDueAt).toBe(shanghai('2026-11-26T10:00:00'));
    expect(d.pageDueAt).toBe(now + ((6 * 24 + 2) * 60 + 3) * 60_000 + 30_000);
    expect(d.dueAt).toBe(d.pageDueAt);
    expect(d.differenceMs).toBe(d.pageDueAt! - d.ruleDueAt);
    expect(d.disagrees).toBe(true);
    const agreeing = aftersaleDeadline(rule('pdd.aftersale.review_request'), start, CN, {}, parseDeadlineText('剩余1天22时', now));
    expect(agreeing).toMatchObject({ differenceMs: 0, disagrees: false });
  });
});
