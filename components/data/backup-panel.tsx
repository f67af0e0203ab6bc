import { useSignal } from '@preact/signals';
import { parseImportReply } from '@/lib/messaging/import-reply';
import { auditText } from '@/lib/store/audit';
import { exportAll } from '@/lib/store/backup';
import type { KefuDB } from '@/lib/store/db';
import { formatUntil } from '@/lib/rules/effective';
import { downloadText, stamp } from './download';

export interface BackupTexts {
  t: (key: string, subs?: string[]) => string;
}

type Status = { tone: 'ok' | 'error'; text: string } | null;

/**
 * Export everything to one JSON file, import one back (all or nothing, through the worker), and
 * export the audit log that shows what the extension itself did.
 */
export function BackupPanel({ db, texts, send }: { db: KefuDB; texts: BackupTexts; send: (message: unknown) => Promise<unknown> }) {
  const status = useSignal<Status>(null);
  const busy = useSignal(false);
  const { t } = texts;

  const exportData = async () => {
    const backup = await exportAll(db, Date.now());
    downloadText(document, `kefu-guard-backup-${stamp(Date.now())}.json`, JSON.stringify(backup, null, 1));
    status.value = { tone: 'ok', text: t('dataExported') };
  };

  const importData = async (file: File) => {
    busy.value = true;
    try {
      const reply = parseImportReply(await send({ type: 'data/import', json: await file.text() }));
      status.value = reply.ok
        ? { tone: 'ok', text: t('dataImported', [Object.entries(reply.counts).map(([table, n]) => `${table} ${n}`).join('，')]) }
        : { tone: 'error', text: t('dataImportRejected', [reply.error, reply.location]) };
    } catch (error) {
      status.value = { tone: 'error', text: t('dataImportRejected', [String(error), '-']) };
    } finally {
      busy.value = false;
    }
  };

  const exportAudit = async () => {
    const entries = await db.audit.toArray();
    downloadText(document, `kefu-guard-audit-${stamp(Date.now())}.txt`, `${t('auditHeader')}\n${auditText(entries, (at) => formatUntil(new Date(at).toISOString(), 480))}\n`, 'text/plain');
  };

  return (
    <section class="backup" data-testid="backup-panel">
      <p>{t('dataIntro')}</p>
      <div class="actions">
        <button type="button" data-testid="export-data" onClick={() => void exportData().catch((e: unknown) => (status.value = { tone: 'error', text: String(e) }))}>
          {t('dataExport')}
        </button>
        <label class="button">
          {t('dataImport')}
          <input
            type="file"
            accept="application/json,.json"
            data-testid="import-data"
            disabled={busy.value}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) void importData(file);
            }}
          />
        </label>
        <button type="button" data-testid="export-audit" onClick={() => void exportAudit()}>
          {t('auditExport')}
        </button>
      </div>
      {status.value && (
        <p class={`status ${status.value.tone}`} data-testid="data-status" role="status">
          {status.value.text}
        </p>
      )}
    </section>
  );
}
