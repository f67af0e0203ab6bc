import { z } from 'zod';
import { PLATFORM_IDS } from '../domain/platform';
import { AUDIT_ACTIONS, type AuditRecord, type CaseRecord, type ChecklistRecord, type ConversationRecord, type DeadlineRecord, type SettingRecord, type WarningRecord } from './db';

/**
 * zod schemas of the stored records, for imports (the one way data enters the store from outside).
 * Each is checked against its interface in db.ts, so the two cannot drift apart silently.
 */
const Platform = z.enum(PLATFORM_IDS);
const Time = z.number().finite();
const Id = z.string().min(1).max(400);

export const ConversationRecordSchema = z.strictObject({
  id: Id,
  platform: Platform,
  shop: z.string().max(128),
  key: z.string().max(128),
  nick: z.string().max(128),
  preview: z.string().max(500),
  lastSpeaker: z.enum(['buyer', 'agent', 'robot', 'system']).nullable(),
  lastBuyerMessageAt: Time.nullable(),
  waitingText: z.string().max(100).nullable(),
  tabId: z.number().int().nullable(),
  url: z.string().max(2048),
  visible: z.boolean(),
  observedAt: Time.optional(),
  firstSeenAt: Time,
  lastSeenAt: Time,
}) satisfies z.ZodType<ConversationRecord>;

export const DeadlineRecordSchema = z.strictObject({
  id: Id,
  conversationId: Id,
  platform: Platform,
  ruleId: z.string().max(200),
  startedAt: Time,
  dueAt: Time,
  riskFrom: Time,
  state: z.enum(['open', 'met', 'missed', 'not-assessed']),
  closedAt: Time.nullable(),
}) satisfies z.ZodType<DeadlineRecord>;

export const WarningRecordSchema = z.strictObject({
  id: Id,
  deadlineId: Id,
  beforeMs: z.number().int().nonnegative(),
  warnAt: Time,
  state: z.enum(['pending', 'fired', 'expired', 'cancelled']),
  firedAt: Time.nullable(),
  message: z.string().max(1000).nullable(),
  caseRecordId: Id.optional(),
}) satisfies z.ZodType<WarningRecord>;

export const CaseRecordSchema = z.strictObject({
  id: Id,
  platform: Platform,
  shop: z.string().max(128),
  caseId: z.string().max(64),
  orderId: z.string().max(64).nullable(),
  kind: z.string().max(40).nullable(),
  kindText: z.string().max(50),
  stage: z.string().max(40).nullable(),
  stageText: z.string().max(100),
  stageHistory: z.array(z.strictObject({ stage: z.string().max(40).nullable(), stageText: z.string().max(100), seenAt: Time, dueAt: Time.nullable().optional() })).max(50),
  amountFen: z.number().nullable(),
  appliedAt: Time.nullable(),
  deadlineText: z.string().max(100).nullable(),
  pageDeadline: Time.nullable(),
  autoAction: z.string().max(40).nullable(),
  autoActionText: z.string().max(100).nullable(),
  url: z.string().max(2048),
  tabId: z.number().int().nullable(),
  firstSeenAt: Time,
  lastSeenAt: Time,
  observedAt: Time,
  stageKey: z.string().max(100),
  ruleId: z.string().max(200).nullable(),
  stageStartedAt: Time.nullable(),
  ruleDueAt: Time.nullable(),
  dueAt: Time.nullable(),
  differenceMs: z.number().nullable(),
  riskFrom: Time.nullable(),
}) satisfies z.ZodType<CaseRecord>;

export const ChecklistRecordSchema = z.strictObject({
  caseId: Id,
  ticked: z.array(z.string().max(100)).max(200),
  note: z.string().max(5000),
  seenStage: z.string().max(40).nullable(),
  updatedAt: Time,
}) satisfies z.ZodType<ChecklistRecord>;

export const SettingRecordSchema = z.strictObject({
  key: z.string().min(1).max(100),
  value: z.unknown(),
  updatedAt: Time,
}) satisfies z.ZodType<SettingRecord>;

export const AuditRecordSchema = z.strictObject({
  id: z.number().int().positive().optional(),
  at: Time,
  action: z.enum(AUDIT_ACTIONS),
  platform: Platform.nullable(),
  subject: z.string().max(400),
  detail: z.string().max(1000),
}) satisfies z.ZodType<AuditRecord>;
