import type { Signal } from '@preact/signals';
import type { CaseRecord } from '@/lib/store/db';
import { formatClock } from '@/lib/i18n';
import type { PopupTexts } from './at-risk-list';

/** After-sales cases read from console pages, the nearest page deadline first. */
export function CaseList({ cases, now, texts }: { cases: CaseRecord[]; now: Signal<number>; texts: PopupTexts }) {
  if (cases.length === 0) return null;
  const sorted = [...cases].sort((a, b) => (a.pageDeadline ?? Infinity) - (b.pageDeadline ?? Infinity) || a.id.localeCompare(b.id));
  return (
    <>
      <li class="section">{texts.t('popupCases')}</li>
      {sorted.map((c) => {
        const left = c.pageDeadline === null ? null : c.pageDeadline - now.value;
        const tone = left === null ? 'ok' : left <= 0 ? 'late' : left <= 4 * 3_600_000 ? 'soon' : 'ok';
        return (
          <li class={`row ${tone}`} key={c.id} data-testid="case-row" data-case={c.id}>
            <div class="who">
              <span class="nick">{c.kindText || c.kind || '售后'}</span>
              <span class="where">
                {texts.t(`platform_${c.platform}`)} · {c.caseId}
              </span>
            </div>
            <div class="rule">
              {c.stageText}
              {c.autoActionText ? ` · ${c.autoActionText}` : ''}
            </div>
            <div class="left">
              {left === null ? texts.t('popupCaseNoDeadline') : left <= 0 ? texts.t('popupOverdue', [formatClock(-left)]) : texts.t('popupLeft', [formatClock(left)])}
            </div>
          </li>
        );
      })}
    </>
  );
}
