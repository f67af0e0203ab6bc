import type { ConversationRow } from '../domain/chat';
import type { ReplyRule } from './schema';

/** Page waiting texts have one-second resolution; starts this close are the same start. */
export const START_JITTER_MS = 2_000;

/**
 * When the rule's reply clock started for this conversation: the first buyer message after the
 * last message that stops the clock, or null when nobody is waiting for this rule.
 *
 * `previousStart` is what the tracker knew before: the page rarely shows exact times in the
 * list, so a clock that was already running keeps its earlier start.
 */
export function clockStart(
  row: ConversationRow,
  rule: Pick<ReplyRule, 'stoppedBy'> & Partial<Pick<ReplyRule, 'startsOn'>>,
  now: number,
  previousStart: number | null,
): number | null {
  const start = waitStart(row, rule, now, previousStart);
  if (start === null) return null;
  // Douyin scores sessions from their transfer to a human: earlier waiting is the bot's.
  if (rule.startsOn === 'human-transfer' && row.humanFrom != null) return Math.max(start, row.humanFrom);
  return start;
}

function waitStart(
  row: ConversationRow,
  rule: Pick<ReplyRule, 'stoppedBy'> & Partial<Pick<ReplyRule, 'startsOn'>>,
  now: number,
  previousStart: number | null,
): number | null {
  const stops = new Set<string>(rule.stoppedBy);
  if (row.messages.length > 0) {
    if (rule.startsOn === 'session-start') {
      // JD scores only a session's first consultation: once it was answered, no clock runs.
      const first = row.messages.findIndex((m) => m.speaker === 'buyer');
      if (first < 0 || row.messages.slice(first).some((m) => stops.has(m.speaker))) return null;
      const at = row.messages[first]!.at;
      return previousStart !== null && previousStart < at ? previousStart : at;
    }
    let start: number | null = null;
    let answeredInTail = false;
    for (const message of row.messages) {
      if (stops.has(message.speaker)) {
        start = null;
        answeredInTail = true;
      } else if (message.speaker === 'buyer' && start === null) start = message.at;
    }
    if (start === null) return null;
    // A tail with no reply in it may begin mid-wait: an earlier known start is then the truer one.
    // Once the tail shows a reply, the wait before it is over and only the tail counts.
    return !answeredInTail && previousStart !== null && previousStart < start ? previousStart : start;
  }
  // List-only row: rely on the page's waiting signal and on who spoke last.
  const waitingForRule =
    row.waiting === true ||
    (row.waiting === null && row.lastSpeaker !== null && !stops.has(row.lastSpeaker) && row.lastSpeaker !== 'system');
  if (!waitingForRule) return null;
  if (row.waitingMs !== null) {
    const fromPage = now - row.waitingMs;
    return previousStart !== null && Math.abs(fromPage - previousStart) <= START_JITTER_MS ? previousStart : fromPage;
  }
  if (previousStart !== null) return previousStart;
  return row.lastBuyerMessageAt ?? now;
}
