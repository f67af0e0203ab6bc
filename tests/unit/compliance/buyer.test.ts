import { describe, expect, it } from 'vitest';
import { checkBuyerMessage, type BaitKind } from '@/lib/compliance';
import type { PlatformId } from '@/lib/domain/platform';

const baits = (text: string, platform: PlatformId = 'pdd') => checkBuyerMessage(text, { platform }).map((b) => [b.kind, text.slice(b.start, b.end)]);

const CASES: [BaitKind, string, string][] = [
  ['contact_request', '能加个微信吗', '加个微信吗'],
  ['contact_request', '你V信多少', '你V信多少'],
  ['contact_request', '留个电话吧', '留个电话'],
  ['contact_request', '我手机13800138000，打给我', '13800138000'],
  ['contact_request', '加我扣扣 123456789', '加我扣扣 123456789'],
  ['off_platform_payment', '我直接转你支付宝行不行', '直接转你'],
  ['off_platform_payment', '私下交易便宜点', '私下交易'],
  ['off_platform_payment', '退款打我卡上 6222020200001234562', '6222020200001234562'],
  ['platform_impersonation', '我是拼多多平台客服，你的店铺违规了', '我是拼多多平台客服'],
  ['platform_impersonation', '【平台通知】您的保证金不足', '平台通知'],
  ['extortion', '不给我退50我就给差评', '不给我退50我就给差评'],
  ['extortion', '给我返20，不然差评', '不然差评'],
  ['extortion', '不处理就投诉到12315', '不处理就投诉'],
];

describe('checkBuyerMessage', () => {
  it.each(CASES)('%s: %s', (kind, text, span) => {
    expect(baits(text)).toContainEqual([kind, span]);
  });

  it('leaves ordinary buyer messages alone', () => {
    for (const text of ['我要退货', '东西挺好的', '什么时候发货？', '可以用微信支付吗', '差评我已经改成好评了', '这个尺码偏大吗', '平台小二说让我找你们']) {
      expect(baits(text), text).toEqual([]);
    }
  });

  it('suggests a safe reply in Chinese that names the platform', () => {
    const [bait] = checkBuyerMessage('加个微信吧', { platform: 'douyin' });
    expect(bait!.reason).toContain('抖音');
    expect(bait!.safeReply).toMatch(/平台/);
    const [pay] = checkBuyerMessage('私下交易便宜点', { platform: 'jd' });
    expect(pay!.safeReply).toContain('京东');
  });

  it('merges overlapping baits of one kind and sorts by start', () => {
    const text = '加我微信 abc123，不然就差评';
    expect(baits(text)).toEqual([
      ['contact_request', '加我微信 abc123'],
      ['extortion', '不然就差评'],
    ]);
  });
});
