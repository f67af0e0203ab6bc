/**
 * Page detection for the Pinduoduo merchant console (mms.pinduoduo.com). URLs from
 * ../shared/reference/consoles-dom.md §1.1. Only https on the exact host; no subdomain is documented.
 */
import type { PageKind } from '../registry-types';

/** The chat workbench only: the chat content script is registered for this pattern. */
export const PDD_CHAT_MATCHES = ['https://mms.pinduoduo.com/chat-merchant/*'];

/** 售后工作台 list and the SSR detail page (§1.1: id:56140567274, id:69706040436, id:30086875966, id:71053717980). */
export const PDD_AFTERSALE_MATCHES = [
  'https://mms.pinduoduo.com/aftersales/aftersale_list*',
  'https://mms.pinduoduo.com/aftersales-ssr/detail*',
];

export type PddPageKind = Extract<PageKind, 'chat' | 'aftersale-list' | 'aftersale-detail'>;

/** Example URLs per page kind; detectors of every platform are cross-tested against them. */
export const PDD_EXAMPLES: Record<PddPageKind, string[]> = {
  chat: [
    'https://mms.pinduoduo.com/chat-merchant/index.html#/',
    'https://mms.pinduoduo.com/chat-merchant/#/',
    'https://mms.pinduoduo.com/chat-merchant/index.html?r=0.123#/',
  ],
  'aftersale-list': [
    'https://mms.pinduoduo.com/aftersales/aftersale_list',
    'https://mms.pinduoduo.com/aftersales/aftersale_list?msfrom=mms_sidenav',
    'https://mms.pinduoduo.com/aftersales/aftersale_list?searchType=7',
  ],
  'aftersale-detail': [
    'https://mms.pinduoduo.com/aftersales-ssr/detail?id=23111111111111&orderSn=260929-111111111111111',
  ],
};

/**
 * e.g. https://mms.pinduoduo.com/chat-merchant/index.html#/ (chat),
 * /aftersales/aftersale_list?msfrom=mms_sidenav (list), /aftersales-ssr/detail?id=…&orderSn=… (detail).
 * Work orders (/aftersales/work_order/*), appeals and the chat-history search are not read: null.
 */
export function detectPddPage(url: string): PddPageKind | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.hostname !== 'mms.pinduoduo.com') return null;
  const path = parsed.pathname;
  if (/^\/chat-merchant(\/|$)/.test(path)) return 'chat';
  if (/^\/aftersales\/aftersale_list\/?$/.test(path)) return 'aftersale-list';
  if (/^\/aftersales-ssr\/detail\/?$/.test(path)) return 'aftersale-detail';
  return null;
}
