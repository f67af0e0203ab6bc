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

export { prng } from '../prng';
