import { useSignal, type Signal } from '@preact/signals';
import type { Checklist, ChecklistStep } from '@/lib/aftersale/checklist';
import { stageIsNew } from '@/lib/aftersale/progress';
import { formatClock, type Locale } from '@/lib/i18n';
import { formatUntil } from '@/lib/rules/effective';
import type { CaseRecord, ChecklistRecord } from '@/lib/store/db';

const SHANGHAI_OFFSET_MINUTES = 480;

export interface PanelTexts {
  t: (key: string, subs?: string[]) => string;
  locale: Locale;
  /** Reply templates of a scenario for the case's platform: linked from the steps. */
  templates: (scenario: string, platform: CaseRecord['platform']) => { id: string; text: string }[];
}

export interface PanelActions {
  tick(stepId: string, ticked: boolean): void;
  note(text: string): void;
  stageSeen(): void;
}

const at = (ms: number) => formatUntil(new Date(ms).toISOString(), SHANGHAI_OFFSET_MINUTES);

function dueText(dueAt: number, now: number, texts: PanelTexts): string {
  const left = dueAt - now;
  return `${at(dueAt)} · ${left <= 0 ? texts.t('popupOverdue', [formatClock(-left)]) : texts.t('popupLeft', [formatClock(left)])}`;
}

/** What the case is, when it falls due, and what the platform does if the seller stays silent. */
export function CaseSummary({ record, checklist, now, texts }: { record: CaseRecord; checklist: Checklist; now: Signal<number>; texts: PanelTexts }) {
  return (
    <section class="summary" data-testid="case-summary">
      <div>
        <strong>{record.kindText || texts.t('caseKindUnknown')}</strong> · {texts.t(`platform_${record.platform}`)} · {record.caseId}
      </div>
      <div>{record.stageText}</div>
      <div class={`due ${record.dueAt !== null && record.dueAt <= now.value ? 'late' : ''}`}>
        {record.dueAt === null ? texts.t('popupCaseNoDeadline') : dueText(record.dueAt, now.value, texts)}
      </div>
      {checklist.silentOutcome && <div class="outcome" data-testid="silent-outcome">{texts.t('panelSilentOutcome', [checklist.silentOutcome[texts.locale]])}</div>}
      {record.differenceMs !== null && Math.abs(record.differenceMs) > 60_000 && record.ruleDueAt !== null && (
        <div class="note">{texts.t('panelRuleDeadline', [at(record.ruleDueAt)])}</div>
      )}
      {checklist.unknownKind && <div class="note">{texts.t('panelUnknownKind')}</div>}
    </section>
  );
}

function Step({ step, record, ticked, fresh, now, texts, actions }: { step: ChecklistStep; record: CaseRecord; ticked: boolean; fresh: boolean; now: number; texts: PanelTexts; actions: PanelActions }) {
  const shown = useSignal<string | null>(null);
  return (
    <li class={`step ${step.applies} ${fresh && step.applies === 'current' ? 'fresh' : ''}`} data-testid="step" data-step={step.id} data-applies={step.applies}>
      <label>
        <input type="checkbox" checked={ticked} onChange={(e) => actions.tick(step.id, e.currentTarget.checked)} />
        {step.title[texts.locale]}
      </label>
      <div class="detail">{step.detail[texts.locale]}</div>
      {step.platformNote && <div class="detail note">{step.platformNote[texts.locale]}</div>}
      {step.dueAt !== null && <div class="due">{texts.t('panelStepDue', [dueText(step.dueAt, now, texts)])}</div>}
      {step.warning && <div class="warning">⚠ {step.warning[texts.locale]}</div>}
      {(step.evidence.length > 0 || step.templates.length > 0) && (
        <div class="chips">
          {step.evidence.map((e) => (
            <span class="chip" key={e}>
              {texts.t(`evidence_${e}`)}
            </span>
          ))}
          {step.templates.map((scenario) => (
            <button type="button" class="chip template" key={scenario} data-testid="step-template" onClick={() => (shown.value = shown.value === scenario ? null : scenario)}>
              {texts.t(`scenario_${scenario}`)}
            </button>
          ))}
        </div>
      )}
      {shown.value &&
        texts.templates(shown.value, record.platform).map((template) => (
          <div class="template-text" key={template.id}>
            {template.text}
          </div>
        ))}
    </li>
  );
}

/** The case's steps in stage order with the agent's ticks and note. */
export function ChecklistView({ record, checklist, progress, now, texts, actions }: { record: CaseRecord; checklist: Checklist; progress: ChecklistRecord; now: Signal<number>; texts: PanelTexts; actions: PanelActions }) {
  const fresh = stageIsNew(progress, record.stage);
  return (
    <>
      {fresh && (
        <div class="banner" data-testid="stage-changed">
          <span>{texts.t('panelStageChanged', [record.stageText])}</span>
          <button type="button" onClick={actions.stageSeen}>
            {texts.t('panelStageSeen')}
          </button>
        </div>
      )}
      <ol>
        {checklist.steps.map((step) => (
          <Step key={step.id} step={step} record={record} ticked={progress.ticked.includes(step.id)} fresh={fresh} now={now.value} texts={texts} actions={actions} />
        ))}
      </ol>
      <div class="notes">
        {/* Uncontrolled: a stored echo of what is being typed must not move the cursor. */}
        <textarea key={record.id} data-testid="case-note" placeholder={texts.t('panelNotePlaceholder')} defaultValue={progress.note} onInput={(e) => actions.note(e.currentTarget.value)} />
      </div>
    </>
  );
}
