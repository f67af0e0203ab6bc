import { readFileSync } from 'node:fs';
import path from 'node:path';
import { catalogTranslate } from '@/lib/i18n';

export function fixture(platform: string, name: string): string {
  return readFileSync(path.resolve('tests/fixtures', platform, name), 'utf8');
}

/** A document parsed from fixture HTML (needs the happy-dom environment). */
export function fixtureDocument(platform: string, name: string): Document {
  return new DOMParser().parseFromString(fixture(platform, name), 'text/html');
}

export function translator(locale: 'zh_CN' | 'en') {
  return catalogTranslate(JSON.parse(readFileSync(path.resolve('public/_locales', locale, 'messages.json'), 'utf8')));
}

/** Epoch ms of a wall-clock time in Asia/Shanghai. */
export const shanghai = (iso: string) => Date.parse(`${iso}+08:00`);

/** A small seeded PRNG (mulberry32) returning floats in [0, 1): a failing run reproduces from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
