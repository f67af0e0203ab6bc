/**
 * Page detection for JD: the 咚咚 web workbench (dongdong.jd.com) and the 京麦 自主售后 pages
 * (shop.jd.com). Only https on the exact hosts; no other subdomain is documented.
 * URLs: ../shared/reference/consoles-dom.md §5.1 (workbench id:58025556215; list id:57650675492, CODE).
 * The detail URL is not in consoles-dom.md: `…/independent-after-sale/detail?afsServiceId=<id>` appears
 * in CODE id:68937537685 (URL tests), id:69123217853 and id:68846707382 (path constants).
 */
import type { PageKind } from '../registry-types';

const AFTERSALE_BASE = '/jdm/trade/after-sale/independent-after-sale/';

export const JD_MATCHES = ['https://dongdong.jd.com/*', `https://shop.jd.com${AFTERSALE_BASE}*`];

export type JdPageKind = Extract<PageKind, 'chat' | 'aftersale-list' | 'aftersale-detail'>;

export const JD_EXAMPLES: Record<JdPageKind, string[]> = {
  chat: ['https://dongdong.jd.com/', 'https://dongdong.jd.com/index.html', 'https://dongdong.jd.com/#/'],
  'aftersale-list': [
    'https://shop.jd.com/jdm/trade/after-sale/independent-after-sale/list?tabCode=all',
    'https://shop.jd.com/jdm/trade/after-sale/independent-after-sale/list?tabCode=waitAudit',
    'https://shop.jd.com/jdm/trade/after-sale/independent-after-sale/list',
  ],
  'aftersale-detail': ['https://shop.jd.com/jdm/trade/after-sale/independent-after-sale/detail?afsServiceId=4048292768'],
};

/**
 * e.g. https://dongdong.jd.com/ (chat), …/independent-after-sale/list?tabCode=all (list),
 * …/independent-after-sale/detail?afsServiceId=… (detail). The 京麦 reception tool
 * (shop.jd.com/jdm/kefu/kf-manage-lite, chat history, §5.4) and old JSON endpoints are not read: null.
 */
export function detectJdPage(url: string): JdPageKind | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  const path = parsed.pathname;
  if (parsed.hostname === 'dongdong.jd.com') return path === '/' || path === '/index.html' ? 'chat' : null;
  if (parsed.hostname !== 'shop.jd.com' || !path.startsWith(AFTERSALE_BASE)) return null;
  const rest = path.slice(AFTERSALE_BASE.length).replace(/\/$/, '');
  if (rest === 'list') return 'aftersale-list';
  if (rest === 'detail') return 'aftersale-detail';
  return null;
}
