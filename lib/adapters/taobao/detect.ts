/**
 * Page detection for Taobao/Tmall web pages (consoles-dom.md §4). There is no live reception
 * page: 千牛 reception runs in the native AliWorkbench client (§4.1), so 'chat' is never returned.
 */
import type { PageKind } from '../registry-types';

/**
 * The 千牛 web shell is one SPA (home.htm/<app>/…), so it is matched shell-wide and `detect`
 * narrows it down. The history results iframe's host is not recorded anywhere (GUESSED: a
 * taobao.com subdomain); the registry must inject into frames for it to be read there.
 */
export const TAOBAO_MATCHES = [
  'https://qn.taobao.com/*',
  'https://myseller.taobao.com/*',
  'https://refund2.taobao.com/dispute/*',
  'https://*.taobao.com/*im-history-search*',
];

export const TAOBAO_EXAMPLES: Partial<Record<PageKind, string[]>> = {
  // CODE: Puppeteer export script id:59074140085 (2026-05). The iframe URL is GUESSED (only
  // "contains im-history-search" is known).
  'chat-history': [
    'https://qn.taobao.com/home.htm/app-customer-service/toolpage/Message',
    'https://market.m.taobao.com/app/im-history-search/index.html?spm=a21ag',
  ],
  // CODE: refund2 list (id:40942555322, id:42598084561); 新版千牛 list path (id:42598084561, host GUESSED).
  'aftersale-list': [
    'https://refund2.taobao.com/dispute/sellerDisputeList.htm?type=1&showFrame=false',
    'https://qn.taobao.com/home.htm/trade-platform/refund-list',
    'https://myseller.taobao.com/home.htm/trade-platform/refund-list?status=wait',
  ],
  // CODE: detail links (id:42598084561, id:33220818806; bizOrderId form id:39728644291).
  'aftersale-detail': [
    'https://refund2.taobao.com/dispute/detail.htm?disputeId=199391870665303585',
    'https://refund2.taobao.com/dispute/detail.htm?disputeType=1&bizOrderId=3116348570228308535',
  ],
};

const SHELL_HOSTS = new Set(['qn.taobao.com', 'myseller.taobao.com']);

export function detectTaobaoPage(url: string): PageKind | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  const host = parsed.hostname;
  const path = parsed.pathname;
  if (host === 'refund2.taobao.com') {
    if (path === '/dispute/sellerDisputeList.htm') return 'aftersale-list';
    if (path === '/dispute/detail.htm') return 'aftersale-detail';
    return null; // apply.htm / applyRouter.htm are the buyer's side
  }
  if (SHELL_HOSTS.has(host)) {
    if (/^\/home\.html?\/app-customer-service\/toolpage\/Message(\/|$)/.test(path)) return 'chat-history';
    if (/^\/home\.html?\/trade-platform\/refund-list(\/|$)/.test(path)) return 'aftersale-list';
    return null;
  }
  if (host.endsWith('.taobao.com') && /(^|\/)im-history-search(\/|$)/.test(path)) return 'chat-history';
  return null;
}
