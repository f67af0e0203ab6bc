import { afterEach, describe, expect, it } from 'vitest';
import { checkMessage } from '@/lib/compliance';
import { ShopLexiconProvider } from '@/lib/compliance/shop-lexicon';
import { KefuDB } from '@/lib/store/db';

let db: KefuDB;
afterEach(async () => db?.delete());

describe('shop lexicon settings', () => {
  it('an added term is flagged, a removed one is not, and both survive a restart', async () => {
    db = new KefuDB(`lex-${Math.random()}`);
    const provider = new ShopLexiconProvider(db);
    await provider.load();
    const draft = '这款是爆款神器，绝对顶级';
    const before = checkMessage(draft, { platform: 'pdd', lexicon: provider.lexicon() });
    expect(before.some((f) => draft.slice(f.start, f.end).includes('爆款神器'))).toBe(false);
    expect(await provider.set({ add: { absolute_claim: ['爆款神器'] }, remove: {}, allow: {} }, 1)).toEqual({ ok: true });

    const restarted = new ShopLexiconProvider(db);
    await restarted.load();
    const after = checkMessage(draft, { platform: 'pdd', lexicon: restarted.lexicon() });
    expect(after.some((f) => f.category === 'absolute_claim' && draft.slice(f.start, f.end).includes('爆款神器'))).toBe(true);
  });

  it('rejects a bad value naming the field and keeps the previous lexicon', async () => {
    db = new KefuDB(`lex-${Math.random()}`);
    const provider = new ShopLexiconProvider(db);
    await provider.load();
    await provider.set({ add: { counterfeit: ['仿版'] }, remove: {}, allow: {} }, 1);
    const bad = await provider.set({ add: { nonsense: ['x'] }, remove: {}, allow: {} }, 2);
    expect(bad).toMatchObject({ ok: false, error: expect.stringContaining('add') });
    expect(checkMessage('这个是仿版', { platform: 'pdd', lexicon: provider.lexicon() }).some((f) => f.category === 'counterfeit')).toBe(true);
  });

  it('a corrupted stored value is reported and the built-in lexicon used', async () => {
    db = new KefuDB(`lex-${Math.random()}`);
    await db.settings.put({ key: 'shopLexicon', value: { add: 'oops' }, updatedAt: 1 });
    const provider = new ShopLexiconProvider(db);
    await provider.load();
    expect(provider.problem).toMatch(/stored shop lexicon ignored/);
    expect(checkMessage('加我微信 abc12345', { platform: 'pdd', lexicon: provider.lexicon() }).length).toBeGreaterThan(0);
  });
});
