import { describe, expect, it } from 'vitest';
import { deadlineDifference, parseDeadlineText } from '@/lib/rules/countdown';
import { prng, shanghai } from '../helpers';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const NOW = shanghai('2026-11-24T10:00:00');

describe('parseDeadlineText: countdowns with units', () => {
  it.each([
    ['6天2时3分30秒', 6 * DAY + 2 * HOUR + 3 * MINUTE + 30 * SECOND],
    ['6天2时3分30秒 未处理，系统将自动退款', 6 * DAY + 2 * HOUR + 3 * MINUTE + 30 * SECOND],
    ['剩余1天23时', DAY + 23 * HOUR],
    ['剩余1天23时，未处理系统将自动退款', DAY + 23 * HOUR],
    ['剩余1天23时，超时将自动退款', DAY + 23 * HOUR],
    ['还剩5小时', 5 * HOUR],
    ['还剩5个小时', 5 * HOUR],
    ['还剩 3 小时 20 分', 3 * HOUR + 20 * MINUTE],
    ['2天', 2 * DAY],
    ['剩 45 分钟', 45 * MINUTE],
    ['30秒', 30 * SECOND],
    ['还剩两天', 2 * DAY],
    ['剩余三小时', 3 * HOUR],
    ['剩余十天', 10 * DAY],
    ['剩余十五分钟', 15 * MINUTE],
    ['剩余二十三小时五十九分', 23 * HOUR + 59 * MINUTE],
    ['剩余九十九天', 99 * DAY],
    ['剩余零秒', 0],
    ['剩余：１天２３时', DAY + 23 * HOUR], // full-width digits
  ] as const)('%s', (text, ms) => {
    expect(parseDeadlineText(text, NOW)).toEqual({ at: NOW + ms, form: 'countdown', overdue: false, text });
  });

  it('crosses a month end in Shanghai time', () => {
    const now = shanghai('2026-11-30T23:50:00');
    expect(parseDeadlineText('还剩20分钟', now)?.at).toBe(shanghai('2026-12-01T00:10:00'));
  });
});

describe('parseDeadlineText: colon countdowns', () => {
  it.each([
    ['02:59:10', 2 * HOUR + 59 * MINUTE + 10 * SECOND],
    ['还剩 02:59:10', 2 * HOUR + 59 * MINUTE + 10 * SECOND],
    ['59:10', 59 * MINUTE + 10 * SECOND],
    ['1天 02:03:04', DAY + 2 * HOUR + 3 * MINUTE + 4 * SECOND],
    ['剩余1天02:03:04自动退款', DAY + 2 * HOUR + 3 * MINUTE + 4 * SECOND],
    ['倒计时 72:00:00', 72 * HOUR],
    ['倒计时：23:59:59', 23 * HOUR + 59 * MINUTE + 59 * SECOND],
    ['剩余１２：００', 12 * MINUTE], // full-width digits and colon
    ['剩余 1天 02:03', DAY + 2 * HOUR + 3 * MINUTE], // after a day count, two fields are hh:mm
  ] as const)('%s', (text, ms) => {
    expect(parseDeadlineText(text, NOW)).toEqual({ at: NOW + ms, form: 'clock', overdue: false, text });
  });
});

describe('parseDeadlineText: absolute deadlines', () => {
  it.each([
    ['2026-11-25 18:00 前', '2026-11-25T18:00:00'],
    ['2026年11月25日 18:00:00前', '2026-11-25T18:00:00'],
    ['2026/11/25 18:00', '2026-11-25T18:00:00'],
    ['截止时间：2026-11-25 18:00', '2026-11-25T18:00:00'],
    ['请于2026-11-25 18:00:30前处理', '2026-11-25T18:00:30'],
    ['11-25 18:00', '2026-11-25T18:00:00'],
    ['11月25日 18:00', '2026-11-25T18:00:00'],
    ['11/25 18:00前处理', '2026-11-25T18:00:00'],
    ['今天 18:00', '2026-11-24T18:00:00'],
    ['明天 18:00', '2026-11-25T18:00:00'],
    ['今日23:59前', '2026-11-24T23:59:00'],
    ['后天12:00', '2026-11-26T12:00:00'],
    ['今天24:00前', '2026-11-25T00:00:00'],
    ['18:00前', '2026-11-24T18:00:00'],
    ['截止 18:00', '2026-11-24T18:00:00'],
  ] as const)('%s → %s Shanghai', (text, wall) => {
    expect(parseDeadlineText(text, NOW)).toEqual({ at: shanghai(wall), form: 'absolute', overdue: false, text });
  });

  it('a past absolute deadline is overdue', () => {
    expect(parseDeadlineText('今天 09:00', NOW)).toMatchObject({ at: shanghai('2026-11-24T09:00:00'), overdue: true });
    expect(parseDeadlineText('2026-11-01 18:00前', NOW)).toMatchObject({ form: 'absolute', overdue: true });
  });

  it('a year-less date near the year end rolls into next year', () => {
    const now = shanghai('2026-12-31T22:00:00');
    expect(parseDeadlineText('01-01 10:00', now)?.at).toBe(shanghai('2027-01-01T10:00:00'));
    expect(parseDeadlineText('1月1日 10:00', now)?.at).toBe(shanghai('2027-01-01T10:00:00'));
  });

  it('a year-less date just after the new year reads as last year', () => {
    const now = shanghai('2027-01-02T09:00:00');
    expect(parseDeadlineText('12-31 18:00', now)).toMatchObject({ at: shanghai('2026-12-31T18:00:00'), overdue: true });
  });

  it('a year-less 02-29 picks a leap year or nothing', () => {
    expect(parseDeadlineText('02-29 10:00', shanghai('2028-02-20T10:00:00'))?.at).toBe(shanghai('2028-02-29T10:00:00'));
    expect(parseDeadlineText('02-29 10:00', NOW)).toBeNull();
  });

  it('uses the Shanghai day of now, not the UTC day', () => {
    const now = Date.parse('2026-11-24T20:00:00Z'); // 2026-11-25 04:00 in Shanghai
    expect(parseDeadlineText('今天 18:00', now)?.at).toBe(shanghai('2026-11-25T18:00:00'));
    expect(parseDeadlineText('明天 18:00', now)?.at).toBe(shanghai('2026-11-26T18:00:00'));
    expect(parseDeadlineText('今日23:59前', now)?.at).toBe(shanghai('2026-11-25T23:59:00'));
  });

  it('impossible dates and times are not deadlines', () => {
    for (const text of ['2026-02-30 18:00', '2026-11-25 25:00', '02-30 10:00', '11-25 24:30', '今天 25:00']) {
      expect(parseDeadlineText(text, NOW), text).toBeNull();
    }
  });
});

describe('parseDeadlineText: overdue', () => {
  it.each([
    ['已超时', 0, 'countdown'],
    ['已超时 2小时', 2 * HOUR, 'countdown'],
    ['超时2时3分', 2 * HOUR + 3 * MINUTE, 'countdown'],
    ['已超时：1天', DAY, 'countdown'],
    ['已超时两小时', 2 * HOUR, 'countdown'],
    ['已超时 00:10:00', 10 * MINUTE, 'clock'],
  ] as const)('%s', (text, ms, form) => {
    expect(parseDeadlineText(text, NOW)).toEqual({ at: NOW - ms, form, overdue: true, text });
  });

  it('a bare 超时 naming the rule is not overdue', () => {
    expect(parseDeadlineText('超时将自动退款', NOW)).toBeNull();
    expect(parseDeadlineText('客服超时未回复用户，系统关闭会话', NOW)).toBeNull();
  });
});

describe('parseDeadlineText: no deadline', () => {
  it.each([
    '查看详情',
    '',
    '   ',
    '退款金额¥65.00',
    '260909-672850297221479',
    '¥1,299.00',
    '订单号：260909-672850297221479 退款金额¥65.00',
    '7天无理由退货',
    '近30天3分钟人工回复率 52.17%',
    '请在3分钟内回复',
    '3分钟前',
    '已等待 45秒',
    '用户已等待超45秒，请尽快回复',
    '等待 00:45',
    '十分抱歉，给您带来不便',
    '同一时间',
    '12:75',
  ])('%j', (text) => {
    expect(parseDeadlineText(text, NOW)).toBeNull();
  });

  it('time left wins over the request time printed in the same row', () => {
    expect(parseDeadlineText('申请时间：2026-11-20 10:00 剩余1天23时', NOW)).toMatchObject({ at: NOW + DAY + 23 * HOUR, form: 'countdown' });
  });

  it('a date without a time does not hide a countdown', () => {
    expect(parseDeadlineText('2026-11-20 申请 剩余1天', NOW)?.at).toBe(NOW + DAY);
  });

  it('rejects a non-finite now', () => {
    expect(parseDeadlineText('剩余1天', Number.NaN)).toBeNull();
  });
});

describe('parseDeadlineText: text', () => {
  it('is trimmed and capped at 100 chars', () => {
    const long = `  剩余1天${'，未处理系统将自动退款'.repeat(20)}  `;
    const parsed = parseDeadlineText(long, NOW);
    expect(parsed?.at).toBe(NOW + DAY);
    expect(parsed?.text).toBe(long.trim().slice(0, 100));
    expect(parsed?.text).toHaveLength(100);
  });
});

describe('parseDeadlineText: fuzz', () => {
  const alphabet = [
    ...'0123456789０１２：:-/. 年月日天时分秒钟小个剩余还有超已前今明后截止零一二两三四五六七八九十¥,，abc\n\t',
    '\uD800', // a lone surrogate
    '倒计时',
    '已超时',
    '2026-11-25 ',
  ];

  it('never throws and returns a sane result on 500 random strings', () => {
    const random = prng(20261124);
    let parsed = 0;
    for (let i = 0; i < 500; i++) {
      const length = Math.floor(random() * 40);
      let text = '';
      for (let j = 0; j < length; j++) text += alphabet[Math.floor(random() * alphabet.length)];
      const now = NOW + Math.floor(random() * 400 * DAY);
      const result = parseDeadlineText(text, now);
      if (result === null) continue;
      parsed++;
      expect(Number.isFinite(result.at), text).toBe(true);
      expect(['countdown', 'clock', 'absolute']).toContain(result.form);
      expect(result.text).toBe(text.trim().slice(0, 100));
      if (result.form !== 'absolute') expect(result.overdue ? result.at <= now : result.at >= now, text).toBe(true);
      else expect(result.overdue, text).toBe(result.at < now);
    }
    expect(parsed).toBeGreaterThan(0);
  });

  it('stays fast on long adversarial input', () => {
    const start = performance.now();
    for (const chunk of ['1 ', '1天 ', '11-', '1:', '超时', '2026-1-1 ', '十']) parseDeadlineText(chunk.repeat(20_000), NOW);
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});

describe('deadlineDifference', () => {
  const rule = shanghai('2026-11-25T18:00:00');

  it('keeps both and reports page − rule', () => {
    expect(deadlineDifference(rule + 2 * HOUR, rule)).toEqual({ page: rule + 2 * HOUR, rule, differenceMs: 2 * HOUR, disagrees: true });
    expect(deadlineDifference(rule - 61 * SECOND, rule)).toMatchObject({ differenceMs: -61 * SECOND, disagrees: true });
  });

  it('agrees within 60 s', () => {
    expect(deadlineDifference(rule + 60 * SECOND, rule)).toEqual({ page: rule + 60 * SECOND, rule, differenceMs: 60 * SECOND, disagrees: false });
    expect(deadlineDifference(rule, rule)).toMatchObject({ differenceMs: 0, disagrees: false });
  });

  it('cannot disagree with only one side known', () => {
    expect(deadlineDifference(rule, null)).toEqual({ page: rule, rule: null, differenceMs: null, disagrees: false });
    expect(deadlineDifference(null, rule)).toEqual({ page: null, rule, differenceMs: null, disagrees: false });
    expect(deadlineDifference(null, null)).toEqual({ page: null, rule: null, differenceMs: null, disagrees: false });
    expect(deadlineDifference(Number.NaN, rule)).toMatchObject({ page: null, differenceMs: null, disagrees: false });
  });
});
