import type { ConsoleAdapter } from '../registry-types';
import { detectJdPage, JD_EXAMPLES, JD_MATCHES } from './detect';
import { jdAftersaleRoots, readJdAfterSale } from './read-aftersale';
import { findJdRow, findJdRows, jdChatRoots, readJdChat } from './read-chat';
import { JD_CHAT_SELECTORS } from './selectors';

export { detectJdPage, JD_EXAMPLES, JD_MATCHES, type JdPageKind } from './detect';
export { jdAftersaleRoots, readJdAfterSale } from './read-aftersale';
export { findJdRow, jdChatRoots, parseJdTime, readJdChat } from './read-chat';
export { JD_AFTERSALE_SELECTORS, JD_CHAT_SELECTORS } from './selectors';

/**
 * 京东: 咚咚 web workbench and 京麦 自主售后. Verified against tests/fixtures/jd/: chat*.html (chat),
 * aftersale-list*.html (list), aftersale-detail.html (detail).
 */
export const jdAdapter: ConsoleAdapter = {
  id: 'jd',
  label: { zh_CN: '京东', en: 'JD.com' },
  matches: JD_MATCHES,
  examples: JD_EXAMPLES,
  detect: detectJdPage,
  chat: {
    read: readJdChat,
    roots: jdChatRoots,
    findRow: findJdRow,
    findRows: findJdRows,
    input: JD_CHAT_SELECTORS.input,
    send: JD_CHAT_SELECTORS.send,
    rows: JD_CHAT_SELECTORS.row,
    // §5.2: "The list may be virtualized" (CODE id:69024994497 scrolls to collect rows): rows that
    // scroll out of the DOM are not conversations that ended.
    virtualized: true,
  },
  aftersale: { read: readJdAfterSale, roots: jdAftersaleRoots },
};
