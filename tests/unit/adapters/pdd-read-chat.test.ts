// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readPddChat } from '@/lib/adapters/pinduoduo';
import { ChatSnapshot } from '@/lib/domain/chat';
import { fixtureDocument, shanghai } from '../helpers';

const NOW = shanghai('2026-11-24T10:01:30');

describe('readPddChat over chat-waiting.html', () => {
  const read = readPddChat(fixtureDocument('pinduoduo', 'chat-waiting.html'), NOW);
  const byKey = new Map(read.conversations.map((row) => [row.key, row]));

  it('reads every row keyed by buyer uid with a healthy report', () => {
    expect([...byKey.keys()]).toEqual(['1001', '1002', '1003']);
    expect(read.health).toEqual({ missingSelectors: [], unparsedFields: [] });
  });

  it('merges the open thread into its row: times from message ids, robot and system told apart', () => {
    const open = byKey.get('1001')!;
    expect(open).toMatchObject({ nick: 'S*******n', open: true, waiting: true, waitingText: '已等待1分30秒', waitingMs: 90_000 });
    expect(open.messages).toEqual([
      { at: shanghai('2026-11-24T10:00:00'), speaker: 'buyer' },
      { at: shanghai('2026-11-24T10:00:30'), speaker: 'agent' },
      { at: shanghai('2026-11-24T10:01:00'), speaker: 'buyer' },
      { at: shanghai('2026-11-24T10:01:05'), speaker: 'robot' },
      { at: shanghai('2026-11-24T10:01:20'), speaker: 'buyer' },
    ]);
    expect(open.lastSpeaker).toBe('buyer');
    expect(open.lastBuyerMessageAt).toBe(shanghai('2026-11-24T10:01:20'));
  });

  it('reads list-only rows: answered, and timed out with the list clock time', () => {
    expect(byKey.get('1002')).toMatchObject({ waiting: false, open: false, messages: [], lastBuyerMessageAt: null });
    expect(byKey.get('1003')).toMatchObject({
      waiting: true,
      waitingText: '已超时',
      waitingMs: null,
      lastBuyerMessageAt: shanghai('2026-11-24T09:55'),
    });
  });

  it('produces rows that pass the message schema', () => {
    const snapshot = { platform: 'pdd', shop: 'default', url: 'https://mms.pinduoduo.com/chat-merchant/index.html#/', capturedAt: NOW, ...read };
    expect(ChatSnapshot.safeParse(snapshot).success).toBe(true);
  });
});

describe('readPddChat on unusual pages', () => {
  it('treats a list with no selected conversation as healthy', () => {
    const read = readPddChat(fixtureDocument('pinduoduo', 'chat-idle.html'), NOW);
    expect(read.health).toEqual({ missingSelectors: [], unparsedFields: [] });
    expect(read.conversations).toHaveLength(1);
    expect(read.conversations[0]).toMatchObject({ key: '2001', waiting: false });
  });

  it('names the missing selectors on a redesigned page instead of reporting all clear', () => {
    const read = readPddChat(fixtureDocument('pinduoduo', 'chat-redesigned.html'), NOW);
    expect(read.conversations).toEqual([]);
    expect(read.health.missingSelectors).toEqual(['conversationList']);
  });

  it('reads the good parts of hostile markup and names the rest', () => {
    const read = readPddChat(fixtureDocument('pinduoduo', 'chat-unknown-rows.html'), NOW);
    expect(read.conversations).toHaveLength(1);
    const row = read.conversations[0]!;
    expect(row.nick).toBe('<img src=x onerror=alert(1)>'); // text, never markup
    expect(row.messages).toEqual([{ at: shanghai('2026-11-24T10:00:00'), speaker: 'buyer' }]);
    expect(read.health.unparsedFields).toEqual(['message.speaker', 'row.uid', 'row.waitingText']);
  });

  it('handles an empty document and an empty thread', () => {
    const empty = new DOMParser().parseFromString('<html><body></body></html>', 'text/html');
    expect(readPddChat(empty, NOW).health.missingSelectors).toEqual(['conversationList']);
    const doc = fixtureDocument('pinduoduo', 'chat-waiting.html');
    doc.querySelector('ul.msg-list')!.replaceChildren();
    const read = readPddChat(doc, NOW);
    expect(read.conversations.find((r) => r.key === '1001')).toMatchObject({ open: true, messages: [], waiting: true });
    expect(read.health).toEqual({ missingSelectors: [], unparsedFields: [] });
  });

  it('reads a 2,000-conversation list', () => {
    const doc = fixtureDocument('pinduoduo', 'chat-idle.html');
    const list = doc.querySelector('ul.chat-list')!;
    const rows = Array.from({ length: 2000 }, (_, i) =>
      `<li class="chat-item"><div class="chat-item-box" data-random="${90000 + i}-0-all"><span class="nickname-span">b${i}</span>` +
      (i % 3 === 0 ? '<span class="chat-unreply-over-time">已等待45秒</span>' : '') + '</div></li>');
    list.innerHTML = rows.join('');
    const read = readPddChat(doc, NOW);
    expect(read.conversations).toHaveLength(2000);
    expect(read.conversations.filter((r) => r.waitingMs === 45_000)).toHaveLength(667);
  });
});
