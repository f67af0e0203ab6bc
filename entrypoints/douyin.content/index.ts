import { douyinAdapter } from '@/lib/adapters/douyin';
import { bootConsole } from '@/lib/content/boot';

export default defineContentScript({
  matches: douyinAdapter.matches,
  runAt: 'document_idle',
  main: (ctx) => bootConsole(douyinAdapter, ctx),
});
