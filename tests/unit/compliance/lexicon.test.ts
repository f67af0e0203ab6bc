// Lexicon files are data: strict, canonical, already simplified; shops add, remove and allow terms.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, checkMessage, compileLexicon, defaultLexicon, defaultLexiconData, NAMED_RULES } from '@/lib/compliance';
import { formatLexiconFile, parseBuyerFile, parseCategoryFile, parseNamesFile } from '@/lib/compliance/lexicon';
import { normalize } from '@/lib/compliance/normalize';
import { CATEGORY_RULES } from '@/lib/compliance/rules';
import { PLATFORM_IDS } from '@/lib/domain/platform';
import { spans } from './helpers';

const DIR = path.resolve('lib/compliance/lexicon');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
const text = (file: string) => readFileSync(path.join(DIR, file), 'utf8');

describe('lexicon files', () => {
  it('there is one file per category, plus names.json and buyer.json', () => {
    expect(files).toEqual([...CATEGORIES.map((c) => `${c}.json`), 'buyer.json', 'names.json'].sort());
  });

  it.each(files)('%s parses and is canonical (format(parse(file)) === file)', (file) => {
    const raw = JSON.parse(text(file));
    const parsed = file === 'names.json' ? parseNamesFile(raw) : file === 'buyer.json' ? parseBuyerFile(raw) : parseCategoryFile(raw, file);
    expect(formatLexiconFile(parsed)).toBe(text(file));
    if (file !== 'names.json' && file !== 'buyer.json') expect((parsed as { category: string }).category).toBe(file.replace('.json', ''));
  });

  it('an unknown field is reported with its path', () => {
    const raw = JSON.parse(text('counterfeit.json'));
    raw.terms[0].severity = 'block';
    expect(() => parseCategoryFile(raw, 'counterfeit.json')).toThrow(/counterfeit\.json: terms\.0: .*severity/);
    const names = JSON.parse(text('names.json'));
    delete names.platforms.jd;
    expect(() => parseNamesFile(names)).toThrow(/platforms\.jd/);
  });

  it('every entry is written already folded (simplified, no fullwidth), so the table needs no variants', () => {
    const data = defaultLexiconData();
    const entries = data.categories.flatMap((f) => [
      ...f.terms,
      ...f.allow,
      ...f.exact,
      ...f.combos.flatMap((c) => c.parts.flat().filter((w) => !w.startsWith('@')).map((term) => ({ term }))),
      ...Object.values(f.platforms).flatMap((p) => [...(p?.terms ?? []), ...(p?.allow ?? [])]),
    ]);
    expect(entries.length).toBeGreaterThan(500);
    for (const { term } of entries) {
      const folded = normalize(term).folded;
      expect(folded, term).toBe(term.toLowerCase().replace('：', ':'));
    }
  });

  it('every named rule resolves, and every platform has a rule for every category', () => {
    for (const file of defaultLexiconData().categories) {
      for (const entry of [...file.terms, ...file.exact, ...file.combos]) if (entry.rule) expect(NAMED_RULES[entry.rule], entry.rule).toBeDefined();
    }
    for (const platform of PLATFORM_IDS) {
      for (const category of CATEGORIES) {
        const rule = CATEGORY_RULES[platform][category];
        expect(rule.ref, `${platform} ${category}`).toMatch(/^(PD|TB|DY|KS|JD|X|P)\d+$/);
        expect(rule.reason).toMatch(/[：:]/);
      }
    }
  });
});

describe('compileLexicon', () => {
  const data = defaultLexiconData();

  it('the default lexicon is compiled once and shared', () => {
    expect(defaultLexicon()).toBe(defaultLexicon());
    expect(defaultLexicon().termCount).toBeGreaterThan(400);
  });

  it('adds terms for a shop, on every platform, folded like the text', () => {
    const lexicon = compileLexicon(data, { add: { absolute_claim: ['特价王'], counterfeit: ['ＯＥＭ货'] } });
    expect(spans('本店特价王', 'pdd', lexicon)).toEqual([['absolute_claim', '特价王']]);
    expect(spans('这是oem 货', 'jd', lexicon)).toEqual([['counterfeit', 'oem 货']]);
    expect(spans('本店特价王')).toEqual([]);
  });

  it('removes built-in terms by their folded form, and whole-message entries too', () => {
    const lexicon = compileLexicon(data, { remove: { absolute_claim: ['最好的'], tone: ['不行'] } });
    expect(spans('这是最好的面料', 'pdd', lexicon)).toEqual([]);
    expect(spans('不行', 'pdd', lexicon)).toEqual([]);
    expect(spans('顶级面料', 'pdd', lexicon)).toEqual([['absolute_claim', '顶级']]);
  });

  it('allows a shop\'s own harmless context', () => {
    const lexicon = compileLexicon(data, { allow: { absolute_claim: ['最佳拍档'] } });
    expect(spans('我们是您的最佳拍档', 'pdd', lexicon)).toEqual([]);
    expect(spans('最佳品质', 'pdd', lexicon)).toEqual([['absolute_claim', '最佳']]);
  });

  it('a platform addition applies on that platform only', () => {
    const file = parseCategoryFile({ ...JSON.parse(text('qr_code.json')), platforms: { jd: { terms: [{ term: '京东码' }] } } });
    const lexicon = compileLexicon({ ...data, categories: data.categories.map((f) => (f.category === 'qr_code' ? file : f)) });
    expect(spans('京东码', 'jd', lexicon)).toEqual([['qr_code', '京东码']]);
    expect(spans('京东码', 'pdd', lexicon)).toEqual([]);
  });

  it('a 20,000-term lexicon builds once and checks a 200-character draft the same way every time (sanity loop, no timing)', () => {
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const add: Partial<Record<(typeof CATEGORIES)[number], string[]>> = {};
    for (let i = 0; i < 20_000; i++) {
      const length = 3 + Math.floor(rnd() * 3);
      let term = '';
      for (let k = 0; k < length; k++) term += String.fromCharCode(0x4e00 + Math.floor(rnd() * 2000));
      (add[CATEGORIES[i % CATEGORIES.length]!] ??= []).push(term);
    }
    const lexicon = compileLexicon(data, { add });
    expect(lexicon.termCount).toBeGreaterThan(20_000);
    const draft = '亲，您好！您的订单号 260909-672850297221479 已经发货了，快递单号 SF1234567890123，预计明天送达。这款是高仿真玩具，第一次购买最好是先看说明书，价格¥1,299.00，重量500g，有任何问题可以直接在这里联系我。加我V信 abc_123 给您优惠，138 0013 8000。'.padEnd(200, '的');
    expect(draft.length).toBe(200);
    const first = checkMessage(draft, { platform: 'pdd', lexicon });
    expect(first.map((f) => draft.slice(f.start, f.end))).toEqual(['加我V信 abc_123', '138 0013 8000']);
    for (let i = 0; i < 1000; i++) expect(checkMessage(draft, { platform: 'pdd', lexicon }).length).toBe(2);
  });
});
