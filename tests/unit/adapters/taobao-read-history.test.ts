// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { readTaobaoChatHistory, taobaoHistoryRoots } from '@/lib/adapters/taobao';
import { ChatSnapshot } from '@/lib/domain/chat';
import { clockStart } from '@/lib/rules/clock';
import { fixtureDocument, shanghai } from '../helpers';

const NOW = shanghai('2026-11-24T10:01:30');
const HEALTHY = { missingSelectors: [], unparsedFields: [] };

describe('readTaobaoChatHistory over history.html', () => {
  const read = readTaobaoChatHistory(fixtureDocument('taobao', 'history.html'), NOW);

  it('lists the customers as rows that are never waiting', () => {
    expect(read.health).toEqual(HEALTHY);
    expect(read.conversations).toEqual([
      {
        key: 'nick:tb_小明',
        nick: 'tb_小明',
        preview: '',
        lastSpeaker: 'buyer',
        lastBuyerMessageAt: shanghai('2026-11-23T14:05:00'),
        waiting: false,
        waitingText: null,
        waitingMs: null,
        open: true,
        messages: [],
      },
      expect.objectContaining({ key: 'nick:tb_小红', waiting: false, open: false, lastSpeaker: null, messages: [] }),
    ]);
  });

  it('returns the shown thread separately: buyer by sender name, 店小蜜 as robot, agent', () => {
    expect(read.thread).toEqual({
      key: 'nick:tb_小明',
      nick: 'tb_小明',
      messages: [
        { at: shanghai('2026-11-23T14:00:00'), speaker: 'buyer' },
        { at: shanghai('2026-11-23T14:00:20'), speaker: 'robot' },
        { at: shanghai('2026-11-23T14:01:00'), speaker: 'agent' },
        { at: shanghai('2026-11-23T14:05:00'), speaker: 'buyer' },
      ],
    });
  });

  it('never starts a reply clock, even though the history ends with the buyer', () => {
    for (const row of read.conversations) expect(clockStart(row, { stoppedBy: ['agent'] }, NOW, null)).toBeNull();
  });

  it('produces rows that pass the message schema', () => {
    const { thread: _thread, ...chat } = read;
    const snapshot = { platform: 'taobao', shop: 'default', url: 'https://qn.taobao.com/home.htm/app-customer-service/toolpage/Message', capturedAt: NOW, ...chat };
    expect(ChatSnapshot.safeParse(snapshot).success).toBe(true);
  });

  it('names the observer roots', () => {
    const roots = taobaoHistoryRoots(fixtureDocument('taobao', 'history.html'));
    expect(roots.map((r) => r.className)).toEqual(['results-list', 'chat-panel']);
  });
});

describe('readTaobaoChatHistory on other renders', () => {
  it('leaves a cross-origin results frame to its own script, quietly', () => {
    // happy-dom refuses to load the frame and says so on stderr; that is expected here.
    const quiet = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const doc = fixtureDocument('taobao', 'history-shell.html');
    quiet.mockRestore();
    expect(readTaobaoChatHistory(doc, NOW)).toEqual({ conversations: [], thread: null, health: HEALTHY });
    expect(taobaoHistoryRoots(doc)).toEqual([]);
  });

  it('treats a query with no results as healthy', () => {
    expect(readTaobaoChatHistory(fixtureDocument('taobao', 'history-empty.html'), NOW)).toEqual({ conversations: [], thread: null, health: HEALTHY });
  });

  it('reads what it can of unknown content and names the rest', () => {
    const read = readTaobaoChatHistory(fixtureDocument('taobao', 'history-unknown.html'), NOW);
    expect(read.conversations.map((r) => r.key)).toEqual(['nick:tb_阿花']);
    expect(read.thread?.messages).toEqual([
      { at: shanghai('2026-11-23T09:00:00'), speaker: 'buyer' },
      { at: shanghai('2026-11-23T09:03:00'), speaker: 'agent' },
    ]);
    expect(read.health).toEqual({ missingSelectors: [], unparsedFields: ['customer.name', 'message.speaker', 'message.time'] });
  });
});

describe('readTaobaoChatHistory reports each missing part by name', () => {
  it('an empty document: the results list', () => {
    const empty = new DOMParser().parseFromString('<html><body></body></html>', 'text/html');
    expect(readTaobaoChatHistory(empty, NOW).health).toEqual({ missingSelectors: ['results'], unparsedFields: [] });
  });

  it('the results list removed', () => {
    const doc = fixtureDocument('taobao', 'history.html');
    doc.querySelector('.results-list')!.remove();
    expect(readTaobaoChatHistory(doc, NOW)).toEqual({ conversations: [], thread: null, health: { missingSelectors: ['results'], unparsedFields: [] } });
  });

  it('customer rows of an unknown shape: the customer', () => {
    const doc = fixtureDocument('taobao', 'history.html');
    doc.querySelector('.results-list')!.innerHTML = '<p class="row-v2">tb_小明</p>';
    const read = readTaobaoChatHistory(doc, NOW);
    expect(read.health.missingSelectors).toEqual(['customer']);
    expect(read.health.unparsedFields).toEqual(['thread.buyer']);
  });

  it('the thread removed while a customer is selected: the messages', () => {
    const doc = fixtureDocument('taobao', 'history.html');
    doc.querySelector('.chat-panel')!.remove();
    const read = readTaobaoChatHistory(doc, NOW);
    expect(read.health).toEqual({ missingSelectors: ['message'], unparsedFields: [] });
    expect(read.thread).toEqual({ key: 'nick:tb_小明', nick: 'tb_小明', messages: [] });
  });

  it('reads 2,000 customers', () => {
    const doc = fixtureDocument('taobao', 'history-empty.html');
    doc.querySelector('.results-list')!.innerHTML = Array.from({ length: 2000 }, (_, i) => `<li class="result-item"><span class="buyer-nick">tb_${i}</span></li>`).join('');
    const read = readTaobaoChatHistory(doc, NOW);
    expect(read.health).toEqual(HEALTHY);
    expect(read.conversations).toHaveLength(2000);
    expect(read.conversations.every((r) => r.waiting === false && r.messages.length === 0)).toBe(true);
  });
});
