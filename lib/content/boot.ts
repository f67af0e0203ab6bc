import type { ConsoleAdapter } from '../adapters/registry-types';
import { parseDraftCheckReply } from '../messaging/reply-guards';
import { runConsole } from './run-console';

/** The parts of WXT's ContentScriptContext this needs. */
interface ScriptContext {
  isInvalid: boolean;
  onInvalidated(cb: () => void): void;
  addEventListener(target: Window, type: 'wxt:locationchange', listener: () => void): void;
}

/** Written by the background from the options (lib/settings/schema.ts contentSettings). */
const GUARD_KEY = 'preSendGuard';
const DISABLED_KEY = 'disabledPlatforms';

/**
 * Content-script body for any console: wires the browser (messaging, i18n, the pre-send guard
 * setting) to the pure sessions. Never throws into the host page.
 */
export function bootConsole(adapter: ConsoleAdapter, ctx: ScriptContext): void {
  try {
    let guardEnabled = true; // default on
    let session: { stop(): void } | null = null;
    // A platform switched off in the options is left alone entirely; switched on again, it starts.
    const follow = (disabled: unknown) => {
      const off = Array.isArray(disabled) && disabled.includes(adapter.id);
      if (off && session) {
        session.stop();
        session = null;
      } else if (!off && !session && !ctx.isInvalid) session = start();
    };
    void browser.storage.local
      .get([GUARD_KEY, DISABLED_KEY])
      .then((stored) => {
        guardEnabled = stored[GUARD_KEY] !== false;
        follow(stored[DISABLED_KEY]);
      })
      .catch(() => follow(null));
    browser.storage.onChanged.addListener((changes) => {
      if (GUARD_KEY in changes) guardEnabled = changes[GUARD_KEY]?.newValue !== false;
      if (DISABLED_KEY in changes) follow(changes[DISABLED_KEY]?.newValue);
    });
    const start = () => runConsole(
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
        listen(handler) {
          const listener = (message: unknown) => {
            handler(message);
            return undefined;
          };
          browser.runtime.onMessage.addListener(listener);
          return () => browser.runtime.onMessage.removeListener(listener);
        },
      },
      (listener) => ctx.addEventListener(window, 'wxt:locationchange', listener),
    );
    ctx.onInvalidated(() => session?.stop());
  } catch (error) {
    console.warn('[kefu-guard] content script stopped', error);
  }
}
