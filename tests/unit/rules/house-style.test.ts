// House style for rule packs, in the manner of Dark Reader's config tests: every file parses,
// is canonical, cites sources that resolve, has unique ids, and a broken field is reported by path.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLATFORM_IDS } from '@/lib/domain/platform';
import { loadRulePack } from '@/lib/rules/packs';
import { formatRulePack, parseRulePack } from '@/lib/rules/schema';

const DIR = path.resolve('lib/rules/packs');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
const text = (file: string) => readFileSync(path.join(DIR, file), 'utf8');

describe('rule pack files', () => {
  it('there is exactly one pack per platform id', () => {
    expect(files).toEqual([...PLATFORM_IDS].sort().map((id) => `${id}.json`));
  });

  describe.each(files)('%s', (file) => {
    const pack = parseRulePack(JSON.parse(text(file)));

    it('is the pack of the platform it is named after and loads', () => {
      expect(pack.platform).toBe(file.replace('.json', ''));
      expect(loadRulePack(pack.platform).ok).toBe(true);
    });

    it('is canonical: format(parse(file)) === file', () => {
      expect(formatRulePack(pack)).toBe(text(file));
    });

    it('every rule and exemption cites at least one source key that resolves, and every source is used', () => {
      const cited = new Set<string>();
      // A source may back a rule, or only a reading the rule records as not chosen.
      for (const rule of [...pack.replyRules, ...pack.aftersaleRules])
        for (const alternative of rule.alternatives) for (const key of Object.keys(pack.sources)) if (new RegExp(`\\b${key}\\b`).test(alternative)) cited.add(key);
      for (const item of [...pack.replyRules, ...pack.aftersaleRules, ...pack.exemptions]) {
        expect(item.sources.length, item.id).toBeGreaterThan(0);
        for (const key of item.sources) {
          expect(pack.sources[key], `${item.id} → ${key}`).toBeDefined();
          cited.add(key);
        }
      }
      expect(Object.keys(pack.sources).filter((key) => !cited.has(key))).toEqual([]);
    });

    it('ids are unique and carry the platform prefix', () => {
      const ids = [...pack.replyRules, ...pack.aftersaleRules, ...pack.exemptions].map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id.startsWith(`${pack.platform}.`)).toBe(true);
    });

    it('warnings come before the deadline, and tracked clocks can be alarmed (≥ 60 s)', () => {
      for (const rule of pack.replyRules) {
        for (const before of rule.warnBeforeMs) expect(before, rule.id).toBeLessThan(rule.durationMs);
        if (rule.tracked) expect(rule.measure === 'deadline' && rule.durationMs >= 60_000, rule.id).toBe(true);
      }
      for (const rule of pack.aftersaleRules) {
        if (rule.duration.type === 'elapsed') for (const before of rule.warnBeforeMs) expect(before, rule.id).toBeLessThan(rule.duration.ms);
      }
    });

    it('every rule with conflicting sources records the readings not chosen', () => {
      for (const rule of [...pack.replyRules, ...pack.aftersaleRules]) {
        if (rule.trust === 'conflicting') expect(rule.alternatives.length, rule.id).toBeGreaterThan(0);
      }
    });

    it('an unknown field is reported with its path', () => {
      const raw = JSON.parse(text(file));
      const target = raw.aftersaleRules[0] ?? raw.replyRules[0];
      const list = raw.aftersaleRules[0] ? 'aftersaleRules' : 'replyRules';
      target.label.fr = 'non';
      expect(() => parseRulePack(raw)).toThrow(new RegExp(`${list}\\.0\\.label: .*fr`));
    });
  });
});
