/** Page detection for the Pinduoduo merchant console (mms.pinduoduo.com). */
export const PDD_CHAT_MATCHES = ['https://mms.pinduoduo.com/chat-merchant/*'];

export type PddPageKind = 'chat';

/** e.g. https://mms.pinduoduo.com/chat-merchant/index.html#/ or /chat-merchant/#/?r=123 */
export function detectPddPage(url: string): PddPageKind | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.hostname !== 'mms.pinduoduo.com') return null;
  if (/^\/chat-merchant(\/|$)/.test(parsed.pathname)) return 'chat';
  return null;
}
