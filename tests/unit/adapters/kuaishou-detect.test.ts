import { describe, expect, it } from 'vitest';
import { detectKuaishouPage, KUAISHOU_EXAMPLES, KUAISHOU_MATCHES, kuaishouAdapter } from '@/lib/adapters/kuaishou';
import { douyinAdapter } from '@/lib/adapters/douyin';
import { jdAdapter } from '@/lib/adapters/jd';
import { detectPddPage, pddAdapter } from '@/lib/adapters/pinduoduo';
import { detectTaobaoPage, TAOBAO_EXAMPLES, taobaoAdapter } from '@/lib/adapters/taobao';

const examples = Object.entries(KUAISHOU_EXAMPLES).flatMap(([kind, urls]) => urls.map((url) => [kind, url] as const));

/** Pages of other consoles (consoles-dom.md §1.1, §2.1, §4, §5.1): never ours. */
const FOREIGN = [
  'https://mms.pinduoduo.com/chat-merchant/index.html#/',
  'https://mms.pinduoduo.com/aftersales/aftersale_list',
  'https://fxg.jinritemai.com/ffa/mshop/homepage/index',
  'https://im.jinritemai.com/pc_seller_v2/main/workspace',
  'https://fxg.jinritemai.com/ffa/maftersale/aftersale/list',
  'https://dongdong.jd.com/',
  'https://shop.jd.com/jdm/kefu/kf-manage-lite',
  ...Object.values(TAOBAO_EXAMPLES).flat(),
];

describe('detectKuaishouPage', () => {
  it.each(examples)('recognises %s page %s', (kind, url) => expect(detectKuaishouPage(url)).toBe(kind));

  it.each([
    'http://im.kwaixiaodian.com/workbench',
    'https://im.kwaixiaodian.com.evil.example/workbench',
    'https://evil-im.kwaixiaodian.com/workbench',
    'https://im.kwaixiaodian.com/',
    'https://im.kwaixiaodian.com/workbenchx',
    'https://s.kwaixiaodian.com/zone/home',
    'https://s.kwaixiaodian.com/zone/order/list',
    'https://s.kwaixiaodian.com/zone/refund/detailx',
    'https://login.kwaixiaodian.com/?redirect_url=https%3A%2F%2Fim.kwaixiaodian.com%2Fworkbench',
    'not a url',
    ...FOREIGN,
  ])('rejects %s', (url) => expect(detectKuaishouPage(url)).toBeNull());

  it('rejects every other adapter\'s examples, and they reject ours', () => {
    const others = [pddAdapter, douyinAdapter, jdAdapter, taobaoAdapter];
    for (const other of others) {
      for (const url of Object.values(other.examples).flat()) expect(kuaishouAdapter.detect(url), `${other.id}: ${url}`).toBeNull();
      for (const [, url] of examples) expect(other.detect(url), `${other.id} claims ${url}`).toBeNull();
    }
  });

  it('is not claimed by the other detectors', () => {
    for (const [, url] of examples) {
      expect(detectPddPage(url), url).toBeNull();
      expect(detectTaobaoPage(url), url).toBeNull();
    }
  });

  it('declares parseable https match patterns covering every example', () => {
    for (const pattern of KUAISHOU_MATCHES) expect(pattern).toMatch(/^https:\/\/[a-z.]+\.kwaixiaodian\.com\/\S*\*$/);
    const covers = (url: string) =>
      KUAISHOU_MATCHES.some((p) => new RegExp(`^${p.replace(/[.?+^$|()[\]{}\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(url));
    for (const [, url] of examples) expect(covers(url), url).toBe(true);
  });

  it('wires the adapter record', () => {
    expect(kuaishouAdapter).toMatchObject({ id: 'kuaishou', label: { zh_CN: '快手小店', en: 'Kuaishou Shop' } });
    expect(kuaishouAdapter.detect('https://im.kwaixiaodian.com/workbench')).toBe('chat');
    expect(kuaishouAdapter.chat).toMatchObject({ input: ['div.ql-editor'], send: ['button.ant-btn.ant-btn-primary'], virtualized: true });
    expect(kuaishouAdapter.chatUnavailable).toBeUndefined();
  });
});
