import type { AuditAction, AuditRecord, KefuDB } from './db';

/** Detail text is for people reading the log: short, and never a buyer's message. */
const MAX_DETAIL = 200;

export function auditEntry(at: number, action: AuditAction, subject: string, detail = '', platform: AuditRecord['platform'] = null): AuditRecord {
  return { at, action, platform, subject: subject.slice(0, 400), detail: detail.slice(0, MAX_DETAIL) };
}

export async function recordAudit(db: KefuDB, ...entries: AuditRecord[]): Promise<void> {
  if (entries.length > 0) await db.audit.bulkAdd(entries);
}

/** The log as CSV-free plain text lines, oldest first, for the export button. */
export function auditText(entries: AuditRecord[], formatTime: (at: number) => string): string {
  return entries
    .slice()
    .sort((a, b) => a.at - b.at)
    .map((e) => [formatTime(e.at), e.action, e.platform ?? '-', e.subject, e.detail].join('\t'))
    .join('\n');
}
