// Evasions agents and buyers use, each asserted against the original text (text.slice(start, end)),
// so the underline covers the evasion characters too.
import { describe, expect, it } from 'vitest';
import { checkMessage } from '@/lib/compliance';
import { slices, spans } from './helpers';

describe('contact evasions', () => {
  it.each([
    ['加我V信 abc_123', '加我V信 abc_123'],
    ['薇 信：ab 12 34', '薇 信：ab 12 34'],
    ['1 3 8 - 0 0 1 3 - 8 0 0 0', '1 3 8 - 0 0 1 3 - 8 0 0 0'],
    ['幺三八零零幺三八零零零', '幺三八零零幺三八零零零'],
    ['１３８００１３８０００', '１３８００１３８０００'],
    ['QQ：扣扣 123456789', 'QQ：扣扣 123456789'],
    ['➕v 12345', '➕v 12345'],
    ['壹叁捌零零壹叁捌零零零', '壹叁捌零零壹叁捌零零零'],
    ['一三八 零零一三 八零零零', '一三八 零零一三 八零零零'],
    ['138😀0013😀8000', '138😀0013😀8000'],
    ['13800\u200b138000', '13800\u200b138000'],
    ['+86 138 0013 8000', '+86 138 0013 8000'],
    ['加我微❤信 abc123', '加我微❤信 abc123'],
    ['加我微信號 abc123', '加我微信號 abc123'],
    ['vx: shop_2024', 'vx: shop_2024'],
    ['WX：shop2024', 'WX：shop2024'],
    ['威信 abc12345', '威信 abc12345'],
    ['维信号 abc12345', '维信号 abc12345'],
    ['企鹅号 123456789', '企鹅号 123456789'],
    ['Q号 123456789', 'Q号 123456789'],
    ['ⓥ信 abc12345', 'ⓥ信 abc12345'],
    ['ｖ信：ａｂｃ１２３', 'ｖ信：ａｂｃ１２３'],
    ['微x abc12345', '微x abc12345'],
    ['加V:abc123', '加V:abc123'],
    ['我的邮箱 abc # qq 点 com', 'abc # qq 点 com'],
    ['abc艾特163.com', 'abc艾特163.com'],
  ])('%s', (text, expected) => {
    expect(slices(text, 'contact_off_platform')).toEqual([expected]);
  });

  it('the offsets are UTF-16 code units of the original, emoji (surrogate pairs) included', () => {
    const text = '亲😀，加我V❤信 abc_123 好吗';
    const [finding] = checkMessage(text, { platform: 'pdd' });
    expect(finding!.start).toBe(text.indexOf('加'));
    expect(finding!.end).toBe(text.indexOf(' 好吗'));
    expect(text.slice(finding!.start, finding!.end)).toBe('加我V❤信 abc_123');
  });
});

describe('evasions in other categories', () => {
  it.each([
    ['高 仿', 'counterfeit', '高 仿'],
    ['高.仿', 'counterfeit', '高.仿'],
    ['高\u200d仿', 'counterfeit', '高\u200d仿'],
    ['精❤仿', 'counterfeit', '精❤仿'],
    ['好 评 返 现', 'review_inducement', '好 评 返 现'],
    ['好評返現', 'review_inducement', '好評返現'],
    ['二 维 码', 'qr_code', '二 维 码'],
    ['掃碼', 'qr_code', '掃碼'],
    ['傻-逼', 'abuse', '傻-逼'],
    ['ＴＯＰ１', 'absolute_claim', 'ＴＯＰ１'],
    ['top 1', 'absolute_claim', 'top 1'],
    ['www . baidu . com', 'link_off_platform', 'www . baidu . com'],
    ['abc点com', 'link_off_platform', 'abc点com'],
    ['私 下 交 易', 'payment_off_platform', '私 下 交 易'],
  ] as const)('%s → %s', (text, category, expected) => {
    expect(slices(text, category)).toEqual([expected]);
  });

  it('a Cyrillic look-alike does not hide an ASCII term', () => {
    // "sb" with a Cyrillic "ѕ" (U+0455)
    expect(spans('你是\u0455b')).toEqual([['abuse', '\u0455b']]);
  });
});
