import { firstMatch } from '../adapters/selectors';
import { attachDraftGuard, type DraftTexts } from '@/components/draft/draft-guard';
import { mountChipLayer, type PlacedChip } from '@/components/overlay/chip-layer';
import { chunkDelta, diffChat, type ChatDelta } from '../adapters/diff';
import { observe } from '../adapters/observe';
import { measured } from '../perf/measure';
import { cachedChatReading } from './chat-reading';
import { onScreen } from './on-screen';
import type { ConsoleAdapter } from '../adapters/registry-types';
import type { ChatUpdate, ChipDeadline } from '../messaging/protocol';
import { parseChatUpdateReply, parseInsertReply, parseSuggestReply } from '../messaging/reply-guards';
import { insertAtCaret } from '@/components/draft/host-input';
import { mountSuggestCard } from '@/components/suggest/suggest-card';
import type { ConversationRow } from '../domain/chat';
import type { Session, SessionEnv } from './context';

type ChatAdapter = NonNullable<ConsoleAdapter['chat']>;

function draftTexts(t: SessionEnv['t']): DraftTexts {
  return {
    title: (count) => t('draftTitle', [String(count)]),
    category: (id) => t(`cat_${id}`),
    suggest: t('draftSuggest'),
    apply: t('draftApply'),
    applied: t('draftApplied'),
    undo: t('draftUndo'),
    hide: t('draftHide'),
    confirmTitle: t('draftConfirmTitle'),
    confirmBack: t('draftConfirmBack'),
    confirmSend: t('draftConfirmSend'),
    passed: t('draftPassed'),
  };
}

/**
 * A chat console: observe the list and thread, report changes to the background, draw countdown
 * chips from the deadlines it replies with, and check the agent's draft.
 */
export function startChatSession(adapter: ConsoleAdapter, chat: ChatAdapter, env: SessionEnv): Session {
  const { doc, t } = env;
  const win = doc.defaultView!;
  const layer = mountChipLayer(doc, { overdue: (clock) => t('chipOverdue', [clock]), degraded: t('badgeDegraded') });
  let deadlines: ChipDeadline[] = [];

  const place = () => {
    const box = firstMatch(doc, chat.input)?.getBoundingClientRect();
    card.state.anchor.value = box && box.height > 0 ? { left: box.left, bottom: win.innerHeight - box.top + 6, width: box.width } : null;
    const chips: PlacedChip[] = [];
    // One pass for all waiting buyers (a query per buyer is O(n²) on big lists), and only over the
    // rows on screen: the rest of a 10,000-row list is neither measured nor keyed.
    const onScreenRows = (rows: Element[]) => onScreen(rows, win.innerHeight).map((found) => found.el);
    const rows = deadlines.length > 0 ? chat.findRows(doc, new Set(deadlines.map((d) => d.key)), onScreenRows) : new Map<string, Element>();
    for (const deadline of deadlines) {
      const rect = rows.get(deadline.key)?.getBoundingClientRect();
      if (!rect) continue;
      // Bottom-right corner of the row: consoles keep their own time stamp in the top-right.
      chips.push({ deadline, top: rect.bottom - 22, left: rect.right - 6 });
    }
    layer.state.chips.value = chips;
    layer.state.now.value = Date.now();
  };

  // Geometry is read once per frame at most, just after the frame was laid out and painted: read
  // any earlier (right after the console re-rendered, or in the animation callback, before the
  // browser's own layout) it forces a synchronous layout — of 10,000 rows, a second on this machine.
  let placePending = false;
  const schedulePlace = () => {
    if (placePending) return;
    placePending = true;
    win.requestAnimationFrame(() =>
      win.setTimeout(() => {
        placePending = false;
        measured('chips', place);
      }, 0),
    );
  };

  const send = (delta: ChatDelta) => {
    const update: ChatUpdate = {
      type: 'chat/update',
      full: delta.full,
      // A virtualized list drops rows that scroll away: that is not the conversation ending.
      removedKeys: chat.virtualized ? [] : delta.removedKeys,
      snapshot: { platform: adapter.id, shop: env.shop, url: win.location.href, capturedAt: Date.now(), conversations: delta.changed, health: delta.health },
    };
    env
      .send(update)
      .then((raw) =>
        measured('reply', () => {
          const reply = parseChatUpdateReply(raw);
          if (!reply.ok) throw new Error(reply.error);
          deadlines = reply.deadlines;
          layer.state.degraded.value = reply.degraded;
          schedulePlace();
        }),
      )
      .catch((error: unknown) => {
        if (env.isInvalid()) return;
        console.warn('[kefu-guard] update not delivered; will resend whole', error);
        win.setTimeout(() => observation.reset(), 2000);
      });
  };

  // Reply suggestions for the conversation open in the thread pane, asked of the worker when its last message changes.
  const card = mountSuggestCard(
    doc,
    {
      title: (count) => t('suggestTitle', [String(count)]),
      variable: (name) => t(`var_${name}`),
      insert: t('suggestInsert'),
      inserted: t('suggestInserted'),
      undo: t('suggestUndo'),
      fillFirst: t('suggestFillFirst'),
    },
    (text, templateId) => insertReply(text, templateId),
  );
  let openRow: Pick<ConversationRow, 'key' | 'nick' | 'preview'> | null = null;
  const followOpenRow = (rows: ConversationRow[]) => {
    const open = rows.find((row) => row.open);
    const closed = rows.some((row) => !row.open && row.key === openRow?.key);
    if (!open && !closed) return;
    const next = open ? { key: open.key, nick: open.nick, preview: open.preview } : null;
    if (next?.key === openRow?.key && next?.preview === openRow?.preview) return;
    openRow = next;
    if (!next) {
      card.state.suggestions.value = [];
      return;
    }
    env
      .send({ type: 'reply/suggest', platform: adapter.id, buyerMessages: [next.preview.slice(0, 500)], buyerNick: next.nick || null })
      .then((raw) => {
        const reply = parseSuggestReply(raw);
        if (reply.ok && openRow?.key === next.key) card.state.suggestions.value = reply.suggestions;
      })
      .catch((error: unknown) => env.isInvalid() || console.warn('[kefu-guard] no reply suggestions', error));
  };
  /** Only ever on the agent's click: into the input at the caret, as an input event; never sent. */
  const insertReply = (text: string, templateId: string) => {
    const input = firstMatch(doc, chat.input);
    const done = input ? insertAtCaret(input, text) : null;
    if (done) void env.send({ type: 'audit/record', action: 'template-inserted', platform: adapter.id, subject: templateId, detail: '' }).catch(() => undefined);
    return done;
  };
  const stopListening = env.listen?.((message) => {
    const request = parseInsertReply(message);
    if (request) insertReply(request.text, request.templateId);
  });

  // Rows no mutation touched are not read again: a batch costs what changed, not the whole list.
  const observation = observe({
    doc,
    findRoots: chat.roots,
    ...cachedChatReading(chat, doc),
    diff: diffChat,
    onChange: (change) => {
      followOpenRow((change as ChatDelta).changed);
      // Each chunk is serialised when sent: one task each, in order, so 10,000 rows are not one long task.
      for (const chunk of chunkDelta(change as ChatDelta)) win.setTimeout(() => measured('send', () => send(chunk)), 0);
    },
    onError: (error) => console.warn('[kefu-guard] read failed', error),
  });
  observation.flush();

  // The draft box may be re-rendered by the console: follow whichever node is current.
  let guarded: { input: Element; detach(): void } | null = null;
  const followInput = () => {
    const check = env.check;
    if (!check) return;
    const input = firstMatch(doc, chat.input) ?? null;
    if (input === guarded?.input) return;
    guarded?.detach();
    guarded = null;
    // A textarea (PDD, Douyin) or a contenteditable rich editor (Kuaishou's Quill, JD 咚咚's).
    if (!(input instanceof win.HTMLTextAreaElement) && !(input instanceof win.HTMLElement && input.isContentEditable)) return;
    const guard = attachDraftGuard(input, {
      check,
      texts: draftTexts(t),
      guardEnabled: env.guardEnabled,
      findSendButton: () => firstMatch(doc, chat.send) ?? null,
      onAction: (action, subject) => void env.send({ type: 'audit/record', action, platform: adapter.id, subject, detail: '' }).catch(() => undefined),
    });
    guarded = { input, detach: guard.detach };
  };
  followInput();

  const tick = win.setInterval(() => {
    schedulePlace();
    measured('input', followInput);
  }, 1000);
  const onScroll = () => schedulePlace();
  doc.addEventListener('scroll', onScroll, { capture: true, passive: true });
  return {
    stop() {
      observation.stop();
      win.clearInterval(tick);
      doc.removeEventListener('scroll', onScroll, { capture: true });
      guarded?.detach();
      stopListening?.();
      card.destroy();
      layer.destroy();
    },
  };
}
