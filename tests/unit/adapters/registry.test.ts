// Convention test, in the manner of refined-github's feature checks: every adapter carries what the
// rest of the extension relies on, and no adapter claims another platform's pages.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADAPTERS, adapterFor } from '@/lib/adapters/registry';
import { PLATFORM_IDS } from '@/lib/domain/platform';

const FIXTURE_DIR: Record<string, string> = { pdd: 'pinduoduo' };
const locales = ['zh_CN', 'en'].map((l) => JSON.parse(readFileSync(path.resolve('public/_locales', l, 'messages.json'), 'utf8')) as Record<string, unknown>);
const KIND_PREFIX: Record<string, string> = { chat: 'chat', 'chat-history': 'history', 'aftersale-list': 'aftersale-list', 'aftersale-detail': 'aftersale-detail' };

describe('adapter registry', () => {
  it('has exactly one adapter per platform id', () => {
    expect(ADAPTERS.map((a) => a.id).sort()).toEqual([...PLATFORM_IDS].sort());
  });

  describe.each(ADAPTERS.map((a) => [a.id, a] as const))('%s', (id, adapter) => {
    const kinds = Object.keys(adapter.examples);

    it('has example URLs for each page kind it handles, each detected as that kind and by no other adapter', () => {
      expect(kinds.length).toBeGreaterThan(0);
      for (const [kind, urls] of Object.entries(adapter.examples)) {
        expect(urls!.length, kind).toBeGreaterThan(0);
        for (const url of urls!) {
          expect(adapter.detect(url), url).toBe(kind);
          expect(adapterFor(url)?.adapter.id, url).toBe(id);
          for (const other of ADAPTERS) if (other !== adapter) expect(other.detect(url), `${other.id} must not take ${url}`).toBeNull();
        }
      }
    });

    it('matches every example URL with its manifest match patterns', () => {
      const toRegExp = (pattern: string) => new RegExp(`^${pattern.replace(/[.?+^$()[\]{}|\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
      for (const urls of Object.values(adapter.examples)) for (const url of urls!) expect(adapter.matches.some((m) => toRegExp(m).test(url)), url).toBe(true);
    });

    it('has fixtures for each page kind it handles', () => {
      const dir = path.resolve('tests/fixtures', FIXTURE_DIR[id] ?? id);
      expect(existsSync(dir)).toBe(true);
      const files = readdirSync(dir);
      for (const kind of kinds) expect(files.some((f) => f.startsWith(KIND_PREFIX[kind]!)), `${kind} fixture in ${dir}`).toBe(true);
    });

    it('each fixture says where its structure comes from', () => {
      const dir = path.resolve('tests/fixtures', FIXTURE_DIR[id] ?? id);
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
        const head = readFileSync(path.join(dir, file), 'utf8').slice(0, 3000);
        expect(head, file).toMatch(/<!--[\s\S]*(consoles-dom|reference|§|id:\d|LIVE|CODE|FIXTURE|GUESSED)[\s\S]*-->/);
      }
    });

    it('has its i18n keys in both locales', () => {
      for (const catalog of locales) expect(catalog[`platform_${id}`], `platform_${id}`).toBeDefined();
    });

    it('a chat page comes with reader, roots, row finder and an input and send selector; otherwise says why not', () => {
      if (adapter.chat) {
        expect(adapter.chat.input.length).toBeGreaterThan(0);
        expect(adapter.chat.send.length).toBeGreaterThan(0);
        expect(kinds).toContain('chat');
      } else {
        expect(adapter.chatUnavailable?.zh_CN).toBeTruthy();
        expect(adapter.chatUnavailable?.en).toBeTruthy();
      }
    });
  });
});

describe('findRows agrees with findRow', () => {
  it.each([
    ['pdd', 'pinduoduo', 'chat-waiting.html'],
    ['douyin', 'douyin', 'chat-workspace.html'],
    ['kuaishou', 'kuaishou', 'chat-waiting.html'],
    ['jd', 'jd', 'chat.html'],
  ])('%s', async (id, dir, file) => {
    const { Window } = await import('happy-dom');
    const win = new Window();
    const doc = new win.DOMParser().parseFromString(readFileSync(path.resolve('tests/fixtures', dir, file), 'utf8'), 'text/html') as unknown as Document;
    const adapter = ADAPTERS.find((a) => a.id === id)!;
    const keys = adapter.chat!.read(doc, Date.now()).conversations.map((c) => c.key);
    expect(keys.length).toBeGreaterThan(0);
    const rows = adapter.chat!.findRows(doc, new Set(keys));
    for (const key of keys) expect(rows.get(key) ?? null, key).toBe(adapter.chat!.findRow(doc, key));
  });
});
