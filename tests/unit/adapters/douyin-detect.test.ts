import { describe, expect, it } from 'vitest';
import { detectDouyinPage, douyinAdapter, DOUYIN_EXAMPLES, DOUYIN_MATCHES } from '@/lib/adapters/douyin';
import { jdAdapter } from '@/lib/adapters/jd';
import { kuaishouAdapter } from '@/lib/adapters/kuaishou';
import { detectPddPage, pddAdapter } from '@/lib/adapters/pinduoduo';
import { taobaoAdapter } from '@/lib/adapters/taobao';
import type { PageKind } from '@/lib/adapters/registry-types';

const examples = Object.entries(DOUYIN_EXAMPLES).flatMap(([kind, urls]) => (urls ?? []).map((url) => [kind as PageKind, url] as const));

/** Other platforms' pages (consoles-dom.md §1, §3–5): no Douyin detector may claim them. */
const FOREIGN = [
  'https://mms.pinduoduo.com/chat-merchant/index.html#/',
  'https://mms.pinduoduo.com/aftersales/aftersale_list?msfrom=mms_sidenav',
  'https://mms.pinduoduo.com/aftersales-ssr/detail?id=12345678901234&orderSn=260909-672850297221479',
  'https://im.kwaixiaodian.com/workbench',
  'https://s.kwaixiaodian.com/zone/refund/detail?refundId=1',
  'https://qn.taobao.com/home.htm/app-customer-service/toolpage/Message',
  'https://refund2.taobao.com/dispute/sellerDisputeList.htm?type=1&showFrame=false',
  'https://dongdong.jd.com/',
  'https://shop.jd.com/jdm/trade/after-sale/independent-after-sale/list?tabCode=all',
];

/** A manifest match pattern ("https://host/path*") as a RegExp. */
function patternRegExp(pattern: string): RegExp {
  const m = pattern.match(/^(https):\/\/([^/*]+)(\/.*)$/);
  if (!m) throw new Error(`unparseable match pattern ${pattern}`);
  const path = m[3]!.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${m[1]}://${m[2]!.replace(/\./g, '\\.')}${path}$`);
}

describe('detectDouyinPage', () => {
  it.each(examples)('recognises %s page %s', (kind, url) => expect(detectDouyinPage(url)).toBe(kind));

  it('has examples for chat, the after-sales list and the detail page', () => {
    expect(Object.keys(DOUYIN_EXAMPLES).sort()).toEqual(['aftersale-detail', 'aftersale-list', 'chat']);
  });

  it.each([
    'http://im.jinritemai.com/pc_seller_v2/main/workspace',
    'https://im.jinritemai.com.evil.example/pc_seller_v2/main/workspace',
    'https://evil.jinritemai.com/ffa/maftersale/aftersale/list',
    'https://jinritemai.com/ffa/maftersale/aftersale/list',
    'https://im.jinritemai.com:8443/pc_seller_v2/main/workspace',
    'https://user:pw@im.jinritemai.com/pc_seller_v2/main/workspace',
    'https://im.jinritemai.com/pc_seller_v2x/main/workspace',
    'https://im.jinritemai.com/',
    'https://pigeon.jinritemai.com/backstage/getuserinfo?biz_type=4',
    'https://buyin.jinritemai.com/dashboard',
    'https://fxg.jinritemai.com/ffa/mshop/homepage/index',
    'https://fxg.jinritemai.com/ffa/maftersale/aftersale/part-pay?type=begin',
    'https://fxg.jinritemai.com/ffa/order/detail?order_id=6931234567890000001',
    'https://fxg.jinritemai.com/ffa/morder/order/list',
    'https://fxg.jinritemai.com/ffa/maftersale/aftersale/list-old',
    'https://fxg.jinritemai.com/login/common',
    'not a url',
    '',
  ])('rejects %s', (url) => expect(detectDouyinPage(url)).toBeNull());

  it.each(FOREIGN)('rejects the other platform page %s', (url) => expect(detectDouyinPage(url)).toBeNull());

  it.each(examples)('the Pinduoduo detector rejects the Douyin %s page %s', (_kind, url) => expect(detectPddPage(url)).toBeNull());
});

describe('cross-platform detection', () => {
  const others = [pddAdapter, taobaoAdapter, kuaishouAdapter, jdAdapter];
  const theirs = others.flatMap((a) => Object.values(a.examples).flatMap((urls) => (urls ?? []).map((url) => [a.id, url] as const)));

  it('knows some example URLs of every other platform', () => {
    expect(new Set(theirs.map(([id]) => id))).toEqual(new Set(['pdd', 'taobao', 'kuaishou', 'jd']));
  });

  it.each(theirs)('Douyin rejects the %s example %s', (_id, url) => expect(detectDouyinPage(url)).toBeNull());

  it.each(others.flatMap((a) => examples.map(([kind, url]) => [a.id, kind, url] as const)))(
    'the %s detector rejects the Douyin %s page %s',
    (id, _kind, url) => expect(others.find((a) => a.id === id)!.detect(url)).toBeNull(),
  );
});

describe('douyinAdapter', () => {
  it('declares parseable https match patterns that cover every example and nothing of another platform', () => {
    const patterns = DOUYIN_MATCHES.map(patternRegExp);
    for (const [, url] of examples) expect(patterns.some((re) => re.test(url)), url).toBe(true);
    for (const url of FOREIGN) expect(patterns.some((re) => re.test(url)), url).toBe(false);
    expect(DOUYIN_MATCHES.every((p) => p.startsWith('https://im.jinritemai.com/') || p.startsWith('https://fxg.jinritemai.com/'))).toBe(true);
  });

  it('wires the readers, a virtualized chat list and the 飞鸽 input', () => {
    expect(douyinAdapter).toMatchObject({ id: 'douyin', matches: DOUYIN_MATCHES, examples: DOUYIN_EXAMPLES });
    expect(douyinAdapter.label.zh_CN).toContain('抖店');
    expect(douyinAdapter.detect('https://im.jinritemai.com/pc_seller_v2/main/workspace')).toBe('chat');
    expect(douyinAdapter.chat?.virtualized).toBe(true);
    expect(douyinAdapter.chat?.input[0]).toBe('textarea[data-qa-id="qa-send-message-textarea"]');
    expect(douyinAdapter.chat?.send[0]).toBe('[data-qa-id="qa-send-message-button"]');
    expect(douyinAdapter.aftersale).toBeDefined();
    expect(douyinAdapter.chatUnavailable).toBeUndefined();
  });
});
