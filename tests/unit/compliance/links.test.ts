import { describe, expect, it } from 'vitest';
import { ALLOWED_DOMAINS } from '@/lib/compliance';
import { PLATFORM_IDS } from '@/lib/domain/platform';
import { slices } from './helpers';

const SAMPLE: Record<(typeof PLATFORM_IDS)[number], string> = {
  pdd: 'https://mobile.yangkeduo.com/goods.html?goods_id=1',
  taobao: 'https://item.taobao.com/item.htm?id=1',
  douyin: 'https://haohuo.jinritemai.com/views/product/item?id=1',
  kuaishou: 'https://app.kwaixiaodian.com/merchant/shop/detail?id=1',
  jd: 'https://item.jd.com/100012043978.html',
};

describe('links', () => {
  it('the allow-lists are the ones the platforms own', () => {
    expect(ALLOWED_DOMAINS).toEqual({
      pdd: ['pinduoduo.com', 'yangkeduo.com'],
      taobao: ['taobao.com', 'tmall.com', 'tb.cn'],
      douyin: ['jinritemai.com', 'douyin.com'],
      kuaishou: ['kwaixiaodian.com', 'kuaishou.com'],
      jd: ['jd.com', '3.cn'],
    });
  });

  it.each(PLATFORM_IDS)('on %s: its own links pass, every other platform\'s link is flagged', (platform) => {
    for (const other of PLATFORM_IDS) {
      const text = `链接 ${SAMPLE[other]} 您看下`;
      expect(slices(text, 'link_off_platform', platform), `${other} link on ${platform}`).toEqual(other === platform ? [] : [SAMPLE[other]]);
    }
  });

  it('a bare domain of another platform is flagged, a subdomain of the own one is not; lookalike hosts are not own', () => {
    expect(slices('去 jd.com 看看', 'link_off_platform', 'pdd')).toEqual(['jd.com']);
    expect(slices('m.tb.cn/h.5abc', 'link_off_platform', 'taobao')).toEqual([]);
    expect(slices('taobao.com.evil.cn/x', 'link_off_platform', 'taobao')).toEqual(['taobao.com.evil.cn/x']);
    expect(slices('faketaobao.com', 'link_off_platform', 'taobao')).toEqual(['faketaobao.com']);
  });

  it('stops at a space, at Chinese text and at trailing punctuation; a scheme makes any host a link', () => {
    expect(slices('看 https://abc.xyz/p?q=1。谢谢', 'link_off_platform')).toEqual(['https://abc.xyz/p?q=1']);
    expect(slices('http://192.168.1.1/admin 打开', 'link_off_platform')).toEqual(['http://192.168.1.1/admin']);
    expect(slices('t.cn/A6abc 短链接', 'link_off_platform')).toEqual(['t.cn/A6abc']);
  });

  it('share codes: flagged off Taobao, fine on Taobao; prices never match', () => {
    expect(slices('￥AbCd123￥', 'link_off_platform', 'pdd')).toEqual(['￥AbCd123￥']);
    expect(slices('€xYz7890€ 打开', 'link_off_platform', 'jd')).toEqual(['€xYz7890€']);
    expect(slices('￥AbCd123￥', 'link_off_platform', 'taobao')).toEqual([]);
    expect(slices('原价¥1299￥现价¥999', 'link_off_platform', 'pdd')).toEqual([]);
  });

  it('other platforms by name: "去X搜", shops and accounts elsewhere; naming a competitor on Taobao', () => {
    expect(slices('您去某宝搜一下', 'link_off_platform', 'pdd')).toEqual(['去某宝搜一下']);
    expect(slices('您去某宝搜一下', 'link_off_platform', 'taobao')).toEqual([]);
    expect(slices('去闲鱼搜我们', 'link_off_platform', 'jd')).toEqual(['去闲鱼搜']);
    expect(slices('我们拼多多也有店', 'link_off_platform', 'douyin')).toEqual(['拼多多也有店']);
    expect(slices('这款京东卖得更贵', 'link_off_platform', 'taobao')).toEqual(['京东']);
    expect(slices('这款京东卖得更贵', 'link_off_platform', 'pdd')).toEqual([]);
    expect(slices('淘口令发您', 'link_off_platform', 'pdd')).toEqual(['淘口令']);
    expect(slices('淘口令发您', 'link_off_platform', 'taobao')).toEqual([]);
  });

  it('an e-mail address is a contact, not also a link', () => {
    expect(slices('abc@foo.com', 'link_off_platform')).toEqual([]);
    expect(slices('abc@foo.com', 'contact_off_platform')).toEqual(['abc@foo.com']);
  });
});
