import { render } from 'preact';
import { computed, signal } from '@preact/signals';
import { liveQuery } from 'dexie';
import { CaseSummary, ChecklistView, type PanelActions, type PanelTexts } from '@/components/sidepanel/checklist-view';
import { SIDEPANEL_CASE_KEY } from '@/components/sidepanel/open';
import { buildChecklist } from '@/lib/aftersale/checklist';
import { loadProgress, markStageSeen, setNote, setStepTicked } from '@/lib/aftersale/progress';
import type { CaseKind } from '@/lib/rules/schema';
import { localeOf } from '@/lib/i18n';
import { loadRulePack } from '@/lib/rules/packs';
import { KefuDB, type CaseRecord, type ChecklistRecord } from '@/lib/store/db';
import { CASE_KINDS } from '@/lib/domain/aftersale';

const db = new KefuDB();
const locale = localeOf(browser.i18n.getUILanguage());
const t = (key: string, subs?: string[]) => browser.i18n.getMessage(key as never, subs) || key;
const texts: PanelTexts = { t, locale, templates: () => [] };

const now = signal(Date.now());
setInterval(() => (now.value = Date.now()), 1000);
const cases = signal<CaseRecord[]>([]);
const error = signal<string | null>(null);
const picked = signal<string | null>(new URLSearchParams(location.search).get('case'));
const progress = signal<ChecklistRecord | null>(null);

liveQuery(() => db.cases.toArray()).subscribe({
  next: (value) => (cases.value = value.sort((a, b) => (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity) || a.id.localeCompare(b.id))),
  error: (e: unknown) => (error.value = String(e)),
});

// The popup or an in-page chip names the case to show through session storage.
void browser.storage.session.get(SIDEPANEL_CASE_KEY).then((got) => {
  const id = got[SIDEPANEL_CASE_KEY];
  if (typeof id === 'string' && !picked.value) picked.value = id;
});
browser.storage.session.onChanged.addListener((changes) => {
  const id = changes[SIDEPANEL_CASE_KEY]?.newValue;
  if (typeof id === 'string') picked.value = id;
});

const current = computed(() => cases.value.find((c) => c.id === picked.value) ?? cases.value.find((c) => c.stage !== 'closed') ?? null);

let watching: { unsubscribe(): void } | null = null;
let watchedId: string | null = null;
/** Follow the shown case's progress; the first look at a case records its stage as seen. */
function watchProgress(record: CaseRecord | null) {
  if (record?.id === watchedId) return;
  watching?.unsubscribe();
  watchedId = record?.id ?? null;
  progress.value = null;
  if (!record) return;
  void loadProgress(db, record.id).then(async (p) => {
    if (p.seenStage === null) await markStageSeen(db, record.id, record.stage, Date.now());
  });
  watching = liveQuery(() => loadProgress(db, record.id)).subscribe({ next: (p) => (progress.value = p), error: (e: unknown) => (error.value = String(e)) });
}
current.subscribe(watchProgress);

let noteTimer: ReturnType<typeof setTimeout> | undefined;
const fail = (e: unknown) => (error.value = String(e));
const actions = (record: CaseRecord): PanelActions => ({
  tick: (stepId, ticked) => void setStepTicked(db, record.id, stepId, ticked, Date.now()).catch(fail),
  note(text) {
    clearTimeout(noteTimer);
    noteTimer = setTimeout(() => void setNote(db, record.id, text, Date.now()).catch(fail), 300);
  },
  stageSeen: () => void markStageSeen(db, record.id, record.stage, Date.now()).catch(fail),
});

const asKind = (kind: string | null): CaseKind | null => ((CASE_KINDS as readonly string[]).includes(kind ?? '') ? (kind as CaseKind) : null);

function Panel() {
  const record = current.value;
  const pack = record ? loadRulePack(record.platform) : null;
  return (
    <>
      <header>
        <h1>{t('sidepanelTitle')}</h1>
        {cases.value.length > 0 && (
          <select data-testid="case-picker" value={record?.id ?? ''} onChange={(e) => (picked.value = e.currentTarget.value)}>
            {cases.value.map((c) => (
              <option value={c.id} key={c.id}>
                {t(`platform_${c.platform}`)} · {c.caseId} · {c.stageText}
              </option>
            ))}
          </select>
        )}
      </header>
      {error.value && <div class="error">{t('popupStorageError', [error.value])}</div>}
      {!record && <div class="empty">{t('panelNoCases')}</div>}
      {record && pack && !pack.ok && <div class="error">{t('panelRulesBroken', [pack.error])}</div>}
      {record && pack?.ok && progress.value && (() => {
        const checklist = buildChecklist({
          platform: record.platform,
          kind: asKind(record.kind),
          stage: record.stage,
          pack: pack.pack,
          stageStartedAt: record.stageStartedAt,
          appliedAt: record.appliedAt,
          pageDeadline: record.pageDeadline,
          now: now.value,
        });
        return (
          <>
            <CaseSummary record={record} checklist={checklist} now={now} texts={texts} />
            <ChecklistView record={record} checklist={checklist} progress={progress.value} now={now} texts={texts} actions={actions(record)} />
          </>
        );
      })()}
    </>
  );
}

render(<Panel />, document.getElementById('app')!);
