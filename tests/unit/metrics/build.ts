import type { PlatformId } from '@/lib/domain/platform';
import type { DayLog, LogConversation, LogMessage, LogSession, MessageKind } from '@/lib/metrics';
import { shanghai } from '../helpers';

/** The day every test log is for. */
export const DAY = '2026-11-24';
export const NEXT_DAY = '2026-11-25';
export const PREV_DAY = '2026-11-23';

export const SEC = 1000;
export const MIN = 60 * SEC;

/** Epoch ms of a Shanghai wall-clock time ("HH:MM" or "HH:MM:SS[.mmm]") on DAY (or another day). */
export const at = (hms: string, day = DAY): number => shanghai(`${day}T${hms}`);

export const buyer = (hms: string, day?: string): LogMessage => ({ at: at(hms, day), speaker: 'buyer' });
export const agent = (hms: string, kind?: MessageKind, day?: string): LogMessage =>
  kind === undefined ? { at: at(hms, day), speaker: 'agent' } : { at: at(hms, day), speaker: 'agent', kind };
export const robot = (hms: string, day?: string): LogMessage => ({ at: at(hms, day), speaker: 'robot' });
export const system = (hms: string): LogMessage => ({ at: at(hms), speaker: 'system' });

export const conv = (buyerId: string, messages: LogMessage[], sessions?: LogSession[]): LogConversation =>
  sessions === undefined ? { buyer: buyerId, messages } : { buyer: buyerId, messages, sessions };

export const session = (id: string, startHms: string, extra: { humanFrom?: string; offline?: boolean } = {}): LogSession => ({
  id,
  startedAt: at(startHms),
  ...(extra.humanFrom === undefined ? {} : { humanFrom: at(extra.humanFrom) }),
  ...(extra.offline === undefined ? {} : { offline: extra.offline }),
});

export const dayLog = (platform: PlatformId, conversations: LogConversation[], day = DAY): DayLog => ({ platform, day, conversations });

/** `met` buyers answered after 1 minute and `missed` buyers answered at `missReply` (default 61:01 later), all writing at 10:00. */
export function buyersDay(platform: PlatformId, met: number, missed: number, missReply = '11:01:01'): DayLog {
  const conversations: LogConversation[] = [];
  for (let i = 0; i < met; i++) conversations.push(conv(`ok${i}`, [buyer('10:00'), agent('10:01')]));
  for (let i = 0; i < missed; i++) conversations.push(conv(`late${i}`, [buyer('10:00'), agent(missReply)]));
  return dayLog(platform, conversations);
}
