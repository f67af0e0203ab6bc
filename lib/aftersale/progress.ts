import type { ChecklistRecord, KefuDB } from '../store/db';

/** Notes are free text typed by an agent; a cap keeps one record from growing without bound. */
export const MAX_NOTE_LENGTH = 5_000;

const empty = (caseId: string): ChecklistRecord => ({ caseId, ticked: [], note: '', seenStage: null, updatedAt: 0 });

export async function loadProgress(db: KefuDB, caseId: string): Promise<ChecklistRecord> {
  return (await db.checklists.get(caseId)) ?? empty(caseId);
}

/** Read-modify-write in one transaction: two open panels ticking at once both land. */
async function change(db: KefuDB, caseId: string, now: number, edit: (record: ChecklistRecord) => ChecklistRecord): Promise<ChecklistRecord> {
  return db.transaction('rw', db.checklists, async () => {
    const next = { ...edit(await loadProgress(db, caseId)), updatedAt: now };
    await db.checklists.put(next);
    return next;
  });
}

export function setStepTicked(db: KefuDB, caseId: string, stepId: string, ticked: boolean, now: number): Promise<ChecklistRecord> {
  return change(db, caseId, now, (r) => ({ ...r, ticked: ticked ? [...new Set([...r.ticked, stepId])] : r.ticked.filter((id) => id !== stepId) }));
}

export function setNote(db: KefuDB, caseId: string, note: string, now: number): Promise<ChecklistRecord> {
  return change(db, caseId, now, (r) => ({ ...r, note: note.slice(0, MAX_NOTE_LENGTH) }));
}

/** The agent has seen the checklist in this stage: the "new stage" highlight goes. */
export function markStageSeen(db: KefuDB, caseId: string, stage: string | null, now: number): Promise<ChecklistRecord> {
  return change(db, caseId, now, (r) => ({ ...r, seenStage: stage }));
}

/** True when the case moved to a stage the agent has not seen the checklist in yet. */
export function stageIsNew(progress: ChecklistRecord, stage: string | null): boolean {
  return progress.seenStage !== null && progress.seenStage !== stage;
}
