import type { PlatformId } from '../domain/platform';
import type { Locale } from '../i18n';
import { formatDuration } from '../i18n';
import type { QueueItem } from '../queue/queue';

const OFFSET = 8 * 3_600_000;
const hhmm = (at: number) => new Date(at + OFFSET).toISOString().slice(11, 16);
const mmddhhmm = (at: number) => new Date(at + OFFSET).toISOString().slice(5, 16).replace('T', ' ');

/** Everything timed falling due within `hours` (overdue included, first), nearest first. */
export function selectHandover(items: QueueItem[], now: number, hours: number): QueueItem[] {
  return items.filter((item) => item.dueAt !== null && item.dueAt <= now + hours * 3_600_000).sort((a, b) => a.dueAt! - b.dueAt!);
}

export interface HandoverNames {
  platform: (id: PlatformId) => string;
  shop: (platform: PlatformId, shop: string) => string;
  rule: (platform: PlatformId, ruleId: string) => string;
}

/**
 * Plain text an agent pastes into the shift group: a header with the time (Asia/Shanghai), then per
 * platform and shop one line per item with what it is and the time left or overdue.
 */
export function handoverText(items: QueueItem[], now: number, hours: number, locale: Locale, names: HandoverNames): string {
  const zh = locale === 'zh_CN';
  const header = zh ? `【交接班】${mmddhhmm(now)} 起 ${hours} 小时内到期：${items.length} 项` : `[Handover] due within ${hours} h from ${mmddhhmm(now)}: ${items.length}`;
  if (items.length === 0) return `${header}\n${zh ? '无到期事项。' : 'Nothing falls due.'}`;
  const groups = new Map<string, QueueItem[]>();
  for (const item of items) {
    const key = `${names.platform(item.platform)} · ${names.shop(item.platform, item.shop)}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const lines = [header];
  for (const [group, list] of groups) {
    lines.push('', group);
    for (const item of list) {
      const left = item.dueAt! - now;
      const when = left <= 0 ? (zh ? `已超时 ${formatDuration(-left, locale)}` : `overdue ${formatDuration(-left, locale)}`) : `${hhmm(item.dueAt!)}（${zh ? '剩' : 'in'} ${formatDuration(left, locale)}）`;
      const what =
        item.type === 'chat'
          ? `${zh ? '会话' : 'Chat'} ${item.row.nick || item.row.conversationId.split(':').pop()}：${names.rule(item.platform, item.row.ruleId)}`
          : `${zh ? '售后' : 'Case'} ${item.record.caseId}：${[item.record.kindText, item.record.stageText].filter(Boolean).join('·')}${item.record.autoActionText ? `，${item.record.autoActionText}` : ''}`;
      lines.push(`- ${when} ${what}`);
    }
  }
  return lines.join('\n');
}
