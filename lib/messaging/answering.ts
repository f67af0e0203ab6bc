import type { Browser } from 'wxt/browser';

type Sender = Browser.runtime.MessageSender;

/**
 * A `runtime.onMessage` listener that answers with what its handler's promise resolves to, the way
 * Chrome and Firefox both support natively (`sendResponse`, and `true` to keep the channel open).
 * Without it only webextension-polyfill makes a returned promise the answer in Chrome, and the
 * polyfill would be 3 KB of every console page. A handler that fails answers `{ ok: false }`.
 */
export function answering(handle: (raw: unknown, sender: Sender) => Promise<unknown>) {
  return (raw: unknown, sender: Sender, sendResponse: (reply: unknown) => void): true => {
    let reply: Promise<unknown>;
    try {
      reply = handle(raw, sender);
    } catch (error) {
      reply = Promise.reject(error);
    }
    reply.then(sendResponse, (error: unknown) => sendResponse({ ok: false, error: String(error) }));
    return true;
  };
}
