import type { Signal } from '@preact/signals';
import type { CaseRecord } from '@/lib/store/db';
import { formatClock, formatDuration } from '@/lib/i18n';
import { formatUntil } from '@/lib/rules/effective';
import { shopLabel, type PopupTexts } from './at-risk-list';

const SHANGHAI_OFFSET_MINUTES = 480;

/** One after-sales case: what it is, where it stands, what the platform does at the deadline, time left. */
export function CaseRow({ record, stale, now, texts, onOpen }: { record: CaseRecord; stale: boolean; now: Signal<number>; texts: PopupTexts; onOpen: (caseId: string) => void }) {
  const left = record.dueAt === null ? null : record.dueAt - now.value;
  const tone = left === null ? 'ok' : left <= 0 ? 'late' : record.riskFrom !== null && record.riskFrom <= now.value ? 'soon' : 'ok';
  return (
    <li class={`row ${tone}`} data-testid="case-row" data-case={record.id}>
      <div class="who">
        <span class="nick">{record.kindText || texts.t('caseKindUnknown')}</span>
        <span class="where">
          {texts.t(`platform_${record.platform}`)} · {shopLabel(record.shop, texts)} · {record.caseId}
        </span>
      </div>
      <div class="rule">
        {record.stageText}
        {record.autoActionText ? ` · ${record.autoActionText}` : ''}
      </div>
      {record.differenceMs !== null && Math.abs(record.differenceMs) > 60_000 && (
        <div class="note" data-testid="deadline-conflict">
          {texts.t(record.differenceMs < 0 ? 'caseDeadlineEarlier' : 'caseDeadlineLater', [formatDuration(Math.abs(record.differenceMs), texts.locale)])}
        </div>
      )}
      {stale && (
        <div class="note" data-testid="case-stale">
          {texts.t('caseNotSeenSince', [formatUntil(new Date(record.lastSeenAt).toISOString(), SHANGHAI_OFFSET_MINUTES)])}
        </div>
      )}
      <div class="left">
        {left === null ? texts.t('popupCaseNoDeadline') : left <= 0 ? texts.t('popupOverdue', [formatClock(-left)]) : texts.t('popupLeft', [formatClock(left)])}
      </div>
      <button class="link" type="button" data-testid="open-checklist" onClick={() => onOpen(record.id)}>
        {texts.t('caseOpenChecklist')}
      </button>
    </li>
  );
}
