import { UserTemplates, USER_TEMPLATES_KEY, type ReplyTemplate } from '@/lib/replies/schema';
import type { KefuDB } from '@/lib/store/db';
import { problemsFromIssues, type Problem } from './problems';
import { replaceIn } from './templates-model';

export type StoreResult = { ok: true } | { ok: false; problems: Problem[] };
type Change = (current: ReplyTemplate[]) => { ok: true; list: ReplyTemplate[] } | { ok: false; problems: Problem[] };

/**
 * Change the shop's templates in one Dexie transaction: read what is stored now (another options
 * tab may have changed it), apply the change, validate the whole list with the stored schema, write.
 * A stored list that is itself invalid is never overwritten from here.
 */
export async function changeUserTemplates(db: KefuDB, change: Change, now = Date.now()): Promise<StoreResult> {
  return db.transaction('rw', db.settings, async (): Promise<StoreResult> => {
    const stored = await db.settings.get(USER_TEMPLATES_KEY);
    const current = UserTemplates.safeParse(stored?.value ?? []);
    if (!current.success) return { ok: false, problems: [{ path: '', kind: 'storedInvalid' }] };
    const next = change(current.data);
    if (!next.ok) return next;
    const parsed = UserTemplates.safeParse(next.list);
    // Issue paths start with the list index: the editor shows them by field.
    if (!parsed.success) return { ok: false, problems: problemsFromIssues(parsed.error.issues, [0]) };
    await db.settings.put({ key: USER_TEMPLATES_KEY, value: parsed.data, updatedAt: now });
    return { ok: true };
  });
}

/** What the templates editor needs from storage (a fake in component tests). */
export interface TemplateStore {
  save(template: ReplyTemplate, original: string | null): Promise<StoreResult>;
  remove(id: string): Promise<StoreResult>;
}

export function dexieTemplateStore(db: KefuDB): TemplateStore {
  return {
    save: (template, original) => changeUserTemplates(db, (list) => replaceIn(list, original, template)),
    remove: (id) => changeUserTemplates(db, (list) => ({ ok: true, list: list.filter((x) => x.id !== id) })),
  };
}
