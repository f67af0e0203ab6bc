/**
 * Taobao/Tmall refund wording → the rule schema's ids (lib/rules/schema.ts CaseKind,
 * AftersaleStage). Status words are CODE: the refund2 list statuses one sync tool maps
 * (id:40942555322: 退款待处理, 已拒绝退款, 待买家发货, 待商家收货, 退款关闭, 退款成功, 退款完结);
 * the exchange and platform wordings are GUESSED from the stages the Taobao rule pack models
 * (platform-rules.md §2 A1–A7).
 */
import type { AfterSaleCase } from '../../domain/aftersale';

type Kind = NonNullable<AfterSaleCase['kind']>;
type Auto = NonNullable<AfterSaleCase['autoAction']>;

/** Longest first: "退货退款" must not read as "退款". A bare "退款" names no kind. */
const KINDS: [RegExp, Kind][] = [
  [/退货退款|退货/, 'return_refund'],
  [/仅退款|未收到货退款/, 'refund_only'],
  [/换货/, 'exchange'],
  [/补寄|补发/, 'resend'],
  [/维修|保修/, 'repair'],
];

export const KIND_WORD = /退货退款|仅退款|换货|补寄|补发|维修|价保|退运费|退差价/;

export function taobaoKind(text: string): Kind | null {
  return KINDS.find(([re]) => re.test(text))?.[1] ?? null;
}

/** Finished first ("退款成功" must not read as a live stage). */
const STAGES: [RegExp, string][] = [
  [/退款成功|退款关闭|退款完结|换货成功|换货关闭|售后关闭|已关闭|已撤销/, 'closed'],
  [/小二介入|客服介入|平台介入|平台处理中|介入中/, 'platform_ruling'],
  [/已拒绝|卖家拒绝|拒绝退款|待买家修改/, 'buyer_amend'],
  [/待买家确认收货/, 'buyer_confirm_replacement'],
  [/待买家(发货|退货)|等待买家退货/, 'buyer_return_shipment'],
  [/待(商家|卖家)(确认)?收货|等待卖家确认收货/, 'seller_confirm_receipt'],
  [/待(商家|卖家)(换货|补寄)?发货/, 'seller_ship_replacement'],
  [/待(商家|卖家)提供(退货)?地址/, 'seller_give_address'],
  [/退款待处理|待(商家|卖家)处理|等待卖家同意|请卖家处理|请处理/, 'seller_review'],
];

export const STAGE_WORD = new RegExp(STAGES.map(([re]) => re.source).join('|'));

export function taobaoStage(text: string): string | null {
  return STAGES.find(([re]) => re.test(text))?.[1] ?? null;
}

/** "¥12.50", "￥1,234.5", "12.50元" → fen; null when there is no money amount. */
export function amountFen(text: string): number | null {
  const m = text.replace(/,/g, '').match(/[¥￥]\s*(\d+)(?:\.(\d{1,2}))?|(\d+)(?:\.(\d{1,2}))?\s*元/);
  if (!m) return null;
  const whole = m[1] ?? m[3]!;
  const frac = (m[2] ?? m[4] ?? '').padEnd(2, '0');
  return Number(whole) * 100 + Number(frac);
}

const AUTO: [RegExp, Auto][] = [
  [/自动退款|退款给买家/, 'auto_refund'],
  [/自动(同意|达成|通过)/, 'auto_approve'],
  [/自动(关闭|撤销)/, 'auto_close'],
  [/自动确认/, 'auto_confirm'],
];

export function autoAction(text: string): Auto | null {
  return AUTO.find(([re]) => re.test(text))?.[1] ?? null;
}

/**
 * Text that states time left or overdue: "剩余1天23时", "还剩 2天", "倒计时 23:59:10", "已超时".
 * "逾期未处理，系统将自动退款" names the rule, not a time: a cue needs a number or 已超时.
 */
export function isDeadlineText(text: string): boolean {
  return /剩|还有|倒计时|超时/.test(text) && (/\d/.test(text) || /已超时/.test(text));
}
/** The sentence that says what happens at the deadline. */
export const AUTO_SENTENCE = /[^，。；,;]*自动[^，。；,;]*/;
