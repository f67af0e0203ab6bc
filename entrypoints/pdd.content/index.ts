import { mountChipLayer, type PlacedChip } from '@/components/overlay/chip-layer';
import { chunkDelta, diffChat, type ChatDelta } from '@/lib/adapters/diff';
import { observe } from '@/lib/adapters/observe';
import { detectPddPage, findPddRow, PDD_CHAT_MATCHES, pddChatRoots, readPddChat } from '@/lib/adapters/pinduoduo';
import { ChatUpdateReply, type ChatUpdate, type ChipDeadline } from '@/lib/messaging/protocol';

const SHOP = 'default';

export default defineContentScript({
  matches: PDD_CHAT_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    // Never throw into the host page: every failure ends here, logged and contained.
    try {
      start(ctx);
    } catch (error) {
      console.warn('[kefu-guard] content script stopped', error);
    }
  },
});

function start(ctx: { onInvalidated(cb: () => void): void; isInvalid: boolean }) {
  if (detectPddPage(location.href) === null) {
    void browser.runtime
      .sendMessage({ type: 'page/unrecognised', url: location.href, health: { missingSelectors: [], unparsedFields: ['page'] } })
      .catch(() => undefined);
    return;
  }
  const t = (key: string, subs?: string[]) => browser.i18n.getMessage(key as never, subs) || key;
  const layer = mountChipLayer(document, { overdue: (clock) => t('chipOverdue', [clock]), degraded: t('badgeDegraded') });
  let deadlines: ChipDeadline[] = [];

  const place = () => {
    const chips: PlacedChip[] = [];
    for (const deadline of deadlines) {
      const rect = findPddRow(document, deadline.key)?.getBoundingClientRect();
      if (!rect || rect.height === 0 || rect.bottom < 0 || rect.top > innerHeight) continue;
      // Bottom-right corner of the row: the page keeps its own time stamp in the top-right.
      chips.push({ deadline, top: rect.bottom - 22, left: rect.right - 6 });
    }
    layer.state.chips.value = chips;
    layer.state.now.value = Date.now();
  };

  const send = (delta: ChatDelta) => {
    const update: ChatUpdate = {
      type: 'chat/update',
      full: delta.full,
      removedKeys: delta.removedKeys,
      snapshot: { platform: 'pdd', shop: SHOP, url: location.href, capturedAt: Date.now(), conversations: delta.changed, health: delta.health },
    };
    browser.runtime
      .sendMessage(update)
      .then((raw: unknown) => {
        const reply = ChatUpdateReply.parse(raw);
        if (!reply.ok) throw new Error(reply.error);
        deadlines = reply.deadlines;
        layer.state.degraded.value = reply.degraded;
        place();
      })
      .catch((error: unknown) => {
        if (ctx.isInvalid) return;
        console.warn('[kefu-guard] update not delivered; will resend whole', error);
        setTimeout(() => observation.reset(), 2000);
      });
  };

  const observation = observe({
    doc: document,
    findRoots: pddChatRoots,
    read: () => readPddChat(document, Date.now()),
    diff: diffChat,
    onChange: (change) => chunkDelta(change as ChatDelta).forEach(send),
    onError: (error) => console.warn('[kefu-guard] read failed', error),
  });
  observation.flush();

  const tick = setInterval(place, 1000);
  const onScroll = () => requestAnimationFrame(place);
  document.addEventListener('scroll', onScroll, { capture: true, passive: true });
  ctx.onInvalidated(() => {
    observation.stop();
    clearInterval(tick);
    document.removeEventListener('scroll', onScroll, { capture: true });
    layer.destroy();
  });
}
