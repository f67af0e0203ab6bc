// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jdAdapter } from '@/lib/adapters/jd';
import { kuaishouAdapter } from '@/lib/adapters/kuaishou';
import type { ConsoleAdapter } from '@/lib/adapters/registry-types';
import { startChatSession } from '@/lib/content/chat-session';
import type { Session, SessionEnv } from '@/lib/content/context';
import { fixtureDocument } from '../helpers';

let session: Session | null = null;
afterEach(() => {
  session?.stop();
  session = null;
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

function start(adapter: ConsoleAdapter, platform: string, fixture: string) {
  document.body.innerHTML = fixtureDocument(platform, fixture).body.innerHTML;
  const sent: unknown[] = [];
  const env: SessionEnv = {
    doc: document,
    send: async (message) => {
      sent.push(message);
      return { ok: true, degraded: false, deadlines: [] };
    },
    t: (key) => key,
    isInvalid: () => false,
    shop: 'default',
    check: (text) => (text.includes('微信') ? [{ category: 'contact_off_platform', severity: 'block', start: text.indexOf('微信'), end: text.indexOf('微信') + 2, reason: 'r', rewrite: '平台' }] : []),
    guardEnabled: () => true,
  };
  session = startChatSession(adapter, adapter.chat!, env);
  return sent;
}

describe('the chat session guards the rich editors', () => {
  for (const [adapter, platform, fixture, css] of [
    [kuaishouAdapter, 'kuaishou', 'chat-waiting.html', 'div.ql-editor'],
    [jdAdapter, 'jd', 'chat.html', '.EditorContent'],
  ] as const) {
    it(`${platform}: attaches the draft guard to the contenteditable input and its Enter is guarded`, async () => {
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      start(adapter, platform, fixture);
      expect(document.querySelector('kefu-guard-draft')).not.toBeNull();
      const editor = document.querySelector<HTMLElement>(css)!;
      editor.innerHTML = '<p>加我微信</p>';
      editor.dispatchEvent(new InputEvent('input', { bubbles: true }));
      await new Promise((resolve) => setTimeout(resolve, 50));
      const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
      editor.dispatchEvent(enter);
      expect(enter.defaultPrevented).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(document.querySelector('kefu-guard-draft')!.shadowRoot!.querySelector('[data-testid="draft-confirm"]')).not.toBeNull();
    });
  }
});
