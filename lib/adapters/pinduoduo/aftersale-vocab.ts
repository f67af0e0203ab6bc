/**
 * Pinduoduo after-sales wording → case kind and rule stage (lib/rules/schema.ts AftersaleStage).
 * Status texts seen in sources (consoles-dom.md §1.6–1.7): 待商家处理, 待处理, 退款中, 退款成功,
 * "商家同意退款，本单退款成功" (FIXTURE id:71053717980), "退货退款，待商家确认收货" (API
 * afterSalesTitle, id:69706040436). The rest of the vocabulary is GUESSED from the rule pack's
 * stages (lib/rules/packs/pdd.json) and must be checked on a live console.
 */
import type { CaseKind, AftersaleStage } from '../../rules/schema';

/** Kinds by the words of 售后类型 (checked in order: 退货退款 before 退款). */
const KIND_WORDS: [RegExp, CaseKind][] = [
  [/退货退款/, 'return_refund'],
  [/换货/, 'exchange'],
  [/补寄|补发/, 'resend'],
  [/维修/, 'repair'],
  [/仅退款|未发货退款|未收到货|退款/, 'refund_only'],
];

/** Row texts mention the kind outside a label too; a bare 退款 there is 退款金额, so it is excluded. */
const KIND_IN_TEXT: [RegExp, CaseKind][] = KIND_WORDS.slice(0, 4).concat([[/仅退款/, 'refund_only']]);

export function pddKindOf(kindText: string, fromFreeText = false): CaseKind | null {
  for (const [re, kind] of fromFreeText ? KIND_IN_TEXT : KIND_WORDS) if (re.test(kindText)) return kind;
  return null;
}

/** A stage id, 'closed' for a finished case, or null for a known state with no clock (退款中). */
export type PddStage = AftersaleStage | 'closed' | null;

/** Checked in order; the more specific phrase first ("待商家确认收货" before "待商家确认"). */
const STAGE_WORDS: [RegExp, PddStage][] = [
  [/退款成功|已退款|退款关闭|售后关闭|已关闭|已撤销|买家撤销|售后完成|已完成/, 'closed'],
  [/退款中/, null],
  [/待商家确认收货|待商家收货|买家已退货|待收货/, 'seller_confirm_receipt'],
  [/验货|异议/, 'seller_inspect'],
  [/待买家退货|待买家发货|待买家寄回|待退货/, 'buyer_return_shipment'],
  [/待商家发货|待商家补寄|待补寄|待换货发货/, 'seller_ship_replacement'],
  [/待买家确认收货/, 'buyer_confirm_replacement'],
  [/待买家修改|已驳回|商家已拒绝|商家拒绝/, 'buyer_amend'],
  [/平台介入|平台处理|平台审核|申诉/, 'platform_ruling'],
  [/待商家处理|待处理|待商家审核|待审核|待商家同意|待商家确认/, 'seller_review'],
];

/** `known` is false when the text matches nothing: the caller reports it as unparsed. */
export function pddStageOf(statusText: string): { known: boolean; stage: PddStage; phrase: string } {
  const flat = statusText.replace(/\s+/g, '');
  for (const [re, stage] of STAGE_WORDS) {
    const m = flat.match(re);
    if (m) return { known: true, stage, phrase: m[0] };
  }
  return { known: false, stage: null, phrase: '' };
}
