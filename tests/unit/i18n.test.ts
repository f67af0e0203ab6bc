import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVIDENCE, SCENARIOS } from '@/lib/aftersale/checklist';
import { CATEGORIES } from '@/lib/compliance';
import { PLATFORM_IDS } from '@/lib/domain/platform';
import { VARIABLES } from '@/lib/replies/schema';

type Catalog = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const catalog = (locale: string): Catalog => JSON.parse(readFileSync(path.resolve(`public/_locales/${locale}/messages.json`), 'utf8'));
const zh = catalog('zh_CN');
const en = catalog('en');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : /\.(ts|tsx|html)$/.test(name) ? [full] : [];
  });
}

/** Keys built at run time from a prefix and a known list. */
const DYNAMIC: Record<string, readonly string[]> = {
  platform_: PLATFORM_IDS,
  cat_: CATEGORIES,
  scenario_: SCENARIOS,
  evidence_: EVIDENCE,
  optLexicon_: ['add', 'remove', 'allow'],
  var_: VARIABLES,
};

describe('UI strings', () => {
  it('zh_CN and en have exactly the same keys, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const key of Object.keys(zh)) {
      expect(Object.keys(en[key]!.placeholders ?? {}).sort(), key).toEqual(Object.keys(zh[key]!.placeholders ?? {}).sort());
      for (const [name] of Object.entries(zh[key]!.placeholders ?? {})) {
        expect(zh[key]!.message.toLowerCase(), `${key} zh uses $${name}$`).toContain(`$${name}$`);
        expect(en[key]!.message.toLowerCase(), `${key} en uses $${name}$`).toContain(`$${name}$`);
      }
    }
  });

  it('every key the code asks for exists in both locales', () => {
    const used = new Set<string>();
    for (const file of [...sources('entrypoints'), ...sources('components'), ...sources('lib')]) {
      const code = readFileSync(file, 'utf8');
      for (const m of code.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) used.add(m[1]!);
      for (const m of code.matchAll(/getMessage\(\s*'([A-Za-z0-9_]+)'/g)) used.add(m[1]!);
      for (const m of code.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) used.add(m[1]!);
      for (const m of code.matchAll(/\bt\(\s*`([A-Za-z_]+)\$\{/g)) {
        const values = DYNAMIC[m[1]!];
        expect(values, `dynamic key prefix ${m[1]} in ${file}`).toBeDefined();
        for (const v of values!) used.add(`${m[1]}${v}`);
      }
    }
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used].filter((key) => !(key in zh) || !(key in en));
    expect(missing).toEqual([]);
  });
});
