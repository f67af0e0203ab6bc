import { afterEach, describe, expect, it } from 'vitest';
import { changeUserTemplates, dexieTemplateStore } from '@/components/options/template-store';
import { blankForm, formToTemplate } from '@/components/options/templates-model';
import { USER_TEMPLATES_KEY, type ReplyTemplate } from '@/lib/replies/schema';
import { KefuDB } from '@/lib/store/db';

let db: KefuDB | undefined;
afterEach(async () => db?.delete());

const template = (id: string, text: string): ReplyTemplate => {
  const built = formToTemplate({ ...blankForm(new Set()), id, text });
  if (!built.ok) throw new Error(JSON.stringify(built.problems));
  return built.template;
};
const stored = async () => (await db!.settings.get(USER_TEMPLATES_KEY))?.value;

describe('user templates in the store', () => {
  it('saves, edits and deletes, each as one validated write', async () => {
    db = new KefuDB(`tpl-${Math.random()}`);
    const store = dexieTemplateStore(db);
    const a = template('user.greeting.own', '{buyerNick}您好');
    expect(await store.save(a, null)).toEqual({ ok: true });
    expect(await stored()).toEqual([a]);
    const edited = { ...a, text: '{buyerNick}您好呀' };
    expect(await store.save(edited, a.id)).toEqual({ ok: true });
    expect(await stored()).toEqual([edited]);
    expect(await store.save(a, null)).toEqual({ ok: false, problems: [{ path: 'id', kind: 'taken', item: a.id }] });
    expect(await store.remove(a.id)).toEqual({ ok: true });
    expect(await stored()).toEqual([]);
    expect(await store.save(edited, a.id)).toEqual({ ok: false, problems: [{ path: '', kind: 'gone' }] });
  });

  it('validates the whole list before writing: nothing half-saved', async () => {
    db = new KefuDB(`tpl-${Math.random()}`);
    const a = template('user.greeting.own', '您好');
    await db.settings.put({ key: USER_TEMPLATES_KEY, value: [a], updatedAt: 1 });
    const result = await changeUserTemplates(db, (list) => ({ ok: true, list: [...list, { ...a, id: 'greeting.not_user' }] }));
    expect(result).toMatchObject({ ok: false, problems: [{ path: 'id' }] });
    expect(await stored()).toEqual([a]);
  });

  it('never overwrites a stored list that is itself invalid', async () => {
    db = new KefuDB(`tpl-${Math.random()}`);
    await db.settings.put({ key: USER_TEMPLATES_KEY, value: [{ id: 'broken' }], updatedAt: 1 });
    const result = await dexieTemplateStore(db).save(template('user.greeting.own', '您好'), null);
    expect(result).toEqual({ ok: false, problems: [{ path: '', kind: 'storedInvalid' }] });
    expect(await stored()).toEqual([{ id: 'broken' }]);
  });
});
