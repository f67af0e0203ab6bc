import { describe, expect, it } from 'vitest';
import { detectKuaishouPage, KUAISHOU_EXAMPLES, kuaishouAdapter } from '@/lib/adapters/kuaishou';
import { douyinAdapter } from '@/lib/adapters/douyin';
import { jdAdapter } from '@/lib/adapters/jd';
import { detectPddPage, pddAdapter } from '@/lib/adapters/pinduoduo';
import { detectTaobaoPage, TAOBAO_EXAMPLES, TAOBAO_MATCHES, taobaoAdapter } from '@/lib/adapters/taobao';

const examples = Object.entries(TAOBAO_EXAMPLES).flatMap(([kind, urls]) => urls.map((url) => [kind, url] as const));

/** Pages of other consoles (consoles-dom.md §1.1, §2.1, §3.1, §5.1): never ours. */
const FOREIGN = [
  'https://mms.pinduoduo.com/chat-merchant/index.html#/',
  'https://mms.pinduoduo.com/aftersales-ssr/detail?id=1&orderSn=2',
  'https://fxg.jinritemai.com/ffa/maftersale/aftersale/list',
  'https://im.jinritemai.com/pc_seller_v2/main/workspace',
  'https://dongdong.jd.com/',
  ...Object.values(KUAISHOU_EXAMPLES).flat(),
];

describe('detectTaobaoPage', () => {
  it.each(examples)('recognises %s page %s', (kind, url) => expect(detectTaobaoPage(url)).toBe(kind));

  it.each([
    'http://refund2.taobao.com/dispute/detail.htm?disputeId=1',
    'https://refund2.taobao.com/dispute/apply.htm?bizOrderId=1',
    'https://refund2.taobao.com/dispute/applyRouter.htm?bizOrderId=1',
    'https://refund2.taobao.com.evil.example/dispute/detail.htm?disputeId=1',
    'https://qn.taobao.com/',
    'https://qn.taobao.com/home.html/voc-tmall/serverReport',
    'https://qn.taobao.com/home.htm/trade-platform/refund-listing',
    'https://work.taobao.com/home.htm/trade-platform/refund-list',
    'https://evil.example/app/im-history-search/index.html',
    'https://taobao.com.evil.example/im-history-search/',
    'https://eviltaobao.com/im-history-search/',
    'https://market.m.taobao.com/app/im-history-searching/',
    'not a url',
    ...FOREIGN,
  ])('rejects %s', (url) => expect(detectTaobaoPage(url)).toBeNull());

  it('never reports a live chat page', () => {
    for (const [kind] of examples) expect(kind).not.toBe('chat');
    expect(detectTaobaoPage('https://myseller.taobao.com/home.htm/app-customer-service/toolpage/Message')).toBe('chat-history');
  });

  it('rejects every other adapter\'s examples, and they reject ours', () => {
    const others = [pddAdapter, douyinAdapter, jdAdapter, kuaishouAdapter];
    for (const other of others) {
      for (const url of Object.values(other.examples).flat()) expect(taobaoAdapter.detect(url), `${other.id}: ${url}`).toBeNull();
      for (const [, url] of examples) expect(other.detect(url), `${other.id} claims ${url}`).toBeNull();
    }
  });

  it('is not claimed by the other detectors', () => {
    for (const [, url] of examples) {
      expect(detectPddPage(url), url).toBeNull();
      expect(detectKuaishouPage(url), url).toBeNull();
    }
  });

  it('declares https match patterns covering every example', () => {
    for (const pattern of TAOBAO_MATCHES) expect(pattern).toMatch(/^https:\/\/(\*\.|[a-z0-9]+\.)taobao\.com\/\S*\*$/);
    const covers = (url: string) =>
      TAOBAO_MATCHES.some((p) => new RegExp(`^${p.replace(/[.?+^$|()[\]{}\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(url));
    for (const [, url] of examples) expect(covers(url), url).toBe(true);
  });

  it('wires the adapter record with no live chat and a plain explanation', () => {
    expect(taobaoAdapter).toMatchObject({ id: 'taobao', label: { zh_CN: '淘宝/天猫', en: 'Taobao/Tmall' } });
    expect(taobaoAdapter.chat).toBeUndefined();
    expect(taobaoAdapter.aftersale).toBeDefined();
    expect(taobaoAdapter.chatUnavailable?.zh_CN).toMatch(/千牛.*浏览器/);
    expect(taobaoAdapter.chatUnavailable?.en).toMatch(/Taobao.*not available/);
  });
});
