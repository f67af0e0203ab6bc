import { describe, expect, it } from 'vitest';
import { detectPddPage, pddAdapter, PDD_EXAMPLES } from '@/lib/adapters/pinduoduo';
import { JD_EXAMPLES } from '@/lib/adapters/jd';

describe('detectPddPage', () => {
  it.each(Object.entries(PDD_EXAMPLES).flatMap(([kind, urls]) => urls.map((url) => [kind, url])))(
    'recognises the %s page %s',
    (kind, url) => expect(detectPddPage(url)).toBe(kind),
  );

  it.each([
    // Pinduoduo pages this adapter does not read
    'https://mms.pinduoduo.com/aftersales/work_order/list',
    'https://mms.pinduoduo.com/aftersales/work_order/tododetail?id=1',
    'https://mms.pinduoduo.com/orders/appeals/aftersale/refund-only',
    'https://mms.pinduoduo.com/mms-chat/search',
    'https://mms.pinduoduo.com/aftersales/aftersale_listing',
    'https://mms.pinduoduo.com/chat-merchantx/',
    // wrong scheme or host
    'http://mms.pinduoduo.com/chat-merchant/index.html',
    'http://mms.pinduoduo.com/aftersales/aftersale_list',
    'https://mms.pinduoduo.com.evil.example/chat-merchant/',
    'https://evil.example/aftersales-ssr/detail?id=1&host=mms.pinduoduo.com',
    'https://m.mms.pinduoduo.com/aftersales/aftersale_list',
    // other platforms
    'https://fxg.jinritemai.com/ffa/mshop/homepage/index',
    'https://im.jinritemai.com/pc_seller_v2/main/workspace',
    'https://fxg.jinritemai.com/ffa/maftersale/aftersale/list',
    'https://im.kwaixiaodian.com/workbench',
    'https://s.kwaixiaodian.com/zone/refund/detail?refundId=1',
    'https://qn.taobao.com/home.htm/app-customer-service/toolpage/Message',
    'https://refund2.taobao.com/dispute/sellerDisputeList.htm?type=1&showFrame=false',
    ...Object.values(JD_EXAMPLES).flat(),
    'not a url',
  ])('rejects %s', (url) => expect(detectPddPage(url)).toBeNull());
});

describe('pddAdapter', () => {
  it('matches every example URL with its manifest patterns and lists an example per page kind it reads', () => {
    expect(pddAdapter.id).toBe('pdd');
    expect(Object.keys(pddAdapter.examples).sort()).toEqual(['aftersale-detail', 'aftersale-list', 'chat']);
    const patterns = pddAdapter.matches.map((p) => new RegExp(`^${p.replace(/[.?+^$()[\]{}|\\]/g, '\\$&').replace(/\*/g, '.*')}$`));
    for (const url of Object.values(pddAdapter.examples).flat()) {
      expect(patterns.some((re) => re.test(url)), url).toBe(true);
      expect(pddAdapter.detect(url)).not.toBeNull();
    }
    expect(pddAdapter.chat?.input).toEqual(['textarea#replyTextarea']);
    expect(pddAdapter.chat?.send).toEqual(['.send-btn']);
  });
});
