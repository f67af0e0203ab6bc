import type { ConsoleAdapter } from '../registry-types';
import { detectTaobaoPage, TAOBAO_EXAMPLES, TAOBAO_MATCHES } from './detect';
import { readTaobaoAfterSale, taobaoAfterSaleRoots } from './read-aftersale';

export { detectTaobaoPage, TAOBAO_EXAMPLES, TAOBAO_MATCHES } from './detect';
export { disputeRows, findDisputeData } from './dispute-data';
export { readTaobaoAfterSale, taobaoAfterSaleRoots } from './read-aftersale';
export { readTaobaoChatHistory, taobaoHistoryRoots, type TaobaoHistoryRead } from './read-history';
export { TAOBAO_AFTERSALE_SELECTORS, TAOBAO_HISTORY_SELECTORS } from './selectors';

/**
 * Taobao/Tmall: refund pages on the web (refund2.taobao.com, the 千牛 web refund list) and the
 * 千牛 web chat-history page. Live reception is the native 千牛 client, so there is no `chat`:
 * the history page is read with readTaobaoChatHistory, as history only.
 * Verified against: tests/fixtures/taobao/*.html (hand-written from consoles-dom.md §4; no live capture).
 */
export const taobaoAdapter: ConsoleAdapter = {
  id: 'taobao',
  label: { zh_CN: '淘宝/天猫', en: 'Taobao/Tmall' },
  matches: TAOBAO_MATCHES,
  examples: TAOBAO_EXAMPLES,
  detect: detectTaobaoPage,
  aftersale: {
    read: readTaobaoAfterSale,
    roots: taobaoAfterSaleRoots,
  },
  chatUnavailable: {
    zh_CN: '淘宝/天猫的接待在千牛客户端中进行，浏览器里无法读取，因此没有淘宝聊天回复计时。',
    en: 'Taobao/Tmall chats are answered in the Qianniu desktop client, which a browser cannot read, so Taobao chat reply timers are not available.',
  },
};
