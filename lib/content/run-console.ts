import type { ConsoleAdapter } from '../adapters/registry-types';
import { startAftersaleSession } from './aftersale-session';
import { startChatSession } from './chat-session';
import type { Session, SessionEnv } from './context';

/**
 * The one content-script body every console shares: detect the page kind, start the matching
 * session, restart it when the single-page app navigates, and say so when a page is not understood.
 */
export function runConsole(adapter: ConsoleAdapter, env: SessionEnv, onLocationChange: (listener: () => void) => void): Session {
  let session: Session | null = null;
  let url = '';
  let stopped = false;

  const start = () => {
    if (stopped) return; // switched off in the options, or the extension went away
    const href = env.doc.defaultView!.location.href;
    if (href === url) return;
    url = href;
    session?.stop();
    session = null;
    const kind = adapter.detect(href);
    try {
      if (kind === 'chat' && adapter.chat) session = startChatSession(adapter, adapter.chat, env);
      else if ((kind === 'aftersale-list' || kind === 'aftersale-detail') && adapter.aftersale)
        session = startAftersaleSession(adapter, adapter.aftersale, kind, env);
      else if (kind !== null || adapter.chatUnavailable)
        void env.send({ type: 'page/seen', platform: adapter.id, url: href, pageKind: kind, note: adapter.chatUnavailable ? 'chat-unavailable' : null }).catch(() => undefined);
      else
        void env.send({ type: 'page/unrecognised', url: href, health: { missingSelectors: [], unparsedFields: ['page'] } }).catch(() => undefined);
    } catch (error) {
      // Never throw into the host page.
      console.warn('[kefu-guard] session failed to start', error);
    }
  };

  start();
  onLocationChange(start);
  return {
    stop() {
      stopped = true;
      session?.stop();
      session = null;
    },
  };
}
