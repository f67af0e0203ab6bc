/**
 * Seeded synthetic data for bench/compliance.bench.ts: shop lexicon terms (Chinese and pinyin),
 * chat messages and a chat history. Everything comes from one seeded PRNG, so every run checks
 * the same text against the same terms.
 */

import { prng as rng } from '../tests/prng';
export type Random = () => number;
const int = (r: Random, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

// ---------------------------------------------------------------- lexicon terms

/** ~300 of the most common characters in shop chat and product text. */
const COMMON = Array.from(
  '的一是了我不人在他有这个上们来到时大地为子中你说生国年着就那和要她出也得里后自以会家可下而过天去能对小多然于心学么之都好看起发当没成' +
    '只如事把还用第样道想作种开美总从无情己面最女但现前些所同日手又行意动方期它头经长儿回位分爱老因很给名法间斯知世什两次使身者被高已亲其进此话常与活' +
    '正感见明问力理尔点文几定本公特做外孩相西果走将月十实向声车全信重三机工物气每并别真打太新比才便夫再书部水像眼等体却加电主界门利海受听表德少克代员' +
    '许先口由死安写性马光白或住难望教命花结乐色更拉东神记处让母父应直字场平报友关放至张认接告入笑内英军候民岁往何度山觉路带万男边风解叫任金快原吃妈变' +
    '通师立象数四失满战远格士音轻目条呢病始达深完今提求清王化空业思切怎非找片罗钱紧吗语元喜曾离飞科言干流欢约各即指合反题必该论交终林请医晚制球决传' +
    '货款单退换码价包邮券购物店铺质量颜尺寸号衣裤鞋袜帽裙服装品牌正版原厂官方旗舰优惠活动折扣秒杀红礼赠送福利返现评价晒图追星差中收到签快递顺丰运费',
);

/** Two-character words that shop terms are made of ("好评" + "返现", "私下" + "转账"). */
const WORDS = [
  '好评', '返现', '红包', '私下', '转账', '加我', '联系', '客服', '微信', '扫码', '二维', '链接', '下单', '付款', '退款', '返利',
  '刷单', '代付', '定金', '优惠', '打折', '包邮', '正品', '原单', '尾单', '大牌', '专柜', '同款', '顶级', '第一', '国家', '唯一',
  '绝对', '永久', '保证', '治疗', '特效', '根治', '减肥', '美白', '祛斑', '丰胸', '壮阳', '彩票', '博彩', '代购', '外网', '内部',
  '渠道', '工厂', '直供', '出厂', '批发', '拿货', '私聊', '小号', '群聊', '好友', '朋友', '圈子', '主页', '店外', '线下', '当面',
];

/** Pinyin syllables, for romanised terms agents type to dodge filters ("fanxian", "jiawx"). */
const SYLLABLES = [
  'jia', 'wei', 'xin', 'hao', 'ping', 'fan', 'xian', 'hong', 'bao', 'si', 'xia', 'zhuan', 'zhang', 'lian', 'xi', 'ke', 'fu',
  'sao', 'ma', 'er', 'lian', 'jie', 'dan', 'tui', 'kuan', 'li', 'shua', 'dai', 'ding', 'jin', 'you', 'hui', 'da', 'zhe', 'zheng',
  'pin', 'yuan', 'pai', 'zhuan', 'gui', 'tong', 'ding', 'ji', 'yi', 'guo', 'jue', 'dui', 'yong', 'jiu', 'zhi', 'liao', 'te', 'xiao',
  'mei', 'bai', 'cai', 'piao', 'bo', 'gou', 'nei', 'bu', 'qu', 'dao', 'gong', 'chang', 'pi', 'fa', 'liao', 'qun', 'peng', 'quan',
];

/** Categories that shops add terms to (all but tone, which is about phrasing rather than words). */
const ADD_CATEGORIES = [
  'contact_off_platform',
  'payment_off_platform',
  'review_inducement',
  'counterfeit',
  'absolute_claim',
  'prohibited_content',
  'abuse',
  'disparage_platform',
  'impersonation',
] as const;
export type AddCategory = (typeof ADD_CATEGORIES)[number];

/** One realistic shop term: mostly 3–6 Chinese characters, some compounds of known words, ~20% pinyin. */
function term(r: Random): string {
  const kind = r();
  if (kind < 0.45) {
    let s = '';
    for (let n = int(r, 3, 6); n > 0; n--) s += pick(r, COMMON);
    return s;
  }
  if (kind < 0.65) return pick(r, WORDS) + pick(r, WORDS) + (r() < 0.3 ? pick(r, COMMON) : '');
  if (kind < 0.8) return pick(r, WORDS) + pick(r, COMMON) + (r() < 0.5 ? pick(r, COMMON) : '');
  if (kind < 0.95) {
    let s = '';
    for (let n = int(r, 2, 4); n > 0; n--) s += pick(r, SYLLABLES);
    return s;
  }
  // Initials plus a character, as in "hp返" / "vx号".
  let s = '';
  for (let n = int(r, 2, 3); n > 0; n--) s += pick(r, SYLLABLES)[0];
  return s + pick(r, COMMON);
}

/**
 * `count` distinct generated terms, spread over the categories, none of whose keys (`key(term)`)
 * is in `taken` (the built-in lexicon's term keys). Returns them in `compileLexicon`'s `add` shape.
 */
export function generateTerms(count: number, seed: number, key: (term: string) => string, taken: ReadonlySet<string>): Partial<Record<AddCategory, string[]>> {
  const r = rng(seed);
  const seen = new Set(taken);
  const add: Partial<Record<AddCategory, string[]>> = {};
  let made = 0;
  while (made < count) {
    const t = term(r);
    const k = key(t);
    if (k.length < 2 || seen.has(k)) continue;
    seen.add(k);
    (add[pick(r, ADD_CATEGORIES)] ??= []).push(t);
    made++;
  }
  return add;
}

// ---------------------------------------------------------------- chat messages

/** What agents and buyers write all day. */
const CLEAN = [
  '亲，您好', '在的亲', '请问有什么可以帮您', '今天下午四点前下单当天发货', '已经给您催促快递了', '麻烦您拍一下照片', '我们第一时间为您处理',
  '好的，谢谢', '请问什么时候发货', '这个尺码偏大吗', '平时穿M码可以吗', '颜色有色差吗', '可以开发票吗', '亲，已经为您备注了', '收到货有问题随时联系我们',
  '非常抱歉给您带来不便', '快递显示已签收', '您看下物流信息', '退货地址在售后页面', '请在订单页面申请退款', '我们会尽快审核', '这款是纯棉的',
  '洗的时候建议手洗', '最近比较忙，最晚明天发货', '第一件半价活动还在', '喜欢的话加我们店铺收藏', '好的呢', '嗯嗯', '明白了', '谢谢亲的支持',
  '宝贝已经补发了', '预计三到五天送达', '偏远地区不包邮哦', '可以改地址的', '麻烦核对一下收货信息', '这个是现货', '库存还有的',
  '亲，稍等，我帮您查一下', '如果协商不了，可以申请平台介入', '您可以用支付宝付款，也支持微信支付', '我们发京东快递，次日达',
];
const PUNCT = ['，', '。', '！', '？', ' ', '～', ''];

/** Order numbers, tracking numbers and prices in the shapes the consoles use. */
function orderNumber(r: Random): string {
  const digits = (n: number) => Array.from({ length: n }, () => int(r, 0, 9)).join('');
  switch (int(r, 0, 4)) {
    case 0:
      return `订单号：${int(r, 1, 9)}${digits(18)}`;
    case 1:
      return `您的订单 2611${int(r, 10, 30)}-${int(r, 1, 9)}${digits(14)} 已发货`;
    case 2:
      return `顺丰单号 SF${digits(13)}`;
    case 3:
      return `运单号 YT${digits(13)}`;
    default:
      return `单号 ${int(r, 1, 9)}${digits(18)}，请核对`;
  }
}

function price(r: Random): string {
  const yuan = int(r, 1, 2999);
  switch (int(r, 0, 3)) {
    case 0:
      return `价格 ¥${yuan.toLocaleString('en-US')}.00`;
    case 1:
      return `券后￥${yuan}`;
    case 2:
      return `到手价 ${yuan} 元`;
    default:
      return `满${yuan}减${int(r, 5, 50)}，运费加 ${int(r, 5, 20)} 元`;
  }
}

/** Violations and evasions (tests/unit/compliance/evasion.test.ts shapes), each with a fresh id or number. */
function violation(r: Random): string {
  const id = `${pick(r, ['abc', 'shop', 'kf', 'wx'])}${pick(r, ['_', '', '-'])}${int(r, 100, 99999)}`;
  const phone = `1${int(r, 3, 9)}${int(r, 0, 9)}${String(int(r, 0, 99999999)).padStart(8, '0')}`;
  switch (int(r, 0, 15)) {
    case 0:
      return `加我V信 ${id}`;
    case 1:
      return `薇 信：${id}`;
    case 2:
      return `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`;
    case 3:
      return '幺三八零零幺三八零零零';
    case 4:
      return `vx: ${id}`;
    case 5:
      return `QQ：扣扣 ${int(r, 10000000, 999999999)}`;
    case 6:
      return '好 评 返 现';
    case 7:
      return '给五星好评返现5元';
    case 8:
      return '高.仿的，和专柜一样';
    case 9:
      return '私 下 交 易更便宜';
    case 10:
      return `www . ${id.replace(/[_-]/g, '')} . com`;
    case 11:
      return '扫我二维码加群';
    case 12:
      return '全网最低价，绝对第一';
    case 13:
      return `直接转账到支付宝 ${phone}`;
    case 14:
      return '➕v 详聊';
    default:
      return `加我微❤信 ${id}`;
  }
}

/** `n` characters of clean chat, fragments joined by punctuation. */
function cleanText(r: Random, n: number): string {
  let s = '';
  while (s.length < n) s += pick(r, CLEAN) + pick(r, PUNCT);
  return s.slice(0, n);
}

export interface Message {
  text: string;
  kind: 'clean' | 'order' | 'price' | 'violation';
}

/** One message of 10–120 characters: 60% clean, 15% with an order or tracking number, 15% with a price, 10% with a violation or evasion. */
function message(r: Random): Message {
  const length = int(r, 10, 120);
  const roll = r();
  const kind: Message['kind'] = roll < 0.6 ? 'clean' : roll < 0.75 ? 'order' : roll < 0.9 ? 'price' : 'violation';
  if (kind === 'clean') return { text: cleanText(r, length), kind };
  const special = kind === 'order' ? orderNumber(r) : kind === 'price' ? price(r) : violation(r);
  const rest = Math.max(0, length - special.length - 1);
  const before = Math.floor(r() * (rest + 1));
  const text = `${cleanText(r, before)}${before > 0 ? '，' : ''}${special}${rest - before > 0 ? '，' : ''}${cleanText(r, rest - before)}`;
  return { text: text.length < length ? text + cleanText(r, length - text.length) : text.slice(0, Math.max(length, special.length)), kind };
}

export function generateMessages(count: number, seed: number): Message[] {
  const r = rng(seed);
  return Array.from({ length: count }, () => message(r));
}

/** A chat history of exactly `units` UTF-16 code units: messages from the same mix, one per line. */
export function chatHistory(units: number, seed: number): string {
  const r = rng(seed);
  const parts: string[] = [];
  let length = 0;
  while (length < units) {
    const line = `${message(r).text}\n`;
    parts.push(line);
    length += line.length;
  }
  return parts.join('').slice(0, units);
}

/** A realistic 200-character draft: greeting, order number, price, one contact evasion, sign-off. */
export function draft200(): string {
  const text =
    '亲，您好，非常抱歉让您久等了。您的订单 261124-672850297221479 我们已经加急处理，今天下午四点前一定安排顺丰发出，' +
    '运单号出来后会第一时间同步给您。这款现在券后￥1299，比活动前便宜了两百，尺码偏大建议拍小一码。' +
    '如果后续有任何问题，加我V信 kf_20241 也可以，或者直接在这里留言，我们看到都会马上回复您的，感谢亲的耐心等待和支持，祝您生活愉快！';
  if (text.length < 200) return text + cleanText(rng(7), 200 - text.length);
  return text.slice(0, 200);
}
