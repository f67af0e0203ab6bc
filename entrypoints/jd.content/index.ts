import { jdAdapter } from '@/lib/adapters/jd';
import { bootConsole } from '@/lib/content/boot';

export default defineContentScript({
  matches: jdAdapter.matches,
  runAt: 'document_idle',
  main: (ctx) => bootConsole(jdAdapter, ctx),
});
