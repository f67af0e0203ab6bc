/**
 * Page detection for Kuaishou 快手小店 (consoles-dom.md §3.1). Only https and the two documented
 * hosts; everything else is somebody else's page.
 */
import type { PageKind } from '../registry-types';

/**
 * The shop console (s.kwaixiaodian.com/zone/…) is one SPA: a refund detail reached from another
 * zone page never reloads, so the script is injected console-wide and `detect` narrows it down.
 */
export const KUAISHOU_MATCHES = ['https://im.kwaixiaodian.com/*', 'https://s.kwaixiaodian.com/zone/*'];

export const KUAISHOU_EXAMPLES: Partial<Record<PageKind, string[]>> = {
  // CODE: platform-hub README id:68582833238, shopilot id:71123540587, @aichat manifest id:68794533692.
  // The /zone/settles/chat entry is one older config (id:37005990107), unverified.
  chat: [
    'https://im.kwaixiaodian.com/workbench',
    'https://im.kwaixiaodian.com/workbench?tab=current',
    'https://im.kwaixiaodian.com/pc',
    'https://s.kwaixiaodian.com/zone/settles/chat',
  ],
  // CODE: userscript @match `https://s.kwaixiaodian.com/zone/refund/detail*` (id:48491842078,
  // id:48240859996). The query parameter name is a guess; detection does not depend on it.
  'aftersale-detail': [
    'https://s.kwaixiaodian.com/zone/refund/detail?refundId=2100000123456789',
    'https://s.kwaixiaodian.com/zone/refund/detail/2100000123456789',
  ],
  // No after-sales list URL is evidenced (consoles-dom.md §3.5, §7): none is detected.
};

/** e.g. https://im.kwaixiaodian.com/workbench, https://s.kwaixiaodian.com/zone/refund/detail?refundId=… */
export function detectKuaishouPage(url: string): PageKind | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  const path = parsed.pathname;
  if (parsed.hostname === 'im.kwaixiaodian.com') {
    return /^\/(workbench|pc)(\/|$)/.test(path) ? 'chat' : null;
  }
  if (parsed.hostname === 's.kwaixiaodian.com') {
    if (/^\/zone\/settles\/chat(\/|$)/.test(path)) return 'chat';
    if (/^\/zone\/refund\/detail(\/|$)/.test(path)) return 'aftersale-detail';
  }
  return null;
}
