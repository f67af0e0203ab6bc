import Dexie, { type EntityTable } from 'dexie';
import type { AdapterHealth, Speaker } from '../domain/chat';
import type { PlatformId } from '../domain/platform';

export interface ConversationRecord {
  /** `${platform}:${shop}:${key}` */
  id: string;
  platform: PlatformId;
  shop: string;
  key: string;
  nick: string;
  preview: string;
  lastSpeaker: Speaker | null;
  lastBuyerMessageAt: number | null;
  waitingText: string | null;
  tabId: number | null;
  url: string;
  /** Still in the page's list the last time the tab reported. */
  visible: boolean;
  /** When the page that last changed this record read it (rows from an older snapshot are ignored). */
  observedAt?: number;
  firstSeenAt: number;
  lastSeenAt: number;
}

export type DeadlineState = 'open' | 'met' | 'missed' | 'not-assessed';

/** One running (or finished) reply clock: conversation × rule × wait. */
export interface DeadlineRecord {
  /** `${conversationId}|${ruleId}|${first start}`: fixed for the life of this wait. */
  id: string;
  conversationId: string;
  platform: PlatformId;
  ruleId: string;
  startedAt: number;
  dueAt: number;
  /** When the first warning of the ladder is due: from then on the conversation is "at risk". */
  riskFrom: number;
  state: DeadlineState;
  closedAt: number | null;
}

export type WarningState = 'pending' | 'fired' | 'expired' | 'cancelled';

/** One rung of a deadline's warning ladder; alerts exactly once. */
export interface WarningRecord {
  /** `${deadlineId}|${beforeMs}` */
  id: string;
  deadlineId: string;
  beforeMs: number;
  warnAt: number;
  state: WarningState;
  firedAt: number | null;
  /** The text shown, kept as the alert log. */
  message: string | null;
  /** Set for an after-sales case's ladder (its `deadlineId` is the case's stage key, not a reply clock). */
  caseRecordId?: string;
}

export interface TabRecord {
  tabId: number;
  platform: PlatformId | null;
  /** Set for recognised pages with nothing to track, e.g. 'chat-unavailable' (Taobao). */
  note?: string | null;
  shop: string | null;
  url: string;
  health: AdapterHealth;
  degraded: boolean;
  recognised: boolean;
  updatedAt: number;
}

/** An after-sales case as last seen on a console page, with the stages it was seen in. */
export interface CaseRecord {
  /** `${platform}:${shop}:${caseId}`: the same case seen in two tabs is one record. */
  id: string;
  platform: PlatformId;
  shop: string;
  caseId: string;
  orderId: string | null;
  kind: string | null;
  kindText: string;
  stage: string | null;
  stageText: string;
  /** `dueAt`: the stage's deadline as known when the case left it (for the on-time figures). */
  stageHistory: { stage: string | null; stageText: string; seenAt: number; dueAt?: number | null }[];
  amountFen: number | null;
  appliedAt: number | null;
  deadlineText: string | null;
  /** The console's own deadline (countdown or date), epoch ms. */
  pageDeadline: number | null;
  autoAction: string | null;
  autoActionText: string | null;
  url: string;
  tabId: number | null;
  firstSeenAt: number;
  lastSeenAt: number;
  /** When the page that last reported this case read it: an older snapshot never overwrites a newer one. */
  observedAt: number;
  /** The current stage's clock (lib/aftersale/case-rules.ts), recomputed on every sighting. */
  stageKey: string;
  ruleId: string | null;
  stageStartedAt: number | null;
  ruleDueAt: number | null;
  /** Page deadline when shown, else the rule's; null when neither is known or the case is closed. */
  dueAt: number | null;
  /** Page − rule deadline when both are known. */
  differenceMs: number | null;
  /** When the first ladder warning is due (indexed: the badge counts cases at risk). */
  riskFrom: number | null;
}

/** The agent's progress through a case's side-panel checklist. */
export interface ChecklistRecord {
  /** The case record id. */
  caseId: string;
  ticked: string[];
  note: string;
  /** The stage the agent last saw the checklist in: a newer stage highlights the steps that now apply. */
  seenStage: string | null;
  updatedAt: number;
}

/** What the extension itself did: shown to prove it never sent a message or clicked a platform control. */
export const AUDIT_ACTIONS = [
  'alert-shown',
  'notification-clicked',
  'rewrite-applied',
  'rewrite-undone',
  'template-inserted',
  'guard-confirmed',
  'guard-cancelled',
  'checklist-opened',
  'settings-changed',
  'data-imported',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditRecord {
  /** Auto-increment. */
  id?: number;
  at: number;
  action: AuditAction;
  platform: PlatformId | null;
  /** What it concerned: a notification/conversation/case id, a template id, a finding category. */
  subject: string;
  detail: string;
}

/** Small named documents (settings), each validated with zod where it is read. */
export interface SettingRecord {
  key: string;
  value: unknown;
  updatedAt: number;
}

export const DB_NAME = 'kefu-guard';

export class KefuDB extends Dexie {
  conversations!: EntityTable<ConversationRecord, 'id'>;
  deadlines!: EntityTable<DeadlineRecord, 'id'>;
  warnings!: EntityTable<WarningRecord, 'id'>;
  tabs!: EntityTable<TabRecord, 'tabId'>;
  settings!: EntityTable<SettingRecord, 'key'>;
  cases!: EntityTable<CaseRecord, 'id'>;
  checklists!: EntityTable<ChecklistRecord, 'caseId'>;
  audit!: EntityTable<AuditRecord, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    // Schema history: add a new version() for every change, never edit an old one.
    this.version(1).stores({
      conversations: '&id, [platform+shop], tabId, lastSeenAt',
      deadlines: '&id, conversationId, [state+dueAt], [state+riskFrom]',
      warnings: '&id, deadlineId, [state+warnAt]',
      tabs: '&tabId, updatedAt',
    });
    // v2: per-shop settings (rule overrides first). Adds a table; existing rows are untouched.
    this.version(2).stores({ settings: '&key' });
    // v3: after-sales cases read from console pages.
    this.version(3).stores({ cases: '&id, [platform+shop], pageDeadline, lastSeenAt' });
    // v4: case clocks (indexed by when their warnings start) and checklist progress per case.
    // Existing cases get empty clock fields; the next sighting of each case fills them in.
    this.version(4)
      .stores({ cases: '&id, [platform+shop], pageDeadline, lastSeenAt, riskFrom', checklists: '&caseId' })
      .upgrade((tx) =>
        tx
          .table('cases')
          .toCollection()
          .modify((c: Partial<CaseRecord>) => {
            c.observedAt ??= c.lastSeenAt ?? 0;
            c.stageKey ??= '';
            c.ruleId ??= null;
            c.stageStartedAt ??= null;
            c.ruleDueAt ??= null;
            c.dueAt ??= c.pageDeadline ?? null;
            c.differenceMs ??= null;
            c.riskFrom ??= null;
          }),
      );
    // v5: the audit log of the extension's own actions.
    this.version(5).stores({ audit: '++id, at' });
  }
}
