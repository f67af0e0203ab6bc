import Dexie from 'dexie';
import type { PlatformId } from '../domain/platform';
import { formatDuration } from '../i18n';
import type { ReplyRule } from '../rules/schema';
import type { CaseRecord, DeadlineRecord, WarningRecord } from '../store/db';
import { caseDeadlineId } from './cases';
import { deliverAt } from '../aftersale/off-hours';
import { auditEntry, recordAudit } from '../store/audit';
import { PLATFORM_IDS } from '../domain/platform';
import { TRACKER_TUNING, type TrackerPorts } from './ports';

function findRule(ports: TrackerPorts, deadline: DeadlineRecord): ReplyRule | null {
  const pack = ports.rules(deadline.platform);
  return pack.ok ? (pack.pack.replyRules.find((r) => r.id === deadline.ruleId) ?? null) : null;
}

/** More alerts than this at one moment (a machine waking from sleep) become one summary. */
const SUMMARY_ABOVE = 3;
export const SUMMARY_NOTIFICATION_ID = 'kefu-guard-summary';

interface Alert {
  id: string;
  title: string;
  message: string;
  dueAt: number;
  /** The warning rungs this notification speaks for. */
  rungs: string[];
}

/**
 * Show every warning that is due: reply clocks and after-sales ladders alike. A deadline with
 * several due rungs (the worker slept through them) gets one notification, worded for the current
 * moment; more than a few at once become one summary, nearest deadline first, instead of a storm.
 * Notifications are shown before the rungs are marked fired: a worker killed in between re-shows
 * the same notification id (replacing it) rather than losing the alert.
 */
export async function fireDueWarnings(ports: TrackerPorts, now: number): Promise<number> {
  const { db } = ports;
  const due = await db.warnings
    .where('[state+warnAt]')
    .between(['pending', Dexie.minKey], ['pending', now + TRACKER_TUNING.fireToleranceMs], true, true)
    .toArray();
  if (due.length === 0) return 0;
  const byDeadline = new Map<string, WarningRecord[]>();
  for (const w of due) byDeadline.set(w.deadlineId, [...(byDeadline.get(w.deadlineId) ?? []), w]);

  const updates: WarningRecord[] = [];
  const alerts: Alert[] = [];
  const settle = (rungs: WarningRecord[], outcome: { state: WarningRecord['state']; alert?: Omit<Alert, 'rungs'> }) => {
    if (outcome.alert) alerts.push({ ...outcome.alert, rungs: rungs.map((rung) => rung.id) });
    for (const rung of rungs) updates.push({ ...rung, state: outcome.state, firedAt: outcome.state === 'fired' ? now : null, message: outcome.alert?.message ?? null });
  };
  // Off hours: a non-urgent warning waits (pending, re-timed) until they end or it becomes urgent.
  const offHours = ports.offHours?.();
  const held = (rungs: WarningRecord[], dueAt: number): boolean => {
    const at = offHours ? deliverAt(offHours, now, dueAt) : now;
    if (at <= now + TRACKER_TUNING.fireToleranceMs) return false;
    for (const rung of rungs) updates.push({ ...rung, warnAt: at });
    return true;
  };
  const replyIds = [...byDeadline.keys()].filter((id) => !byDeadline.get(id)![0]!.caseRecordId);
  const caseIds = [...byDeadline.keys()].filter((id) => byDeadline.get(id)![0]!.caseRecordId);
  for (const deadline of await db.deadlines.bulkGet(replyIds)) {
    if (!deadline) continue;
    const rungs = byDeadline.get(deadline.id)!;
    if (deadline.state !== 'open' || !held(rungs, deadline.dueAt)) settle(rungs, await replyAlert(ports, deadline, rungs, now));
  }
  const cases = await db.cases.bulkGet(caseIds.map((id) => byDeadline.get(id)![0]!.caseRecordId!));
  caseIds.forEach((deadlineId, i) => {
    const rungs = byDeadline.get(deadlineId)!;
    const record = cases[i];
    if (!record || record.dueAt === null || !held(rungs, record.dueAt)) settle(rungs, caseAlert(ports, record, deadlineId, rungs, now));
  });

  alerts.sort((a, b) => a.dueAt - b.dueAt); // nearest deadline first, chats and cases alike
  if (alerts.length > SUMMARY_ABOVE) {
    const lines = alerts.slice(0, 5).map((a) => a.message);
    await ports.notifier.show(SUMMARY_NOTIFICATION_ID, ports.t('summaryTitle', [String(alerts.length)]), lines.join('\n'), alerts.flatMap((a) => a.rungs));
  } else {
    for (const alert of alerts) await ports.notifier.show(alert.id, alert.title, alert.message, alert.rungs);
  }
  // The rungs' new states and the audit log entries land together.
  await db.transaction('rw', [db.warnings, db.audit], async () => {
    await db.warnings.bulkPut(updates);
    await recordAudit(db, ...alerts.map((a) => auditEntry(now, 'alert-shown', a.id, a.rungs.join(' '), platformOf(a.id))));
  });
  return alerts.length;
}

/** Conversation and case ids start with their platform id. */
const platformOf = (id: string): PlatformId | null => (PLATFORM_IDS as readonly string[]).find((p) => id.startsWith(`${p}:`)) as PlatformId | null ?? null;

/** The moment a warning speaks for: an alarm may arrive up to the tolerance early. */
const alertMoment = (rungs: WarningRecord[], now: number) => Math.max(now, ...rungs.map((rung) => rung.warnAt));

const shopName = (ports: TrackerPorts, platform: PlatformId, shop: string) => ports.shopName?.(platform, shop) || (shop === 'default' ? ports.t('defaultShop') : shop);

async function replyAlert(ports: TrackerPorts, deadline: DeadlineRecord, rungs: WarningRecord[], now: number): Promise<{ state: WarningRecord['state']; alert?: Omit<Alert, 'rungs'> }> {
  const rule = findRule(ports, deadline);
  if (deadline.state !== 'open' || !rule) return { state: 'cancelled' };
  if (now > deadline.dueAt + TRACKER_TUNING.lateAlertGraceMs) return { state: 'expired' };
  const conversation = await ports.db.conversations.get(deadline.conversationId);
  const nick = conversation?.nick || ports.t('unknownBuyer');
  const missLabel = rule.missLabel[ports.locale];
  const at = alertMoment(rungs, now);
  const waited = formatDuration(at - deadline.startedAt, ports.locale);
  const message =
    at < deadline.dueAt
      ? ports.t('warnSoon', [nick, waited, formatDuration(deadline.dueAt - at, ports.locale), missLabel])
      : ports.t('warnLate', [nick, waited, missLabel]);
  const title = ports.t('notifyTitle', [ports.t(`platform_${deadline.platform}`), shopName(ports, deadline.platform, conversation?.shop ?? '')]);
  return { state: 'fired', alert: { id: deadline.conversationId, title, message, dueAt: deadline.dueAt } };
}

function caseAlert(ports: TrackerPorts, record: CaseRecord | undefined, deadlineId: string, rungs: WarningRecord[], now: number): { state: WarningRecord['state']; alert?: Omit<Alert, 'rungs'> } {
  // The ladder belongs to one run of one stage: a case that moved on or closed is not warned about.
  if (!record || record.dueAt === null || caseDeadlineId(record.id, record.stageKey) !== deadlineId) return { state: 'cancelled' };
  if (now > record.dueAt + TRACKER_TUNING.lateAlertGraceMs) return { state: 'expired' };
  const pack = ports.rules(record.platform);
  const rule = pack.ok && record.ruleId ? pack.pack.aftersaleRules.find((r) => r.id === record.ruleId) : undefined;
  const what = [record.kindText, record.stageText].filter(Boolean).join('·');
  const outcome = rule?.onTimeoutText[ports.locale] ?? record.autoActionText ?? ports.t('caseOutcomeUnknown');
  const next = rule?.label[ports.locale] ?? record.stageText;
  const at = alertMoment(rungs, now);
  const message =
    at < record.dueAt
      ? ports.t('caseWarnSoon', [record.caseId, what, formatDuration(record.dueAt - at, ports.locale), outcome, next])
      : ports.t('caseWarnLate', [record.caseId, what, outcome, next]);
  const title = ports.t('caseNotifyTitle', [ports.t(`platform_${record.platform}`), shopName(ports, record.platform, record.shop)]);
  return { state: 'fired', alert: { id: record.id, title, message, dueAt: record.dueAt } };
}

/** Keep exactly one alarm: at the earliest pending warning, found through the index. */
export async function rearm(ports: TrackerPorts): Promise<number | null> {
  const next = await ports.db.warnings
    .where('[state+warnAt]')
    .between(['pending', Dexie.minKey], ['pending', Dexie.maxKey])
    .first();
  if (next) await ports.alarms.arm(next.warnAt);
  else await ports.alarms.disarm();
  return next?.warnAt ?? null;
}

/** Conversations still unanswered and cases still open whose warning ladder has started. */
export async function countAtRisk(ports: TrackerPorts, now: number): Promise<number> {
  const risky = await ports.db.deadlines
    .where('[state+riskFrom]')
    .between(['open', Dexie.minKey], ['open', now], true, true)
    .toArray();
  // A case long past its deadline (not seen since) is the popup's business, not the badge's.
  const cases = await ports.db.cases
    .where('riskFrom')
    .belowOrEqual(now)
    .filter((c) => c.dueAt !== null && now <= c.dueAt + TRACKER_TUNING.lateAlertGraceMs)
    .count();
  return new Set(risky.map((d) => d.conversationId)).size + cases;
}

export async function refreshBadge(ports: TrackerPorts, now: number): Promise<void> {
  const atRisk = await countAtRisk(ports, now);
  const degraded = (await ports.db.tabs.filter((tab) => tab.degraded || !tab.recognised).count()) > 0;
  const name = ports.t('extName');
  if (atRisk > 0) await ports.notifier.badge(String(atRisk), '#d93025', degraded ? `${name} · ${ports.t('badgeDegraded')}` : name);
  else if (degraded) await ports.notifier.badge('!', '#f29900', `${name} · ${ports.t('badgeDegraded')}`);
  else await ports.notifier.badge('', '#d93025', name);
}
