import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { EXT_PATH } from '../../scripts/chromium-with-extension';

// The documented minimum (README, "Privacy"): anything beyond it fails here, on the built extension.
const PERMISSIONS = ['alarms', 'notifications', 'sidePanel', 'storage'];
const CONSOLE_ORIGINS = [
  'https://fxg.jinritemai.com',
  'https://im.jinritemai.com',
  'https://dongdong.jd.com',
  'https://shop.jd.com',
  'https://im.kwaixiaodian.com',
  'https://s.kwaixiaodian.com',
  'https://mms.pinduoduo.com',
  'https://*.taobao.com',
  'https://myseller.taobao.com',
  'https://qn.taobao.com',
  'https://refund2.taobao.com',
];

const manifest = () => JSON.parse(readFileSync(path.join(EXT_PATH, 'manifest.json'), 'utf8'));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

test('the built manifest asks for the documented minimum and nothing more', () => {
  const m = manifest();
  expect([...m.permissions].sort()).toEqual(PERMISSIONS);
  expect(m.host_permissions ?? []).toEqual([]);
  expect(m.optional_permissions ?? []).toEqual([]);
  expect(m.optional_host_permissions ?? []).toEqual([]);
  expect(m.externally_connectable).toBeUndefined();
  expect(m.web_accessible_resources ?? []).toEqual([]);
  const origins = new Set<string>(m.content_scripts.flatMap((cs: { matches: string[] }) => cs.matches.map((match) => new URL(match.replace('*.', 'wildcard.')).origin.replace('wildcard.', '*.'))));
  for (const origin of origins) expect(CONSOLE_ORIGINS, `content script origin ${origin}`).toContain(origin);
});

test('extension pages run under a strict CSP that forbids every connection', () => {
  const csp: string = manifest().content_security_policy.extension_pages;
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("connect-src 'none'");
  expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
});

test('no built script carries remote code or a network call', () => {
  const scripts = filesUnder(EXT_PATH).filter((f) => f.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(5);
  for (const file of scripts) {
    const code = readFileSync(file, 'utf8');
    const where = path.relative(EXT_PATH, file);
    expect(code, where).not.toMatch(/\bfetch\(|XMLHttpRequest|new WebSocket|importScripts\(|sendBeacon|new EventSource/);
    expect(code, where).not.toMatch(/<script[^>]+src=["']https?:/);
  }
  for (const page of filesUnder(EXT_PATH).filter((f) => f.endsWith('.html'))) {
    expect(readFileSync(page, 'utf8'), page).not.toMatch(/(src|href)=["']https?:/);
  }
});

test('the Firefox build has the same minimal permissions, the checklist as a sidebar, and declares no data collection', () => {
  const m = JSON.parse(readFileSync(path.resolve('.output/firefox-mv3/manifest.json'), 'utf8'));
  expect([...m.permissions].sort()).toEqual(PERMISSIONS.filter((p) => p !== 'sidePanel'));
  expect(m.host_permissions ?? []).toEqual([]);
  expect(m.sidebar_action.default_panel).toBe('sidepanel.html');
  expect(m.browser_specific_settings.gecko).toMatchObject({ id: 'kefu-guard@kefu-guard.local', data_collection_permissions: { required: ['none'] } });
  expect(m.content_security_policy.extension_pages).toContain("connect-src 'none'");
});
