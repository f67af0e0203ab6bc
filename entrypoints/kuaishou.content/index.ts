import { kuaishouAdapter } from '@/lib/adapters/kuaishou';
import { bootConsole } from '@/lib/content/boot';

export default defineContentScript({
  matches: kuaishouAdapter.matches,
  runAt: 'document_idle',
  main: (ctx) => bootConsole(kuaishouAdapter, ctx),
});
