import { pddAdapter } from '@/lib/adapters/pinduoduo';
import { bootConsole } from '@/lib/content/boot';

export default defineContentScript({
  matches: pddAdapter.matches,
  runAt: 'document_idle',
  main: (ctx) => bootConsole(pddAdapter, ctx),
});
