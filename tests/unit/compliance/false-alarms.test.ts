// Things agents write all day that a naive keyword or digit check flags. None may produce a finding.
import { describe, expect, it } from 'vitest';
import { checkMessage } from '@/lib/compliance';
import type { PlatformId } from '@/lib/domain/platform';

const CLEAN: [string, string, PlatformId?][] = [
  ['PDD orderSn', '您的订单 260909-672850297221479 已发货'],
  ['orderSn without a context word', '260909-672850297221479'],
  ['19-digit order id after 订单号', '订单号：3588123456789012345，请核对'],
  ['19-digit order id after 单号', '单号 6912345678901234567'],
  ['order id after the number', '6912345678901234567这个订单已退款'],
  ['18-digit Luhn-valid order id after 订单', '订单 411111111111111111'],
  ['SF tracking number', '顺丰单号 SF1234567890123'],
  ['YT and JT tracking numbers', 'YT1234567890123 圆通，JT0001234567890 极兔'],
  ['tracking number after 运单号', '运单号 773123456789012'],
  ['11-digit tracking id after 快递单号', '快递单号 13800138000'],
  ['11-digit order id after 订单号', '订单号 13912345678'],
  ['SKU / 货号', '货号：AB-2024-001，SKU 1380013800，款号 13800138000'],
  ['prices', '价格 ¥1,299.00，券后￥1299，到手价 $19.99'],
  ['weights and sizes', '净重500g，1.5kg，尺码 36 37 38 39 40'],
  ['dates and times', '2026-11-23 14:30 发货，11/23 10:00 前，2026年11月23日，08:00-23:00'],
  ['第一 / 最 as ordinals and adverbs', '第一次购买，第一件半价，最近比较忙，最晚明天发货，最快后天到'],
  ['最好 as "preferably"', '最好是先拍照，您最好先确认尺码，最好能提供视频，衣服最好手洗'],
  ['refusing to add a contact', '亲，平台不允许加微信哦，不能给您留QQ，也不支持私下交易，有问题直接在这里说'],
  ['denying fakes', '我们家不卖高仿和A货，假一赔十'],
  ['高仿真 (a realistic toy)', '这款高仿真恐龙模型很受小朋友喜欢'],
  ['加我们店铺收藏', '喜欢的话加我们店铺收藏，关注不迷路'],
  ["the platform's own link", '链接 https://mobile.yangkeduo.com/goods.html?goods_id=123 您看下'],
  ['naming the platform itself', '您可以在拼多多搜索店铺名就能找到'],
  ['a courier that shares a platform name', '我们发京东快递，次日达'],
  ['paying through the platform', '您可以用支付宝付款，也支持微信支付'],
  ['return address through the platform', '请寄回我们的仓库，退货地址在售后页面'],
  ['apologies and polite instructions', '亲，非常抱歉给您带来不便，麻烦您拍一下照片，我们第一时间为您处理'],
  ['platform staff named, not impersonated', '如果协商不了，可以申请平台小二介入'],
  ['a phone number the platform masks', '收件人手机 138****8000'],
  ['version numbers and decimals', 'iOS 17.2 版本，折扣 8.5 折'],
  ['short numbers after 加', '运费加 10 元'],
];

describe('no false alarms', () => {
  it.each(CLEAN)('%s', (_, text, platform = 'pdd') => {
    expect(checkMessage(text, { platform }).map((f) => `${f.category}: ${text.slice(f.start, f.end)}`)).toEqual([]);
  });

  it('each platform may link to itself', () => {
    const own: [PlatformId, string][] = [
      ['pdd', 'https://mobile.yangkeduo.com/goods.html?id=1 和 pinduoduo.com'],
      ['taobao', 'https://item.taobao.com/item.htm?id=1，detail.tmall.com/x，m.tb.cn/h.abc'],
      ['douyin', 'https://haohuo.jinritemai.com/views/product?id=1，v.douyin.com/abc'],
      ['kuaishou', 'https://app.kwaixiaodian.com/x，v.kuaishou.com/abc'],
      ['jd', 'https://item.jd.com/100012043978.html，u.jd.com/abc 3.cn/xyz'],
    ];
    for (const [platform, text] of own) expect(checkMessage(text, { platform }), platform).toEqual([]);
  });
});
