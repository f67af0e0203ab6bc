import type { ConsoleAdapter } from '../registry-types';
import { detectPddPage, PDD_AFTERSALE_MATCHES, PDD_CHAT_MATCHES, PDD_EXAMPLES } from './detect';
import { pddAftersaleRoots, readPddAfterSale } from './read-aftersale';
import { findPddRow, findPddRows, pddChatRoots, readPddChat } from './read-chat';
import { PDD_CHAT_SELECTORS } from './selectors';

export { detectPddPage, PDD_AFTERSALE_MATCHES, PDD_CHAT_MATCHES, PDD_EXAMPLES, type PddPageKind } from './detect';
export { pddAftersaleRoots, readPddAfterSale } from './read-aftersale';
export { findPddRow, findPddRows, pddChatRoots, readPddChat } from './read-chat';
export { PDD_AFTERSALE_SELECTORS, PDD_CHAT_SELECTORS } from './selectors';

/**
 * 拼多多 merchant console. Verified against tests/fixtures/pinduoduo/: chat-*.html (chat),
 * aftersale-list*.html (list), aftersale-detail*.html (detail).
 */
export const pddAdapter: ConsoleAdapter = {
  id: 'pdd',
  label: { zh_CN: '拼多多', en: 'Pinduoduo' },
  matches: [...PDD_CHAT_MATCHES, ...PDD_AFTERSALE_MATCHES],
  examples: PDD_EXAMPLES,
  detect: detectPddPage,
  chat: {
    read: readPddChat,
    roots: pddChatRoots,
    findRow: findPddRow,
    findRows: findPddRows,
    input: PDD_CHAT_SELECTORS.input,
    send: PDD_CHAT_SELECTORS.send,
    rows: PDD_CHAT_SELECTORS.row,
    // The uid-group key: its group suffix changes as a buyer starts or stops waiting.
    rowAttributesReadInside: [PDD_CHAT_SELECTORS.rowUidAttribute],
    // Not documented as virtualized (§1.2): a row that leaves the DOM is treated as gone.
    virtualized: false,
  },
  aftersale: { read: readPddAfterSale, roots: pddAftersaleRoots },
};
