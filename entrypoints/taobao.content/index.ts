import { taobaoAdapter } from '@/lib/adapters/taobao';
import { bootConsole } from '@/lib/content/boot';

export default defineContentScript({
  matches: taobaoAdapter.matches,
  runAt: 'document_idle',
  // The chat-history results live in an iframe.
  allFrames: true,
  main: (ctx) => bootConsole(taobaoAdapter, ctx),
});
