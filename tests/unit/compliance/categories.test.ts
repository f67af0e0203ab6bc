// Every category: positives (with the exact original span) and traps that must not fire.
import { describe, expect, it } from 'vitest';
import { CATEGORIES, checkMessage, SEVERITY, type Category } from '@/lib/compliance';
import type { PlatformId } from '@/lib/domain/platform';
import { slices } from './helpers';

type Case = [text: string, expected: string[], platform?: PlatformId];

const POSITIVE: Record<Category, Case[]> = {
  contact_off_platform: [
    ['亲，加我V信 abc_123 给您优惠', ['加我V信 abc_123']],
    ['有事联系 13800138000', ['13800138000']],
    ['我的邮箱是 kefu.shop@163.com 哦', ['kefu.shop@163.com']],
    ['方便的话加个企业微信吧', ['加个企业微信']],
    ['QQ群号 12345678 欢迎加入', ['QQ群号 12345678']],
    ['座机 0755-12345678', ['0755-12345678']],
    ['手机号就是微信同号哦', ['微信同号']],
    ['客服热线 400-882-2528', ['400-882-2528']],
  ],
  link_off_platform: [
    ['您去淘宝搜"某某旗舰店"', ['去淘宝搜']],
    ['https://item.taobao.com/item.htm?id=1 这个链接', ['https://item.taobao.com/item.htm?id=1']],
    ['复制口令 ￥AbCd123￥ 打开', ['￥AbCd123￥']],
    ['官网 www . xyz-shop . com 看看', ['www . xyz-shop . com']],
    ['我们在京东也有店', ['京东也有店']],
    ['关注我们的公众号领券', ['关注我们的公众号']],
    ['我们在京东也有店', ['京东也有店'], 'taobao'],
  ],
  payment_off_platform: [
    ['支付宝转账给我就行', ['支付宝转账给我']],
    ['私下交易更便宜', ['私下交易']],
    ['拍下后微信补差价', ['微信补差价']],
    ['直接打到我卡上', ['打到我卡上']],
    ['卡号 4111 1111 1111 1111 户名张三', ['4111 1111 1111 1111'], 'jd'],
    ['V我50', ['V我']],
  ],
  qr_code: [
    ['扫码加好友', ['扫码']],
    ['二维码发您了', ['二维码']],
    ['长按识别下图', ['长按识别']],
    ['這是收款碼', ['收款碼'], 'douyin'],
  ],
  address_offline: [
    ['可以来我们实体店看看', ['可以来我们实体店']],
    ['支持到店自提', ['到店自提']],
    ['欢迎来我们工厂参观', ['来我们工厂']],
    ['门店地址在中山路88号', ['门店地址']],
  ],
  review_inducement: [
    ['好评返现5元', ['好评返现']],
    ['晒图返现哦', ['晒图返现']],
    ['五星好评截图找客服领红包', ['五星好评截图找客服领红包']],
    ['麻烦把差评删掉，给您补偿10元', ['差评删掉，给您补偿']],
    ['给您返5元，麻烦改成好评', ['返5元，麻烦改成好评']],
  ],
  impersonation: [
    ['我是拼多多官方客服', ['我是拼多多官方客服']],
    ['这边是平台工作人员', ['这边是平台工作人员']],
    ['平台小二为您服务', ['平台小二为您服务']],
    ['我是快手官方小二', ['我是快手官方小二'], 'kuaishou'],
  ],
  abuse: [
    ['你个傻逼', ['傻逼']],
    ['你是不是脑残', ['脑残']],
    ['再闹弄死你', ['弄死你']],
    ['SB一个', ['SB']],
  ],
  counterfeit: [
    ['这款是高仿的', ['高仿']],
    ['精仿 A货都有', ['精仿', 'A货']],
    ['这是原单货', ['原单']],
    ['複刻版', ['複刻']],
    ['扫描版说明书', ['扫描版'], 'kuaishou'],
  ],
  absolute_claim: [
    ['全网最低价', ['全网最低价']],
    ['销量第一的产品', ['销量第一']],
    ['顶级面料', ['顶级']],
    ['100%有效', ['100%']],
    ['ＮＯ．１的品质', ['ＮＯ．１']],
    ['这是最好的面料', ['最好的']],
    ['这款最好用', ['最好用']],
  ],
  disparage_platform: [
    ['平台垃圾', ['平台垃圾']],
    ['拼多多坑人', ['拼多多坑人']],
    ['别家都是假货', ['别家都是假货']],
  ],
  prohibited_content: [
    ['来玩网赌', ['网赌']],
    ['拉人头赚钱', ['拉人头']],
    ['出售冰毒', ['冰毒']],
  ],
  tone: [
    ['你看不懂吗', ['你看不懂吗']],
    ['你自己不会看吗？', ['你自己不会看吗']],
    ['你必须今天寄回', ['你必须']],
    ['没有。', ['没有。']],
    ['不行', ['不行']],
    ['赶紧给我付款', ['赶紧给我']],
  ],
};

const TRAPS: Record<Category, Case[]> = {
  contact_off_platform: [
    ['加我们店铺收藏，关注不迷路', []],
    ['我们支持微信支付', []],
    ['您的订单号 260909-672850297221479 已发货', []],
    ['快递单号 13800138000 请查收', []],
    ['要树立威信', []],
    ['加入购物车就可以', []],
    ['我们会电话联系您确认地址', []],
    ['客服热线 400-882-2528', [], 'jd'],
  ],
  link_off_platform: [
    ['https://mobile.yangkeduo.com/goods.html?goods_id=1', []],
    ['重量1.5kg', []],
    ['版本v2.3.1', []],
    ['我们发京东快递', []],
    ['您在拼多多搜索店铺名就能找到', []],
    ['淘宝搜一下店铺名', [], 'taobao'],
    ['价格¥199，券后¥99', []],
  ],
  payment_off_platform: [
    ['您可以用支付宝付款哦', []],
    ['拍下补差价链接就行', []],
    ['退款会原路退到您的支付宝', []],
    ['订单号 4111111111111111', []],
    ['4111 1111 1111 1112', []],
  ],
  qr_code: [
    ['扫描包装上的防伪码验证真伪', []],
    ['扫码枪坏了', []],
  ],
  address_offline: [
    ['请寄回我们的仓库，退货地址在后台', []],
    ['我来问问仓库', []],
    ['您退回的包裹到仓库后我们会处理', []],
  ],
  review_inducement: [
    ['感谢您的好评', []],
    ['评价后返回首页查看', []],
    ['欢迎您根据真实体验评价', []],
  ],
  impersonation: [
    ['可以申请平台小二介入', []],
    ['我们是官方旗舰店客服', []],
    ['您可以联系拼多多官方客服', []],
  ],
  abuse: [
    ['滚筒洗衣机', []],
    ['垃圾袋送您', []],
    ['usb接口', []],
    ['妈妈的生日礼物', []],
  ],
  counterfeit: [
    ['高仿真恐龙模型', []],
    ['原单号发您', []],
    ['我们不是假货，假一赔十', []],
  ],
  absolute_claim: [
    ['第一次购买', []],
    ['最好是拍个照片', []],
    ['最近比较忙，最晚明天发货', []],
    ['100%纯棉', []],
    ['第一件半价', []],
    ['您最好先确认尺码', []],
    ['衣服最好手洗', []],
    ['最好的办法是申请退款', []],
  ],
  disparage_platform: [
    ['平台会过滤垃圾广告', []],
    ['平台规则要求7天无理由', []],
  ],
  prohibited_content: [
    ['大麻绳很结实', []],
    ['色彩很正', []],
  ],
  tone: [
    ['没有问题的', []],
    ['不行的话我帮您换一个', []],
    ['我们会赶紧为您处理', []],
    ['您必须在7天内寄回', []],
    ['嗯嗯好的', []],
  ],
};

describe.each(CATEGORIES)('%s', (category) => {
  it.each(POSITIVE[category])('finds %s', (text, expected, platform = 'pdd') => {
    expect(slices(text, category, platform)).toEqual(expected);
  });
  it.each(TRAPS[category])('leaves %s alone', (text, expected, platform = 'pdd') => {
    expect(slices(text, category, platform)).toEqual(expected);
  });
  it(`has severity ${SEVERITY[category]} and a reason naming a rule`, () => {
    const [text, , platform = 'pdd'] = POSITIVE[category][0]!;
    const finding = checkMessage(text, { platform }).find((f) => f.category === category)!;
    expect(finding.severity).toBe(category === 'absolute_claim' || category === 'tone' ? 'warn' : 'block');
    expect(finding.reason).toMatch(/[\u4e00-\u9fff]/);
    expect(finding.rewrite).toMatch(/[\u4e00-\u9fff]/);
    expect(finding.ruleRef).toMatch(/^[A-Z]+\d+$/);
  });
});

describe('findings', () => {
  it('name the platform rule: PDD 2.2 for contact, Kuaishou 2.8 for counterfeit, JD11, DY15, TB20', () => {
    const [contact] = checkMessage('加我微信 abc123', { platform: 'pdd' });
    expect(contact).toMatchObject({ ruleRef: 'PD1', reason: '拼多多客服管理规则2.2：不得通过客服工具发布第三方联系方式' });
    expect(checkMessage('高仿', { platform: 'kuaishou' })[0]).toMatchObject({ ruleRef: 'KS1', reason: expect.stringContaining('2.8') });
    expect(checkMessage('13800138000', { platform: 'jd' })[0]!.ruleRef).toBe('JD11');
    expect(checkMessage('二维码', { platform: 'douyin' })[0]!.ruleRef).toBe('DY15');
    expect(checkMessage('全网最低价', { platform: 'taobao' })[0]!.ruleRef).toBe('TB20');
    expect(checkMessage('你看不懂吗', { platform: 'pdd' })[0]!.ruleRef).toBe('P2');
  });

  it('carry a rewrite: the term\'s own for its exact span, else one for the sentence', () => {
    expect(checkMessage('这是最好的面料', { platform: 'pdd' })[0]!.rewrite).toBe('很好的');
    expect(checkMessage('你必须今天寄回', { platform: 'pdd' })[0]!.rewrite).toBe('麻烦您');
    expect(checkMessage('加我微信 abc123', { platform: 'pdd' })[0]!.rewrite).toContain('拼多多');
    expect(checkMessage('加我微信 abc123', { platform: 'kuaishou' })[0]!.rewrite).toContain('快手');
  });

  it('are sorted by start, and overlapping findings of one category are merged into one', () => {
    const text = '全网最低价，加我微信 abc123，或者打 13800138000，扫码也行';
    const findings = checkMessage(text, { platform: 'pdd' });
    expect(findings.map((f) => [f.category, text.slice(f.start, f.end)])).toEqual([
      ['absolute_claim', '全网最低价'],
      ['contact_off_platform', '加我微信 abc123'],
      ['contact_off_platform', '13800138000'],
      ['qr_code', '扫码'],
    ]);
    for (let i = 1; i < findings.length; i++) expect(findings[i]!.start).toBeGreaterThanOrEqual(findings[i - 1]!.start);
    // "微信 13800138000": the id after the channel and the phone number are one finding.
    expect(slices('微信 13800138000', 'contact_off_platform')).toEqual(['微信 13800138000']);
  });

  it('a negation cancels a phrase right after it, never an actual id or number', () => {
    expect(slices('亲，平台不允许加微信哦', 'contact_off_platform')).toEqual([]);
    expect(slices('我们不卖高仿', 'counterfeit')).toEqual([]);
    expect(slices('不能加微信，我的微信是 abc123', 'contact_off_platform')).toEqual(['微信是 abc123']);
    expect(slices('不要打 13800138000', 'contact_off_platform')).toEqual(['13800138000']);
  });

  it('different categories may overlap', () => {
    expect(checkMessage('扫码加微信abc123', { platform: 'pdd' }).map((f) => f.category)).toEqual(['qr_code', 'contact_off_platform']);
  });

  it('an empty or harmless draft has no findings', () => {
    expect(checkMessage('', { platform: 'pdd' })).toEqual([]);
    expect(checkMessage('亲，您好，有什么可以帮您的吗？', { platform: 'pdd' })).toEqual([]);
  });
});
