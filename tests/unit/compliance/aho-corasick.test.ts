import { describe, expect, it } from 'vitest';
import { AhoCorasick } from '@/lib/compliance/aho-corasick';

function naive(patterns: string[], text: string): string[] {
  const out: string[] = [];
  for (let end = 1; end <= text.length; end++) {
    patterns.forEach((p, id) => {
      if (p.length > 0 && end >= p.length && text.slice(end - p.length, end) === p && patterns.indexOf(p) === id) out.push(`${id}@${end}`);
    });
  }
  return out.sort();
}

describe('AhoCorasick', () => {
  it('reports every occurrence of every pattern, overlapping and nested', () => {
    const patterns = ['he', 'she', 'his', 'hers', '高仿', '高仿真', '仿真', '第一', '第一次'];
    const ac = new AhoCorasick(patterns);
    const found: string[] = [];
    ac.search('ushers 高仿真 第一次', (id, end) => found.push(`${patterns[id]}@${end}`));
    expect(found).toEqual(['she@4', 'he@4', 'hers@6', '高仿@9', '高仿真@10', '仿真@10', '第一@13', '第一次@14']);
  });

  it('agrees with a naive search on random text', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const alphabet = 'ab微信高仿';
    const word = (len: number) => Array.from({ length: len }, () => alphabet[rnd(alphabet.length)]).join('');
    for (let round = 0; round < 30; round++) {
      const patterns = Array.from({ length: 1 + rnd(12) }, () => word(1 + rnd(4)));
      const text = word(60);
      const ac = new AhoCorasick(patterns);
      const found: string[] = [];
      ac.search(text, (id, end) => found.push(`${id}@${end}`));
      expect(found.sort()).toEqual(naive(patterns, text));
    }
  });

  it('ignores empty patterns, keeps the first id of duplicates, and resets on unknown characters', () => {
    const ac = new AhoCorasick(['', 'ab', 'ab']);
    const found: number[] = [];
    ac.search('a€b ab', (id) => found.push(id));
    expect(found).toEqual([1]);
    expect(ac.length(1)).toBe(2);
  });
});

describe('Aho–Corasick against a naive matcher', () => {
  it('finds exactly the naive matches on random CJK/ASCII texts with overlapping and nested patterns', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = ['加', '微', '信', 'v', 'x', '1', '2', '😀', 'a', '最', '好'];
    const word = (max: number) => Array.from({ length: 1 + Math.floor(random() * max) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let round = 0; round < 50; round++) {
      const patterns = [...new Set(Array.from({ length: 1 + Math.floor(random() * 30) }, () => word(4)))];
      const text = word(200);
      const matcher = new AhoCorasick(patterns);
      const found: string[] = [];
      matcher.search(text, (id, end) => found.push(`${id}@${end}`));
      const naive: string[] = [];
      for (let end = 1; end <= text.length; end++)
        patterns.forEach((p, id) => {
          if (end >= p.length && text.slice(end - p.length, end) === p) naive.push(`${id}@${end}`);
        });
      expect(found.sort()).toEqual(naive.sort());
    }
  });
});
