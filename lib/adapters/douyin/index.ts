import type { ConsoleAdapter } from '../registry-types';
import { detectDouyinPage, DOUYIN_EXAMPLES, DOUYIN_MATCHES } from './detect';
import { douyinAftersaleRoots, readDouyinAfterSale } from './read-aftersale';
import { douyinChatRoots, findDouyinRow, findDouyinRows, readDouyinChat } from './read-chat';
import { DOUYIN_CHAT_SELECTORS } from './selectors';

export { detectDouyinPage, DOUYIN_EXAMPLES, DOUYIN_MATCHES } from './detect';
export { douyinAftersaleRoots, readDouyinAfterSale } from './read-aftersale';
export { douyinChatRoots, findDouyinRow, readDouyinChat } from './read-chat';
export { DOUYIN_AFTERSALE_SELECTORS, DOUYIN_CHAT_SELECTORS, DOUYIN_SIGNALS } from './selectors';

/** Douyin: 飞鸽 chat workbench (im.jinritemai.com) and 抖店 after-sales pages (fxg.jinritemai.com). */
export const douyinAdapter: ConsoleAdapter = {
  id: 'douyin',
  label: { zh_CN: '抖店 / 飞鸽', en: 'Douyin Shop (Feige)' },
  matches: DOUYIN_MATCHES,
  examples: DOUYIN_EXAMPLES,
  detect: detectDouyinPage,
  chat: {
    read: readDouyinChat,
    roots: douyinChatRoots,
    findRow: findDouyinRow,
    findRows: findDouyinRows,
    input: DOUYIN_CHAT_SELECTORS.input,
    send: DOUYIN_CHAT_SELECTORS.send,
    rows: DOUYIN_CHAT_SELECTORS.row,
    // The conversation list renders only the rows on screen (§2.2): scrolled-away rows are not "removed".
    virtualized: true,
  },
  aftersale: {
    read: readDouyinAfterSale,
    roots: douyinAftersaleRoots,
  },
};
