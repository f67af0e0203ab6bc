import * as z from 'zod/mini';
import { AfterSaleSnapshot } from '../domain/aftersale';
import { AdapterHealth, ChatSnapshot } from '../domain/chat';
import { PlatformId } from '../domain/platform';

/**
 * The protocol between contexts. Every message is parsed with these schemas on receipt;
 * zod/mini keeps the content-script bundle small.
 */
export const ChatUpdate = z.object({
  type: z.literal('chat/update'),
  full: z.boolean(),
  removedKeys: z.array(z.string()).check(z.maxLength(5000)),
  snapshot: ChatSnapshot,
});
export type ChatUpdate = z.infer<typeof ChatUpdate>;

/** A page the content script was injected into but does not understand. */
export const PageUnrecognised = z.object({
  type: z.literal('page/unrecognised'),
  url: z.string().check(z.maxLength(2048)),
  health: AdapterHealth,
});
export type PageUnrecognised = z.infer<typeof PageUnrecognised>;

/** Cases read from an after-sales list or detail page (only the changed ones after the first). */
export const AftersaleUpdate = z.object({
  type: z.literal('aftersale/update'),
  full: z.boolean(),
  snapshot: AfterSaleSnapshot,
});
export type AftersaleUpdate = z.infer<typeof AftersaleUpdate>;

/** The open cases last read in a tab, for the in-page case chip. */
export const TabCases = z.object({
  open: z.number(),
  nearest: z.nullable(z.object({ id: z.string(), caseId: z.string(), dueAt: z.nullable(z.number()) })),
});
export type TabCases = z.infer<typeof TabCases>;

export const AftersaleUpdateReply = z.union([
  z.object({ ok: z.literal(true), degraded: z.boolean(), cases: TabCases }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type AftersaleUpdateReply = z.infer<typeof AftersaleUpdateReply>;

/** A console page that is recognised but has nothing to track (Taobao: chat lives in the 千牛 client). */
export const PageSeen = z.object({
  type: z.literal('page/seen'),
  platform: PlatformId,
  url: z.string().check(z.maxLength(2048)),
  pageKind: z.nullable(z.enum(['chat', 'chat-history', 'aftersale-list', 'aftersale-detail'])),
  note: z.nullable(z.enum(['chat-unavailable'])),
});
export type PageSeen = z.infer<typeof PageSeen>;

/** The agent's draft, checked in the background (the checker is too big for every content script). */
export const DraftCheck = z.object({
  type: z.literal('draft/check'),
  platform: PlatformId,
  text: z.string().check(z.maxLength(5000)),
});

export const DraftFindingShape = z.object({
  category: z.string(),
  severity: z.enum(['block', 'warn']),
  start: z.number(),
  end: z.number(),
  reason: z.string(),
  rewrite: z.string(),
});
export const DraftCheckReply = z.union([
  z.object({ ok: z.literal(true), findings: z.array(DraftFindingShape) }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type DraftCheckReply = z.infer<typeof DraftCheckReply>;

/** From the options page: change one number of a rule for this shop (validated in the background). */
export const SetRuleOverride = z.object({
  type: z.literal('settings/set-rule-override'),
  platform: PlatformId,
  ruleId: z.string().check(z.maxLength(200)),
  patch: z.unknown(),
});

export const ClearRuleOverride = z.object({
  type: z.literal('settings/clear-rule-override'),
  platform: PlatformId,
  ruleId: z.string().check(z.maxLength(200)),
});

/** From the options page: the whole settings value (validated in the background, field by field). */
export const SetSettings = z.object({
  type: z.literal('settings/set'),
  settings: z.unknown(),
});

/** From the options page: replace everything stored with a backup file's content (all or nothing). */
export const ImportData = z.object({
  type: z.literal('data/import'),
  json: z.string().check(z.maxLength(200_000_000)),
});

/** From a content script: something the agent did through the extension, for the audit log. */
export const RecordAudit = z.object({
  type: z.literal('audit/record'),
  action: z.enum(['rewrite-applied', 'rewrite-undone', 'template-inserted', 'guard-confirmed', 'guard-cancelled', 'checklist-opened']),
  platform: z.nullable(PlatformId),
  subject: z.string().check(z.maxLength(400)),
  detail: z.string().check(z.maxLength(200)),
});

/** From a console page or the popup: the best reply templates for what the buyer last wrote. */
export const SuggestReplies = z.object({
  type: z.literal('reply/suggest'),
  platform: PlatformId,
  buyerMessages: z.array(z.string().check(z.maxLength(500))).check(z.maxLength(5)),
  buyerNick: z.nullable(z.string().check(z.maxLength(128))),
  caseStage: z.optional(z.nullable(z.string().check(z.maxLength(40)))),
  caseKind: z.optional(z.nullable(z.string().check(z.maxLength(40)))),
});

/** One suggestion: the text filled as far as the page allows, and what the agent must still fill in. */
export const Suggestion = z.object({
  templateId: z.string(),
  scenario: z.string(),
  text: z.string(),
  missing: z.array(z.string()),
});
export type Suggestion = z.infer<typeof Suggestion>;

export const SuggestReply = z.union([z.object({ ok: z.literal(true), suggestions: z.array(Suggestion) }), z.object({ ok: z.literal(false), error: z.string() })]);
export type SuggestReply = z.infer<typeof SuggestReply>;

/** From the popup to a console tab: insert this text at the agent's caret (the agent clicked it). */
export const InsertReply = z.object({
  type: z.literal('reply/insert'),
  text: z.string().check(z.minLength(1), z.maxLength(1000)),
  templateId: z.string().check(z.maxLength(100)),
});
export type InsertReply = z.infer<typeof InsertReply>;

/** From the in-page case chip (a click): show this case's checklist in the side panel. */
export const OpenCaseChecklist = z.object({
  type: z.literal('case/open-checklist'),
  caseRecordId: z.string().check(z.maxLength(300)),
});

/** From the options page: the shop's lexicon additions, removals and allowed phrases (validated in the background). */
export const SetShopLexicon = z.object({
  type: z.literal('settings/set-lexicon'),
  lexicon: z.unknown(),
});

export const SettingsReply = z.union([
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), error: z.string(), fields: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))) }),
]);
export type SettingsReply = z.infer<typeof SettingsReply>;

export const ImportReply = z.union([
  z.object({ ok: z.literal(true), counts: z.record(z.string(), z.number()) }),
  z.object({ ok: z.literal(false), error: z.string(), location: z.string() }),
]);
export type ImportReply = z.infer<typeof ImportReply>;

export const ToBackground = z.discriminatedUnion('type', [ChatUpdate, AftersaleUpdate, PageSeen, PageUnrecognised, DraftCheck, SetRuleOverride, ClearRuleOverride, SetShopLexicon, OpenCaseChecklist, SetSettings, ImportData, RecordAudit, SuggestReplies]);
export type ToBackground = z.infer<typeof ToBackground>;

/** What the content script needs to draw countdown chips. */
export const ChipDeadline = z.object({
  key: z.string(),
  ruleId: z.string(),
  label: z.string(),
  dueAt: z.number(),
});
export type ChipDeadline = z.infer<typeof ChipDeadline>;

export const ChatUpdateReply = z.union([
  z.object({ ok: z.literal(true), deadlines: z.array(ChipDeadline), degraded: z.boolean() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type ChatUpdateReply = z.infer<typeof ChatUpdateReply>;
