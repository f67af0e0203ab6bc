import type { ConversationRow, ThreadMessage } from '@/lib/domain/chat';
import type { ChatUpdate } from '@/lib/messaging/protocol';
import { loadRulePack, type PackResult } from '@/lib/rules/packs';
import { KefuDB } from '@/lib/store/db';
import type { TrackerPorts } from '@/lib/tracker/ports';
import { Tracker } from '@/lib/tracker/tracker';
import { translator } from '../helpers';

/** Fakes for every port, recording what the tracker asked of the browser. */
export function makeHarness(options: { db?: KefuDB; rules?: TrackerPorts['rules'] } = {}) {
  const db = options.db ?? new KefuDB(`test-${Math.random().toString(36).slice(2)}`);
  const armed: (number | null)[] = [];
  const shown: { id: string; title: string; message: string; rungs: string[] }[] = [];
  const cleared: string[] = [];
  const badges: { text: string; color: string; title: string }[] = [];
  const ports: TrackerPorts = {
    db,
    alarms: {
      arm: async (when) => void armed.push(when),
      disarm: async () => void armed.push(null),
    },
    notifier: {
      show: async (id, title, message, rungs) => void shown.push({ id, title, message, rungs }),
      clear: async (id) => void cleared.push(id),
      badge: async (text, color, title) => void badges.push({ text, color, title }),
    },
    t: translator('zh_CN'),
    locale: 'zh_CN',
    rules: options.rules ?? ((platform): PackResult => loadRulePack(platform)),
  };
  return {
    db,
    ports,
    tracker: new Tracker(ports),
    armed,
    shown,
    cleared,
    badges,
    get alarm() {
      return armed[armed.length - 1] ?? null;
    },
    get badge() {
      return badges[badges.length - 1]?.text ?? '';
    },
  };
}

export function row(key: string, patch: Partial<ConversationRow> = {}): ConversationRow {
  return {
    key,
    nick: `买家${key}`,
    preview: '',
    lastSpeaker: null,
    lastBuyerMessageAt: null,
    waiting: null,
    waitingText: null,
    waitingMs: null,
    open: false,
    messages: [],
    ...patch,
  };
}

export function thread(key: string, nick: string, messages: ThreadMessage[]): ConversationRow {
  const last = messages[messages.length - 1];
  return row(key, { nick, open: true, messages, lastSpeaker: last?.speaker ?? null });
}

export function update(rows: ConversationRow[], patch: Partial<ChatUpdate> = {}, health = { missingSelectors: [] as string[], unparsedFields: [] as string[] }): ChatUpdate {
  return {
    type: 'chat/update',
    full: false,
    removedKeys: [],
    snapshot: { platform: 'pdd', shop: 'default', url: 'https://mms.pinduoduo.com/chat-merchant/index.html#/', capturedAt: 0, conversations: rows, health },
    ...patch,
  };
}
