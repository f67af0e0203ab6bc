import * as z from 'zod/mini';
import { AdapterHealth } from './chat';
import { PlatformId } from './platform';

/** Case kinds and stages mirror the rule packs' (lib/rules/schema.ts) so a case finds its rules. */
export const CASE_KINDS = ['refund_only', 'return_refund', 'exchange', 'resend', 'repair'] as const;
export const CaseKindId = z.enum(CASE_KINDS);

/** What the platform does when the seller stays silent past the deadline. */
export const AutoAction = z.enum(['auto_refund', 'auto_approve', 'auto_close', 'auto_confirm']);

/** One after-sales case as a console page shows it. Times are epoch ms (UTC); amounts in fen. */
export const AfterSaleCase = z.object({
  caseId: z.string().check(z.minLength(1), z.maxLength(64)),
  orderId: z.nullable(z.string().check(z.maxLength(64))),
  kind: z.nullable(CaseKindId),
  kindText: z.string().check(z.maxLength(50)),
  /** The status as the page words it ("待商家处理", "退款成功"). */
  stageText: z.string().check(z.maxLength(100)),
  /** Normalised stage id from the rule schema's AftersaleStage, or 'closed' / null when unknown. */
  stage: z.nullable(z.string().check(z.maxLength(40))),
  amountFen: z.nullable(z.number()),
  appliedAt: z.nullable(z.number()),
  /** The page's own countdown or deadline text, and what it parses to. */
  deadlineText: z.nullable(z.string().check(z.maxLength(100))),
  pageDeadline: z.nullable(z.number()),
  autoAction: z.nullable(AutoAction),
  autoActionText: z.nullable(z.string().check(z.maxLength(100))),
});
export type AfterSaleCase = z.infer<typeof AfterSaleCase>;

export const AfterSaleSnapshot = z.object({
  platform: PlatformId,
  shop: z.string().check(z.minLength(1), z.maxLength(128)),
  url: z.string().check(z.maxLength(2048)),
  capturedAt: z.number(),
  pageKind: z.enum(['aftersale-list', 'aftersale-detail']),
  cases: z.array(AfterSaleCase).check(z.maxLength(2000)),
  health: AdapterHealth,
});
export type AfterSaleSnapshot = z.infer<typeof AfterSaleSnapshot>;
