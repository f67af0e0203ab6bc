import type { PlatformId } from '../domain/platform';
import type { BaitKind, Category } from './types';

/**
 * Which rule a finding breaks, per platform: the reason shown to the agent (zh-CN, names the rule) and
 * the source key of `platform-rules.md`. Where the reference has no rule text for a platform the reason
 * says so and cites the nearest rule we do have (another platform's clause or the law) — never a clause
 * we invented.
 */
export interface RuleText {
  ref: string;
  reason: string;
}

export const PLATFORM_NAME: Readonly<Record<PlatformId, string>> = {
  pdd: '拼多多',
  taobao: '淘宝/天猫',
  douyin: '抖音',
  kuaishou: '快手',
  jd: '京东',
};

const AD_LAW: RuleText = { ref: 'X1', reason: '《广告法》第九条：不得使用"最佳""第一""国家级"等绝对化用语；聊天中使用易被投诉、被质检扣分' };

const PDD: Record<Category, RuleText> = {
  contact_off_platform: { ref: 'PD1', reason: '拼多多客服管理规则2.2：不得通过客服工具发布第三方联系方式' },
  link_off_platform: { ref: 'PD1', reason: '拼多多客服管理规则2.2：不得发布非拼多多购物链接或未经许可的第三方链接' },
  payment_off_platform: { ref: 'PD1', reason: '拼多多客服管理规则2.2：不得发布银行账号、支付账号，不得诱导站外交易' },
  qr_code: { ref: 'PD1', reason: '拼多多客服管理规则2.2：不得通过客服工具发布二维码' },
  address_offline: { ref: 'PD1', reason: '拼多多客服管理规则2.2：不得发布实体店地址、引导线下交易' },
  review_inducement: { ref: 'PD22', reason: '拼多多诱导非官方交易规则：不得以好评返现等利益诱导评价' },
  impersonation: { ref: 'PD1', reason: '拼多多客服管理规则2.7：不得冒充拼多多平台或平台工作人员' },
  abuse: { ref: 'PD1', reason: '拼多多客服管理规则2.3：不得使用人身攻击、侮辱性用语，2.6：不得发送威胁、恐吓内容' },
  counterfeit: { ref: 'KS1', reason: '暗示售假：拼多多客服规则未单列此条（参考资料未收录）；快手客服规则2.8明文禁止"高仿""精仿""非正品"等表述，售假为各平台严重违规' },
  absolute_claim: AD_LAW,
  disparage_platform: { ref: 'PD1', reason: '拼多多客服管理规则2.6：不得诋毁拼多多平台或其他商家、商品的形象' },
  prohibited_content: { ref: 'PD1', reason: '拼多多客服管理规则2.6：不得发送色情、暴力、传销等违法内容' },
  tone: { ref: 'P1', reason: '客服用语规范（质检）：称呼用"您/亲"，避免命令、反问和冷淡的语气' },
};

const TAOBAO: Record<Category, RuleText> = {
  contact_off_platform: { ref: 'TB20', reason: '淘宝客服规范：不得在聊天中留微信、QQ、手机号等站外联系方式' },
  link_off_platform: { ref: 'TB20', reason: '淘宝客服规范：不得发送站外链接或提及、引导到其他平台' },
  payment_off_platform: { ref: 'TB20', reason: '淘宝客服规范：不得发送银行卡号、引导线下付款或站外交易' },
  qr_code: { ref: 'TB20', reason: '淘宝客服规范：不得发送二维码、引导扫码' },
  address_offline: { ref: 'TB25', reason: '天猫客服禁语：不得引导到其他店铺或线下交易' },
  review_inducement: { ref: 'TB20', reason: '淘宝客服规范：不得使用好评返现、刷单等诱导评价的话术' },
  impersonation: { ref: 'PD1', reason: '冒充平台：淘宝规则原文参考资料未收录；拼多多2.7、快手2.9均禁止冒充平台或小二，易被判扰乱平台秩序' },
  abuse: { ref: 'TB22', reason: '淘宝恶意骚扰规则（实施细则第65条）：不得辱骂、诅咒、威胁买家' },
  counterfeit: { ref: 'KS1', reason: '暗示售假：淘宝客服规则原文参考资料未收录；快手客服规则2.8明文禁止"高仿""精仿"等表述，售假为严重违规' },
  absolute_claim: { ref: 'TB20', reason: '淘宝客服规范：不得使用"最""第一""顶级""100%"等绝对化用语（《广告法》第九条）' },
  disparage_platform: { ref: 'JD12', reason: '诋毁平台：淘宝规则原文参考资料未收录；拼多多2.6、快手2.7、京东咚咚规则均禁止诋毁平台或其他商家' },
  prohibited_content: { ref: 'TB22', reason: '淘宝规则：不得发送色情、赌博、传销等违法内容（参考资料未收录单列条款）' },
  tone: { ref: 'TB25', reason: '天猫客服禁语：不得用命令、反问、冷淡的语气对待买家' },
};

const DOUYIN: Record<Category, RuleText> = {
  contact_off_platform: { ref: 'DY15', reason: '抖店飞鸽客服规范：不得发送微信、QQ、手机号等第三方联系方式' },
  link_off_platform: { ref: 'DY15', reason: '抖店飞鸽客服规范：不得发送第三方平台链接' },
  payment_off_platform: { ref: 'DY15', reason: '抖店飞鸽客服规范：不得发送银行卡号、支付账号，不得引导站外交易' },
  qr_code: { ref: 'DY15', reason: '抖店飞鸽客服规范：不得发送任何二维码（收款码、微信码），一次即警告' },
  address_offline: { ref: 'DY15', reason: '抖店飞鸽客服规范：不得发送联系方式或引导线下交易' },
  review_inducement: { ref: 'DY15', reason: '抖店飞鸽客服规范：不得以返现、红包索要五星好评' },
  impersonation: { ref: 'DY17', reason: '冒充平台：抖音规则原文参考资料未收录（《抖音电商违规行为管理规则》，弱来源）；拼多多2.7、快手2.9均禁止冒充平台' },
  abuse: { ref: 'DY15', reason: '抖店飞鸽客服规范：不得对买家使用侮辱、低俗、暴力语言，违者扣违规积分' },
  counterfeit: { ref: 'KS1', reason: '暗示售假：抖音客服规则原文参考资料未收录；快手客服规则2.8明文禁止"高仿""精仿"等表述，售假为严重违规' },
  absolute_claim: { ref: 'DY15', reason: '抖店飞鸽客服规范：不得使用"第一""顶级""永久""百分百"等极限词（《广告法》第九条）' },
  disparage_platform: { ref: 'JD12', reason: '诋毁平台：抖音规则原文参考资料未收录；拼多多2.6、快手2.7、京东咚咚规则均禁止诋毁平台或其他商家' },
  prohibited_content: { ref: 'DY15', reason: '抖店飞鸽客服规范：不得发送色情、暴力等违规内容' },
  tone: { ref: 'P1', reason: '客服用语规范（质检）：称呼用"您/亲"，避免命令、反问和冷淡的语气' },
};

const KUAISHOU: Record<Category, RuleText> = {
  contact_off_platform: { ref: 'KS1', reason: '快手小店客服管理规则2.3：不得通过客服工具发布第三方信息（联系方式、账号）' },
  link_off_platform: { ref: 'KS1', reason: '快手小店客服管理规则2.3：不得发布非快手小店购物链接或未经许可的第三方链接' },
  payment_off_platform: { ref: 'KS1', reason: '快手小店客服管理规则2.3：不得发布银行账号、支付账号，不得引导站外交易' },
  qr_code: { ref: 'KS1', reason: '快手小店客服管理规则2.3：不得通过客服工具发布二维码' },
  address_offline: { ref: 'KS1', reason: '快手小店客服管理规则2.3：不得发布实体店地址' },
  review_inducement: { ref: 'DY15', reason: '诱导好评：快手规则原文参考资料未收录；抖店（DY15）、拼多多（PD22）均禁止以返现、红包诱导好评' },
  impersonation: { ref: 'KS1', reason: '快手小店客服管理规则2.9：不得冒充快手小店平台或平台工作人员' },
  abuse: { ref: 'KS1', reason: '快手小店客服管理规则2.4：不得使用人身攻击、侮辱性用语，2.7：不得发送威胁、恐吓内容' },
  counterfeit: { ref: 'KS1', reason: '快手小店客服管理规则2.8：不得使用"高仿""精仿""非正品""复印版""扫描版"等暗示假货的表述' },
  absolute_claim: AD_LAW,
  disparage_platform: { ref: 'KS1', reason: '快手小店客服管理规则2.7：不得诋毁快手小店或其他商户、商品的形象' },
  prohibited_content: { ref: 'KS1', reason: '快手小店客服管理规则2.7：不得发送色情、暴力、传销等违法内容' },
  tone: { ref: 'P1', reason: '客服用语规范（质检）：称呼用"您/亲"，避免命令、反问和冷淡的语气' },
};

const JD: Record<Category, RuleText> = {
  contact_off_platform: { ref: 'JD11', reason: '京东发布第三方信息规则：不得通过咚咚发布手机号、微信等联系方式（严重者扣6分、延迟结算）' },
  link_off_platform: { ref: 'JD11', reason: '京东发布第三方信息规则：不得发布非京东链接，引导站外交易属特别严重违规' },
  payment_off_platform: { ref: 'JD11', reason: '京东发布第三方信息规则：不得发布银行或第三方支付账号，赔付须走官方直赔' },
  qr_code: { ref: 'JD11', reason: '京东发布第三方信息规则：不得发送二维码，赔付须走官方直赔' },
  address_offline: { ref: 'JD11', reason: '京东发布第三方信息规则：不得发布实体店地址、引导线下交易' },
  review_inducement: { ref: 'DY15', reason: '诱导好评：京东规则原文参考资料未收录；抖店（DY15）、拼多多（PD22）均禁止以返现、红包诱导好评' },
  impersonation: { ref: 'KS1', reason: '冒充平台：京东规则原文参考资料未收录；快手2.9、拼多多2.7均禁止冒充平台或工作人员' },
  abuse: { ref: 'JD12', reason: '京东咚咚使用规则：不得诽谤、骚扰、辱骂他人，不得发送威胁内容' },
  counterfeit: { ref: 'KS1', reason: '暗示售假：京东客服规则原文参考资料未收录；快手客服规则2.8明文禁止"高仿""精仿"等表述，售假为严重违规' },
  absolute_claim: AD_LAW,
  disparage_platform: { ref: 'JD12', reason: '京东咚咚使用规则：不得诋毁京东或其他商家' },
  prohibited_content: { ref: 'JD12', reason: '京东咚咚使用规则：不得发送反动、色情、传销等违法内容' },
  tone: { ref: 'P1', reason: '客服用语规范（质检）：称呼用"您/亲"，避免命令、反问和冷淡的语气' },
};

export const CATEGORY_RULES: Readonly<Record<PlatformId, Readonly<Record<Category, RuleText>>>> = { pdd: PDD, taobao: TAOBAO, douyin: DOUYIN, kuaishou: KUAISHOU, jd: JD };

/** Rules a lexicon entry may name instead of its category's default (phrasing guidelines, §7). */
export const NAMED_RULES: Readonly<Record<string, RuleText>> = {
  P1: { ref: 'P1', reason: '客服用语规范P1：称呼用"您/亲"，不要用命令语气' },
  P2: { ref: 'P2', reason: '客服用语规范P2：不要质问、责怪或反问买家' },
  P3: { ref: 'P3', reason: '客服用语规范P3：不要用敷衍、冷淡或对抗的话术' },
  P4: { ref: 'P4', reason: '客服用语规范P4：不要过度承诺' },
  P5: { ref: 'P5', reason: '客服用语规范P5：不要让买家"随便去投诉"或在未解决时结束对话' },
  X1: AD_LAW,
};

/** Default compliant rewrite per category; `{平台}` is replaced by the platform's name. */
const REWRITES: Readonly<Record<Category, string>> = {
  contact_off_platform: '有任何问题您直接在{平台}聊天窗口找我就可以，我一直都在哦~',
  link_off_platform: '您在{平台}里搜索本店或商品名称就能找到，我也可以直接给您发商品卡片哦~',
  payment_off_platform: '为了保障您的资金安全，付款和退款都请通过{平台}完成哦~',
  qr_code: '为了保障您的账户安全，我们不发送二维码，您有需要直接在这里跟我说就可以~',
  address_offline: '目前我们只支持在{平台}线上下单，售后也都在平台处理，更有保障哦~',
  review_inducement: '如果您对商品满意，欢迎按真实体验评价；有任何问题请随时联系我处理~',
  impersonation: '我是本店客服，平台相关问题您可以通过{平台}官方客服入口咨询哦~',
  abuse: '非常抱歉给您带来不好的体验，我们一定尽力帮您解决~',
  counterfeit: '商品信息请以详情页描述为准，我们保证所售商品与描述一致~',
  absolute_claim: '这款商品品质很不错，很多买家反馈都挺好的~',
  disparage_platform: '关于平台规则的问题，我们会积极配合处理，请您放心~',
  prohibited_content: '抱歉，这个话题我们无法回应，请问商品方面还有什么可以帮您？',
  tone: '亲，我再为您详细说明一下~',
};

export function ruleFor(platform: PlatformId, category: Category, named?: string): RuleText {
  if (named) {
    const rule = NAMED_RULES[named];
    if (rule) return platform === 'taobao' && category === 'tone' ? { ref: 'TB25', reason: `${CATEGORY_RULES.taobao.tone.reason}（${rule.reason}）` } : rule;
  }
  return CATEGORY_RULES[platform][category];
}

export function defaultRewrite(platform: PlatformId, category: Category): string {
  return REWRITES[category].replaceAll('{平台}', PLATFORM_NAME[platform]);
}

/** Buyer bait: why it is bait, and a reply that stays inside the rules. */
const BAIT_TEXT: Readonly<Record<BaitKind, { reason: string; safeReply: string }>> = {
  contact_request: {
    reason: '买家在要或给站外联系方式（微信/QQ/电话）；回复或添加即违反{平台}第三方信息规则',
    safeReply: '亲，为了保障您的交易安全，平台不允许添加站外联系方式哦，您有任何问题直接在这里跟我说，我会一直为您服务的~',
  },
  off_platform_payment: {
    reason: '买家提出站外付款、转账或私下交易；接受即属诱导站外交易',
    safeReply: '亲，为了保障您的资金安全，付款和退款都需要通过{平台}完成，不支持私下转账哦，您直接在平台下单就可以~',
  },
  platform_impersonation: {
    reason: '对方自称平台、官方或小二；平台通知只会出现在商家后台，按其要求加好友、转账或操作多为诈骗',
    safeReply: '您好，本店只以{平台}商家后台的官方通知为准，请通过官方渠道核实；我们不会添加站外联系方式或进行站外操作。',
  },
  extortion: {
    reason: '买家以差评、投诉相要挟索要利益；私下给钱或以好评换补偿都会违规，应走平台售后',
    safeReply: '非常理解您的心情，我们会按照{平台}规则认真为您处理，所有补偿都只能通过平台售后完成；如果对处理结果有疑问，您也可以申请平台介入。',
  },
};

export function baitText(platform: PlatformId, kind: BaitKind): { reason: string; safeReply: string } {
  const text = BAIT_TEXT[kind];
  const name = PLATFORM_NAME[platform];
  return { reason: text.reason.replaceAll('{平台}', name), safeReply: text.safeReply.replaceAll('{平台}', name) };
}
