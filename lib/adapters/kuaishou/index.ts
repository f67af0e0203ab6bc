import type { ConsoleAdapter } from '../registry-types';
import { detectKuaishouPage, KUAISHOU_EXAMPLES, KUAISHOU_MATCHES } from './detect';
import { kuaishouAfterSaleRoots, readKuaishouAfterSale } from './read-aftersale';
import { findKuaishouRow, findKuaishouRows, kuaishouChatRoots, readKuaishouChat } from './read-chat';
import { KUAISHOU_CHAT_SELECTORS } from './selectors';

export { detectKuaishouPage, KUAISHOU_EXAMPLES, KUAISHOU_MATCHES } from './detect';
export { kuaishouAfterSaleRoots, readKuaishouAfterSale } from './read-aftersale';
export { findKuaishouRow, kuaishouChatRoots, normaliseNick, readKuaishouChat } from './read-chat';
export { senderTime } from './sender-time';
export { KUAISHOU_AFTERSALE_SELECTORS, KUAISHOU_CHAT_SELECTORS, KUAISHOU_CHAT_TEXTS } from './selectors';

/**
 * Kuaishou 快手小店: the CS workbench (im.kwaixiaodian.com) and the refund detail page.
 * Verified against: tests/fixtures/kuaishou/*.html (hand-written from consoles-dom.md §3; no live capture).
 */
export const kuaishouAdapter: ConsoleAdapter = {
  id: 'kuaishou',
  label: { zh_CN: '快手小店', en: 'Kuaishou Shop' },
  matches: KUAISHOU_MATCHES,
  examples: KUAISHOU_EXAMPLES,
  detect: detectKuaishouPage,
  chat: {
    read: readKuaishouChat,
    roots: kuaishouChatRoots,
    findRow: findKuaishouRow,
    findRows: findKuaishouRows,
    input: KUAISHOU_CHAT_SELECTORS.input,
    send: KUAISHOU_CHAT_SELECTORS.send,
    rows: KUAISHOU_CHAT_SELECTORS.row,
    // Collapsing a reply group drops its cards from the DOM (preload id:56119917179): a card that
    // disappears has not necessarily ended.
    virtualized: true,
  },
  aftersale: {
    read: readKuaishouAfterSale,
    roots: kuaishouAfterSaleRoots,
  },
};
