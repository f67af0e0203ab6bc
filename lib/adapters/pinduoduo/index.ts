export { detectPddPage, PDD_CHAT_MATCHES } from './detect';
export { findPddRow, pddChatRoots, readPddChat } from './read-chat';
export { PDD_CHAT_SELECTORS } from './selectors';
