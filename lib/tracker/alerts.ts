import Dexie from 'dexie';
import { formatDuration } from '../i18n';
import type { ReplyRule } from '../rules/schema';
import type { DeadlineRecord, WarningRecord } from '../store/db';
import { TRACKER_TUNING, type TrackerPorts } from './ports';

function findRule(ports: TrackerPorts, deadline: DeadlineRecord): ReplyRule | null {
  const pack = ports.rules(deadline.platform);
  return pack.ok ? (pack.pack.replyRules.find((r) => r.id === deadline.ruleId) ?? null) : null;
}

/**
 * Show every warning that is due. A deadline with several due rungs (the worker slept through
 * them) gets one notification, worded for the current moment. Notifications are shown before
 * the rungs are marked fired: a worker killed in between re-shows the same notification id
 * (replacing it) rather than losing the alert.
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

  const deadlines = await db.deadlines.bulkGet([...byDeadline.keys()]);
  const updates: WarningRecord[] = [];
  let shown = 0;
  for (const deadline of deadlines) {
    if (!deadline) continue;
    const rungs = byDeadline.get(deadline.id)!;
    const rule = findRule(ports, deadline);
    let state: WarningRecord['state'] = 'fired';
    let message: string | null = null;
    if (deadline.state !== 'open' || !rule) state = 'cancelled';
    else if (now > deadline.dueAt + TRACKER_TUNING.lateAlertGraceMs) state = 'expired';
    else {
      const conversation = await db.conversations.get(deadline.conversationId);
      const nick = conversation?.nick || ports.t('unknownBuyer');
      const shop = conversation?.shop ?? '';
      const missLabel = rule.missLabel[ports.locale];
      // An alarm may arrive up to the tolerance early: word the warning for its own moment.
      const at = Math.max(now, ...rungs.map((rung) => rung.warnAt));
      const waited = formatDuration(at - deadline.startedAt, ports.locale);
      message =
        at < deadline.dueAt
          ? ports.t('warnSoon', [nick, waited, formatDuration(deadline.dueAt - at, ports.locale), missLabel])
          : ports.t('warnLate', [nick, waited, missLabel]);
      const title = ports.t('notifyTitle', [ports.t(`platform_${deadline.platform}`), shop === 'default' ? ports.t('defaultShop') : shop]);
      await ports.notifier.show(deadline.conversationId, title, message);
      shown++;
    }
    for (const rung of rungs) updates.push({ ...rung, state, firedAt: state === 'fired' ? now : null, message });
  }
  await db.warnings.bulkPut(updates);
  return shown;
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

/** Conversations whose warning ladder has started and are still unanswered. */
export async function countAtRisk(ports: TrackerPorts, now: number): Promise<number> {
  const risky = await ports.db.deadlines
    .where('[state+riskFrom]')
    .between(['open', Dexie.minKey], ['open', now], true, true)
    .toArray();
  return new Set(risky.map((d) => d.conversationId)).size;
}

export async function refreshBadge(ports: TrackerPorts, now: number): Promise<void> {
  const atRisk = await countAtRisk(ports, now);
  const degraded = (await ports.db.tabs.filter((tab) => tab.degraded || !tab.recognised).count()) > 0;
  const name = ports.t('extName');
  if (atRisk > 0) await ports.notifier.badge(String(atRisk), '#d93025', degraded ? `${name} · ${ports.t('badgeDegraded')}` : name);
  else if (degraded) await ports.notifier.badge('!', '#f29900', `${name} · ${ports.t('badgeDegraded')}`);
  else await ports.notifier.badge('', '#d93025', name);
}
