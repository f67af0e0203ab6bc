/**
 * Kuaishou after-sales wording → the rule schema's ids (lib/rules/schema.ts CaseKind,
 * AftersaleStage). The kind words are the ones the OLD detail page prints under 售后类型
 * (consoles-dom.md §3.5: "仅退款 …"); the status words are GUESSED from the stages the
 * Kuaishou rule pack models (platform-rules.md §4 A1–A6): no source shows the page's own wording.
 */
import type { AfterSaleCase } from '../../domain/aftersale';

type Kind = NonNullable<AfterSaleCase['kind']>;
type Auto = NonNullable<AfterSaleCase['autoAction']>;

/** Longest first: "退货退款" must not read as a plain "退款". */
const KINDS: [RegExp, Kind][] = [
  [/退货退款|退货/, 'return_refund'],
  [/仅退款/, 'refund_only'],
  [/换货/, 'exchange'],
  [/补寄|补发/, 'resend'],
  [/维修/, 'repair'],
];

export function kuaishouKind(text: string): Kind | null {
  return KINDS.find(([re]) => re.test(text))?.[1] ?? null;
}

/** Finished first: "退款成功" also contains words of live stages. */
const STAGES: [RegExp, string][] = [
  [/退款成功|售后成功|售后关闭|退款关闭|已关闭|已撤销|已完成|换货成功|维修完成/, 'closed'],
  [/平台介入|平台处理|平台仲裁|客服介入/, 'platform_ruling'],
  [/待买家确认收货|买家确认收货中/, 'buyer_confirm_replacement'],
  [/待买家(退货|寄回|发货)|买家退货中/, 'buyer_return_shipment'],
  [/待商家(确认)?收货|待确认收货|商家收货中/, 'seller_confirm_receipt'],
  [/待商家验货|验货中/, 'seller_inspect'],
  [/待商家(换货|补寄|补发|发货)/, 'seller_ship_replacement'],
  [/待上门|预约上门/, 'repair_arrange_visit'],
  [/待商家(处理|审核)|待处理|待审核|申请中/, 'seller_review'],
];

export function kuaishouStage(text: string): string | null {
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
  [/自动退款/, 'auto_refund'],
  [/自动(同意|通过|审核通过|达成)/, 'auto_approve'],
  [/自动(关闭|撤销)/, 'auto_close'],
  [/自动确认/, 'auto_confirm'],
];

export function autoAction(text: string): Auto | null {
  return AUTO.find(([re]) => re.test(text))?.[1] ?? null;
}
