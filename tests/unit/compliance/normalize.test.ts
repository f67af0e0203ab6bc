import { describe, expect, it } from 'vitest';
import { normalize } from '@/lib/compliance';
import { foldedSpan, skeletonSpan } from '@/lib/compliance/normalize';

describe('normalize', () => {
  it('folds fullwidth and case (NFKC), circled and fullwidth digits', () => {
    expect(normalize('ＡＢＣ１２３').folded).toBe('abc123');
    expect(normalize('①③⑧ Ⓥ').folded).toBe('138 v');
    expect(normalize('ＮＯ．１').skeleton).toBe('no1');
  });

  it('folds traditional characters from its small table', () => {
    expect(normalize('微信號碼、掃碼、好評返現、複刻').folded).toBe('微信号码、扫码、好评返现、复刻');
  });

  it('drops emoji, zero-width characters, variation selectors and decorative symbols', () => {
    const n = normalize('微\u200b❤️信😀');
    expect(n.folded).toBe('微信');
    expect(n.start[0]).toBe(0);
    expect(n.end[1]).toBe(5); // "信" comes after the zero-width space and the heart with its selector
  });

  it('turns Chinese numerals into digits only inside digit runs of five or more', () => {
    expect(normalize('幺三八零零幺三八零零零').folded).toBe('13800138000');
    expect(normalize('138零零13八000').folded).toBe('13800138000');
    expect(normalize('两三四五六').folded).toBe('23456');
    for (const word of ['第一次', '一两个', '三五天', '七七八八', '零食', '一二三四']) expect(normalize(word).folded).toBe(word);
  });

  it('rewrites homophones and aliases of contact channels', () => {
    for (const alias of ['V信', 'v信', '薇信', '威信', '维信', '微x', 'vx', 'VX', 'wx', 'WeChat', '薇 信']) expect(normalize(alias).skeleton, alias).toBe('微信');
    expect(normalize('扣扣').folded).toBe('qq');
    expect(normalize('企鹅号').folded).toBe('qq号');
    expect(normalize('Q号').folded).toBe('qq号');
    expect(normalize('qq号').folded).toBe('qq号');
    expect(normalize('➕v 12345').folded).toBe('加微信 12345');
    expect(normalize('+V信').folded).toBe('加微信');
  });

  it('leaves look-alike contexts alone: +86, 1+1, vip, words around wx', () => {
    expect(normalize('+86 138').folded).toBe('+86 138');
    expect(normalize('1+1').folded).toBe('1+1');
    expect(normalize('加vip').folded).toBe('加vip');
    expect(normalize('abcwx1').folded).toBe('abcwx1');
    expect(normalize('v我50').folded).toBe('v我50');
  });

  it('skeleton drops separators (spaces - . _ / · ~), compact drops only spaces; newlines stay', () => {
    const n = normalize('高 仿-A_货.com/x·y～z\nok');
    expect(n.skeleton).toBe('高仿a货comxyz\nok');
    expect(n.compact).toBe('高仿-a_货.com/x·y~z\nok');
  });

  it('maps every folded, skeleton and compact unit back into the original text, in order', () => {
    const text = '亲😀，加我V❤信 ａｂｃ_123 或 幺三八零零幺三八零零零，扣扣 12345！';
    const n = normalize(text);
    let last = 0;
    for (let i = 0; i < n.folded.length; i++) {
      expect(n.start[i]).toBeGreaterThanOrEqual(last);
      expect(n.end[i]).toBeGreaterThan(n.start[i]!);
      expect(n.end[i]).toBeLessThanOrEqual(text.length);
      last = n.start[i]!;
    }
    for (let s = 0; s < n.skeleton.length; s++) expect(n.folded[n.skelToFold[s]!]).toBe(n.skeleton[s]);
    for (let c = 0; c < n.compact.length; c++) expect(n.folded[n.compactToFold[c]!]).toBe(n.compact[c]);
    const at = n.skeleton.indexOf('微信');
    expect(text.slice(skeletonSpan(n, at, at + 2).start, skeletonSpan(n, at, at + 2).end)).toBe('V❤信');
    const q = n.folded.indexOf('qq');
    expect(text.slice(foldedSpan(n, q, q + 2).start, foldedSpan(n, q, q + 2).end)).toBe('扣扣');
  });

  it('is stable for text without anything to fold', () => {
    const text = '亲、您好。有什么可以帮您的吗';
    const n = normalize(text);
    expect(n.folded).toBe(text);
    expect(Array.from(n.start)).toEqual(Array.from(text, (_, i) => i));
  });

  it('handles empty text and lone surrogates', () => {
    expect(normalize('').folded).toBe('');
    expect(normalize('a\ud800b').folded.length).toBeGreaterThan(0);
  });
});
