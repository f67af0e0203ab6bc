import { describe, expect, it } from 'vitest';
import { luhnValid } from '@/lib/compliance';
import { slices } from './helpers';

describe('Luhn', () => {
  it('accepts valid numbers and rejects invalid ones', () => {
    for (const valid of ['4111111111111111', '5500005555555559', '6222020200001234562', '79927398713', '0000000000000000']) expect(luhnValid(valid), valid).toBe(true);
    for (const invalid of ['4111111111111112', '6222020200001234567', '79927398710', '1', '', '41111111111a1111']) expect(luhnValid(invalid), invalid).toBe(false);
  });
});

describe('bank cards', () => {
  it('16–19 digits passing Luhn, as one block, in groups of four, or spaced digit by digit', () => {
    expect(slices('4111111111111111', 'payment_off_platform')).toEqual(['4111111111111111']);
    expect(slices('打到 6222 0202 0000 1234 562 就行', 'payment_off_platform')).toEqual(['6222 0202 0000 1234 562']);
    expect(slices('4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1', 'payment_off_platform')).toEqual(['4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1']);
  });

  it('not without Luhn, unless the text says it is a card; never in an order or tracking context', () => {
    expect(slices('4111111111111112', 'payment_off_platform')).toEqual([]);
    expect(slices('卡号：6222020200001234567', 'payment_off_platform')).toEqual(['6222020200001234567']);
    expect(slices('订单 4111111111111111', 'payment_off_platform')).toEqual([]);
    expect(slices('物流单号 4111111111111111', 'payment_off_platform')).toEqual([]);
  });
});

describe('phone numbers', () => {
  it('11 digits starting 1[3-9], with +86 / 0086, and joined from groups', () => {
    expect(slices('13800138000', 'contact_off_platform')).toEqual(['13800138000']);
    expect(slices('19912345678', 'contact_off_platform')).toEqual(['19912345678']);
    expect(slices('0086 13800138000', 'contact_off_platform')).toEqual(['0086 13800138000']);
    expect(slices('138-0013-8000', 'contact_off_platform')).toEqual(['138-0013-8000']);
    expect(slices('电话 13800138000 2件都要', 'contact_off_platform')).toEqual(['13800138000']);
  });

  it('not 12345678901, not 11 digits inside a longer number, not after letters', () => {
    expect(slices('12345678901', 'contact_off_platform')).toEqual([]);
    expect(slices('1380013800012', 'contact_off_platform')).toEqual([]);
    expect(slices('AB13800138000', 'contact_off_platform')).toEqual([]);
  });

  it('a phone context wins over an earlier order context', () => {
    expect(slices('订单有问题请打手机 13800138000', 'contact_off_platform')).toEqual(['13800138000']);
  });

  it('landlines with an area code; 400/800 hotlines except on JD', () => {
    expect(slices('010-12345678', 'contact_off_platform')).toEqual(['010-12345678']);
    expect(slices('(0755) 1234 5678', 'contact_off_platform')).toEqual(['0755) 1234 5678']);
    expect(slices('400-882-2528', 'contact_off_platform', 'taobao')).toEqual(['400-882-2528']);
    expect(slices('400-882-2528', 'contact_off_platform', 'jd')).toEqual([]);
  });
});
