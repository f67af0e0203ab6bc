import { describe, expect, it } from 'vitest';
import { blankForm, complianceProblems, duplicateForm, failingList, formToTemplate, freeId, replaceIn, templateToForm, usedVariables, variableRows, type TemplateForm } from '@/components/options/templates-model';
import { compileLexicon, defaultLexiconData } from '@/lib/compliance';
import { shippedTemplates } from '@/lib/replies/library';
import { UserTemplates, type ReplyTemplate } from '@/lib/replies/schema';

const welcome = shippedTemplates().find((t) => t.id === 'greeting.welcome')!;
const mine = (text: string, platforms: ReplyTemplate['platforms'] = ['pdd', 'douyin']): ReplyTemplate => {
  const built = formToTemplate({ ...blankForm(new Set()), id: 'user.greeting.own', text, platforms });
  if (!built.ok) throw new Error(JSON.stringify(built.problems));
  return built.template;
};

describe('template editor values', () => {
  it('a copy of a shipped template is a user template with a free id, not stored yet', () => {
    const copy = duplicateForm(welcome, new Set(['greeting.welcome']));
    expect(copy).toMatchObject({ id: 'user.greeting.welcome', original: null, text: welcome.text, platforms: welcome.platforms });
    expect(duplicateForm(welcome, new Set(['user.greeting.welcome'])).id).toBe('user.greeting.welcome_2');
    expect(freeId('user.greeting.welcome', new Set(['user.greeting.welcome', 'user.greeting.welcome_2']))).toBe('user.greeting.welcome_3');
    const built = formToTemplate(copy);
    expect(built.ok && UserTemplates.safeParse([built.template]).success).toBe(true);
  });

  it('variables follow the text: required unless given a fallback, and the buyer nick falls back to 亲', () => {
    expect(usedVariables('{buyerNick}您好，订单{orderId}已发出，{orderId}')).toEqual(['buyerNick', 'orderId']);
    const form: TemplateForm = { ...blankForm(new Set()), text: '{buyerNick}您好，订单{orderId}预计{deadline}前发出' };
    expect(variableRows(form).map((r) => [r.name, r.spec.required])).toEqual([
      ['buyerNick', false],
      ['orderId', true],
      ['deadline', true],
    ]);
    const edited = { ...form, variables: { deadline: { required: false, fallback: ' 48小时内 ' }, orderId: { required: true, fallback: 'ignored' } } };
    const built = formToTemplate(edited);
    expect(built.ok && built.template.variables).toEqual({ buyerNick: { required: false, fallback: '亲' }, orderId: { required: true }, deadline: { required: false, fallback: '48小时内' } });
    // A variable removed from the text is no longer declared.
    const fewer = formToTemplate({ ...edited, text: '订单{orderId}已发出' });
    expect(fewer.ok && fewer.template.variables).toEqual({ orderId: { required: true } });
  });

  it('names what is wrong: unknown variable, empty text, no platform', () => {
    expect(formToTemplate({ ...blankForm(new Set()), text: '您好{nickname}' })).toEqual({ ok: false, problems: [{ path: 'text', kind: 'unknownVariable', item: '{nickname}' }] });
    expect(formToTemplate({ ...blankForm(new Set()), text: '  ' })).toEqual({ ok: false, problems: [{ path: 'text', kind: 'required' }] });
    expect(formToTemplate({ ...blankForm(new Set()), text: '您好', platforms: [] })).toEqual({ ok: false, problems: [{ path: 'platforms', kind: 'platforms' }] });
  });

  it('round-trips a stored template through the editor', () => {
    const stored = mine('{buyerNick}您好，{product}今天发货');
    expect(formToTemplate(templateToForm(stored))).toEqual({ ok: true, template: stored });
  });

  it('a template the check would block is refused on the text, once per platform', () => {
    const bad = mine('加我V信 abc_123，便宜点', ['pdd', 'jd']);
    const problems = complianceProblems(bad, undefined);
    expect(problems.map((p) => [p.path, p.kind, p.kind === 'compliance' && p.platform])).toEqual([
      ['text', 'compliance', 'pdd'],
      ['text', 'compliance', 'jd'],
    ]);
    expect(complianceProblems(mine('{buyerNick}您好，今天就给您发货'), undefined)).toEqual([]);
  });

  it('puts a saved template into the list: a new id must be free, an edited one must still exist', () => {
    const a = mine('您好');
    const b = { ...mine('再见'), id: 'user.farewell.own' };
    expect(replaceIn([b], null, a)).toEqual({ ok: true, list: [a, b] });
    expect(replaceIn([a], null, a)).toEqual({ ok: false, problems: [{ path: 'id', kind: 'taken', item: a.id }] });
    expect(replaceIn([a, b], a.id, { ...a, text: '您好呀' })).toEqual({ ok: true, list: [{ ...a, text: '您好呀' }, b] });
    expect(replaceIn([b], a.id, a)).toEqual({ ok: false, problems: [{ path: '', kind: 'gone' }] });
  });
});

describe('templates that now fail', () => {
  it('a lexicon change makes a passing user template fail, per platform, with the reason', () => {
    const templates = [mine('{buyerNick}您好，本店包邮，私聊小号有惊喜', ['pdd', 'douyin']), { ...mine('{buyerNick}感谢光临'), id: 'user.farewell.own' }];
    expect(failingList(templates, undefined)).toEqual([]);
    // The same text on every platform (the browser test copies it to four of them).
    expect(failingList([mine(templates[0]!.text, ['pdd', 'taobao', 'douyin', 'kuaishou', 'jd'])], undefined)).toEqual([]);
    const shop = compileLexicon(defaultLexiconData(), { add: { contact_off_platform: ['私聊小号'] } });
    const failing = failingList(templates, shop);
    expect(failing.map((f) => [f.templateId, f.platform])).toEqual([
      ['user.greeting.own', 'pdd'],
      ['user.greeting.own', 'douyin'],
    ]);
    expect(failing[0]!.reason).toContain('私聊小号');
    // Allowing the phrase again clears it.
    const allowed = compileLexicon(defaultLexiconData(), { add: { contact_off_platform: ['私聊小号'] }, allow: { contact_off_platform: ['私聊小号有惊喜'] } });
    expect(failingList(templates, allowed)).toEqual([]);
  });

  it('removing a built-in term lets a template pass that failed before', () => {
    const template = mine('{buyerNick}这款面料是最好的', ['pdd']);
    expect(failingList([template], undefined).map((f) => f.templateId)).toEqual(['user.greeting.own']);
    const relaxed = compileLexicon(defaultLexiconData(), { remove: { absolute_claim: ['最好的'] } });
    expect(failingList([template], relaxed)).toEqual([]);
  });
});
