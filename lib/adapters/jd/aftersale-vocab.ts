/**
 * JD after-sales wording → case kind and rule stage (lib/rules/schema.ts AftersaleStage).
 * Types and statuses from consoles-dom.md §5.5 (CODE id:57650675492): types 退货退款, 换货, 维修, 补件,
 * 未收货退款, 仅退款; statuses 退款成功, 完成 (sometimes "完 成"), 退款关闭, 已关闭, 已撤销, 商家拒绝, 退款中,
 * 商家同意, 审核中, 商家处理中, 申请退款. The stage each one maps to, and the other phrases below, are GUESSED
 * from the rule pack's stages (lib/rules/packs/jd.json) and must be checked on a live console.
 */
import type { AftersaleStage, CaseKind } from '../../rules/schema';
import { compact } from '../label-text';

/** Checked in order: 退货退款 before 退款, 未收货退款 before 退款. */
const KIND_WORDS: [RegExp, CaseKind][] = [
  [/退货退款|退货/, 'return_refund'],
  [/换货|换新/, 'exchange'],
  [/维修/, 'repair'],
  [/补件|补发|补寄/, 'resend'],
  [/未收货退款|仅退款|退款/, 'refund_only'],
];

/** In free row text a bare 退款 is 退款金额, and 退货 is in 退货地址: only the full type names count. */
const KIND_IN_TEXT: [RegExp, CaseKind][] = [
  [/退货退款/, 'return_refund'],
  [/换货/, 'exchange'],
  [/维修/, 'repair'],
  [/补件/, 'resend'],
  [/未收货退款|仅退款/, 'refund_only'],
];

export function jdKindOf(kindText: string, fromFreeText = false): CaseKind | null {
  const flat = compact(kindText);
  for (const [re, kind] of fromFreeText ? KIND_IN_TEXT : KIND_WORDS) if (re.test(flat)) return kind;
  return null;
}

/** A stage id, 'closed' for a finished case, or null for a known state with no seller clock (退款中). */
export type JdStage = AftersaleStage | 'closed' | null;

const STAGE_WORDS: [RegExp, JdStage | 'approved'][] = [
  [/退款成功|完成|退款关闭|已关闭|已撤销|已取消|审核不通过|商家拒绝/, 'closed'],
  [/退款中/, null],
  [/商家同意|审核通过/, 'approved'],
  [/待(?:商家)?收货|待确认收货|客户已发货|买家已发货|已寄回/, 'seller_confirm_receipt'],
  [/待(?:客户|买家|用户)?寄回|待(?:客户|买家)发货/, 'buyer_return_shipment'],
  [/待(?:商家)?发货|换新发货|待换新/, 'seller_ship_replacement'],
  [/维修中|待维修/, 'repair_complete'],
  [/平台介入|京东介入|仲裁/, 'platform_ruling'],
  [/审核中|待审核|商家处理中|待(?:商家)?处理|申请退款/, 'seller_review'],
];

/**
 * `known` is false when the text matches nothing: the caller reports it. After 商家同意 the buyer
 * sends the goods back for a return or exchange; for a refund there is no seller clock left.
 */
export function jdStageOf(statusText: string, kind: CaseKind | null): { known: boolean; stage: JdStage; phrase: string } {
  const flat = compact(statusText);
  for (const [re, stage] of STAGE_WORDS) {
    const m = flat.match(re);
    if (!m) continue;
    if (stage === 'approved') return { known: true, stage: kind === 'return_refund' || kind === 'exchange' ? 'buyer_return_shipment' : null, phrase: m[0] };
    return { known: true, stage, phrase: m[0] };
  }
  return { known: false, stage: null, phrase: '' };
}
