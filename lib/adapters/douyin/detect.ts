import type { PageKind } from '../registry-types';

/**
 * Page detection for Douyin: the 飞鸽 IM workbench (im.jinritemai.com) and the 抖店 seller console
 * (fxg.jinritemai.com). Source: ../shared/reference/consoles-dom.md §2.1 (DrissionPage script,
 * Electron string list, userscript @match lines; CODE). https only, exact hosts only: the buyin
 * (巨量百应) and pigeon (API) hosts are not pages we read.
 */
const IM_HOST = 'im.jinritemai.com';
const FXG_HOST = 'fxg.jinritemai.com';

/**
 * Content-script match patterns. The 抖店 console is a single-page app whose micro-apps share /ffa/
 * (navigation between them does not reload), so the script is injected on /ffa/* and `detect`
 * decides per URL. The 飞鸽 workbench lives under the three pc_seller entries.
 */
export const DOUYIN_MATCHES = [
  'https://im.jinritemai.com/pc_seller_v2/*',
  'https://im.jinritemai.com/pc_seller/*',
  'https://im.jinritemai.com/pc_seller_desk_v2/*',
  'https://fxg.jinritemai.com/ffa/*',
];

/** Example URLs per page kind (§2.1); every other adapter's detector must reject them. */
export const DOUYIN_EXAMPLES: Partial<Record<PageKind, string[]>> = {
  chat: [
    'https://im.jinritemai.com/pc_seller_v2/main/workspace',
    'https://im.jinritemai.com/pc_seller_v2/main/workspace?selfId=1234567',
    'https://im.jinritemai.com/pc_seller/',
    'https://im.jinritemai.com/pc_seller_desk_v2/main/workspace',
  ],
  'aftersale-list': [
    'https://fxg.jinritemai.com/ffa/maftersale/aftersale/list',
    'https://fxg.jinritemai.com/ffa/maftersale/aftersale/list?tab=all',
  ],
  'aftersale-detail': [
    'https://fxg.jinritemai.com/ffa/maftersale/aftersale/detail-v3?aftersale_id=7470000000000000101',
    'https://fxg.jinritemai.com/ffa/maftersale/aftersale/detail-v2?aftersale_id=7470000000000000101',
    'https://fxg.jinritemai.com/ffa/morder/aftersale/detail-v2?aftersale_id=7470000000000000101',
  ],
};

const CHAT_PATH = /^\/(?:pc_seller_v2|pc_seller|pc_seller_desk_v2)(?:\/|$)/;
const LIST_PATH = /^\/ffa\/maftersale\/aftersale\/list\/?$/;
const DETAIL_PATH = /^\/ffa\/(?:maftersale|morder)\/aftersale\/detail-v[23]\/?$/;

export function detectDouyinPage(url: string): PageKind | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return null;
  if (parsed.hostname === IM_HOST) return CHAT_PATH.test(parsed.pathname) ? 'chat' : null;
  if (parsed.hostname === FXG_HOST) {
    if (LIST_PATH.test(parsed.pathname)) return 'aftersale-list';
    if (DETAIL_PATH.test(parsed.pathname)) return 'aftersale-detail';
  }
  return null;
}
