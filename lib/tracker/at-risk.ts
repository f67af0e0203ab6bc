import type { PlatformId } from '../domain/platform';
import type { ConversationRecord, DeadlineRecord } from '../store/db';

export interface AtRiskRow {
  conversationId: string;
  platform: PlatformId;
  shop: string;
  nick: string;
  /** The buyer's last message as the list previews it. */
  preview: string;
  /** The clock that matters now: the nearest one not yet lapsed, else the latest lapsed one. */
  ruleId: string;
  dueAt: number;
  /** True once the clock's warning ladder has started. */
  atRisk: boolean;
  /** Rules this conversation has already missed while still unanswered. */
  lapsedRuleIds: string[];
}

/** Open deadlines grouped per conversation, sorted by time left (lapsed first). */
export function atRiskRows(open: DeadlineRecord[], conversations: Map<string, ConversationRecord>, now: number): AtRiskRow[] {
  const byConversation = new Map<string, DeadlineRecord[]>();
  for (const d of open) {
    if (d.state !== 'open') continue;
    byConversation.set(d.conversationId, [...(byConversation.get(d.conversationId) ?? []), d]);
  }
  const rows: AtRiskRow[] = [];
  for (const [conversationId, list] of byConversation) {
    const sorted = [...list].sort((a, b) => a.dueAt - b.dueAt);
    const running = sorted.filter((d) => d.dueAt > now);
    const lapsed = sorted.filter((d) => d.dueAt <= now);
    const current = running[0] ?? lapsed[lapsed.length - 1]!;
    const conversation = conversations.get(conversationId);
    rows.push({
      conversationId,
      platform: current.platform,
      shop: conversation?.shop ?? '',
      nick: conversation?.nick ?? '',
      preview: conversation?.preview ?? '',
      ruleId: current.ruleId,
      dueAt: current.dueAt,
      atRisk: current.riskFrom <= now,
      lapsedRuleIds: lapsed.map((d) => d.ruleId),
    });
  }
  return rows.sort((a, b) => a.dueAt - b.dueAt || a.conversationId.localeCompare(b.conversationId));
}
