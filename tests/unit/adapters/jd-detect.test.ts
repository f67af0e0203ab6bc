import { describe, expect, it } from 'vitest';
import { detectJdPage, jdAdapter, JD_EXAMPLES } from '@/lib/adapters/jd';
import { PDD_EXAMPLES } from '@/lib/adapters/pinduoduo';

describe('detectJdPage', () => {
  it.each(Object.entries(JD_EXAMPLES).flatMap(([kind, urls]) => urls.map((url) => [kind, url])))(
    'recognises the %s page %s',
    (kind, url) => expect(detectJdPage(url)).toBe(kind),
  );

  it.each([
    // JD pages this adapter does not read
    'https://shop.jd.com/jdm/kefu/kf-manage-lite',
    'https://dongdong.jd.com/workbench/checkin.json?version=2.6.3&client=openweb',
    'https://shop.jd.com/jdm/trade/after-sale/trade-dispute/list',
    'https://shop.jd.com/jdm/trade/orders/order-details?orderId=3599471007575277',
    'https://shop.jd.com/jdm/trade/after-sale/independent-after-sale/listing',
    'https://shop.jd.com/jdm/home',
    // wrong scheme or host
    'http://dongdong.jd.com/',
    'http://shop.jd.com/jdm/trade/after-sale/independent-after-sale/list?tabCode=all',
    'https://dongdong.jd.com.evil.example/',
    'https://evil.example/jdm/trade/after-sale/independent-after-sale/detail?afsServiceId=4048292768',
    'https://sff.jd.com/jdm/trade/after-sale/independent-after-sale/list',
    'https://jd.com/',
    // other platforms
    'https://im.jinritemai.com/pc_seller_v2/main/workspace',
    'https://fxg.jinritemai.com/ffa/maftersale/aftersale/detail-v3?aftersale_id=1',
    'https://im.kwaixiaodian.com/workbench',
    'https://s.kwaixiaodian.com/zone/refund/detail?refundId=1',
    'https://qn.taobao.com/home.htm/app-customer-service/toolpage/Message',
    'https://refund2.taobao.com/dispute/sellerDisputeList.htm?type=1&showFrame=false',
    ...Object.values(PDD_EXAMPLES).flat(),
    '',
  ])('rejects %s', (url) => expect(detectJdPage(url)).toBeNull());
});

describe('jdAdapter', () => {
  it('matches every example URL with its manifest patterns and lists an example per page kind it reads', () => {
    expect(jdAdapter.id).toBe('jd');
    expect(Object.keys(jdAdapter.examples).sort()).toEqual(['aftersale-detail', 'aftersale-list', 'chat']);
    const patterns = jdAdapter.matches.map((p) => new RegExp(`^${p.replace(/[.?+^$()[\]{}|\\]/g, '\\$&').replace(/\*/g, '.*')}$`));
    for (const url of Object.values(jdAdapter.examples).flat()) {
      expect(patterns.some((re) => re.test(url)), url).toBe(true);
      expect(jdAdapter.detect(url)).not.toBeNull();
    }
    expect(jdAdapter.chat?.virtualized).toBe(true);
    expect(jdAdapter.chat?.input[0]).toBe('.EditorContent[contenteditable=true]');
  });
});
