import type { ConsoleAdapter } from '../adapters/registry-types';
import { parseDraftCheckReply } from '../messaging/reply-guards';
import { runConsole } from './run-console';

/** The parts of WXT's ContentScriptContext this needs. */
interface ScriptContext {
  isInvalid: boolean;
  onInvalidated(cb: () => void): void;
  addEventListener(target: Window, type: 'wxt:locationchange', listener: () => void): void;
}

const GUARD_KEY = 'preSendGuard';

/**
 * Content-script body for any console: wires the browser (messaging, i18n, the pre-send guard
 * setting) to the pure sessions. Never throws into the host page.
 */
export function bootConsole(adapter: ConsoleAdapter, ctx: ScriptContext): void {
  try {
    let guardEnabled = true; // default on
    void browser.storage.local
      .get(GUARD_KEY)
      .then((stored) => (guardEnabled = stored[GUARD_KEY] !== false))
      .catch(() => undefined);
    browser.storage.onChanged.addListener((changes) => {
      if (GUARD_KEY in changes) guardEnabled = changes[GUARD_KEY]?.newValue !== false;
    });
    const session = runConsole(
      adapter,
      {
        doc: document,
        send: (message) => browser.runtime.sendMessage(message),
        t: (key, subs) => browser.i18n.getMessage(key as never, subs) || key,
        isInvalid: () => ctx.isInvalid,
        shop: 'default',
        // Checked in the extension's own worker (the checker is ~50 KB gzip, too big for every
        // content script); nothing leaves the browser.
        check: adapter.chat
          ? async (text) => {
              const reply = parseDraftCheckReply(await browser.runtime.sendMessage({ type: 'draft/check', platform: adapter.id, text: text.slice(0, 5000) }));
              if (!reply.ok) throw new Error(reply.error);
              return reply.findings;
            }
          : undefined,
        guardEnabled: () => guardEnabled,
      },
      (listener) => ctx.addEventListener(window, 'wxt:locationchange', listener),
    );
    ctx.onInvalidated(() => session.stop());
  } catch (error) {
    console.warn('[kefu-guard] content script stopped', error);
  }
}
