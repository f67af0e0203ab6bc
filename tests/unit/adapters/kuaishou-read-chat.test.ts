// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findKuaishouRow, kuaishouChatRoots, readKuaishouChat, senderTime } from '@/lib/adapters/kuaishou';
import { ChatSnapshot } from '@/lib/domain/chat';
import { fixtureDocument, shanghai } from '../helpers';

const NOW = shanghai('2026-11-24T10:01:30');
const HEALTHY = { missingSelectors: [], unparsedFields: [] };

describe('readKuaishouChat over chat-waiting.html', () => {
  const read = readKuaishouChat(fixtureDocument('kuaishou', 'chat-waiting.html'), NOW);
  const byKey = new Map(read.conversations.map((row) => [row.key, row]));

  it('reads every card keyed by its normalised nick, with a healthy report', () => {
    expect([...byKey.keys()]).toEqual(['nick:买家小王', 'nick:t***8', 'nick:李**', 'nick:陈*']);
    expect(read.health).toEqual(HEALTHY);
  });

  it('merges the open thread: buyer by sender line, agent, auto-reply as robot, system lines skipped', () => {
    const open = byKey.get('nick:买家小王')!;
    expect(open).toMatchObject({ nick: '买家小王', preview: '这个有货吗', open: true, waiting: true, waitingText: '2分10秒后超时', waitingMs: 50_000 });
    expect(open.messages).toEqual([
      { at: shanghai('2026-11-24T09:59:50'), speaker: 'buyer' },
      { at: shanghai('2026-11-24T10:00:05'), speaker: 'agent' },
      { at: shanghai('2026-11-24T10:00:06'), speaker: 'robot' },
      { at: shanghai('2026-11-24T10:00:40'), speaker: 'buyer' },
    ]);
    expect(open.lastSpeaker).toBe('buyer');
    expect(open.lastBuyerMessageAt).toBe(shanghai('2026-11-24T10:00:40'));
  });

  it('reads the reply groups as the waiting signal', () => {
    expect(byKey.get('nick:t***8')).toMatchObject({ waiting: true, waitingText: '45秒', waitingMs: 45_000, open: false, messages: [] });
    expect(byKey.get('nick:李**')).toMatchObject({ waiting: true, waitingText: '已超时2分钟', waitingMs: 300_000 });
    expect(byKey.get('nick:陈*')).toMatchObject({ waiting: false, waitingText: null, waitingMs: null, lastBuyerMessageAt: null });
  });

  it('produces rows that pass the message schema', () => {
    const snapshot = { platform: 'kuaishou', shop: 'default', url: 'https://im.kwaixiaodian.com/workbench', capturedAt: NOW, ...read };
    expect(ChatSnapshot.safeParse(snapshot).success).toBe(true);
  });

  it('finds a card by key and names the observer roots', () => {
    const doc = fixtureDocument('kuaishou', 'chat-waiting.html');
    expect(findKuaishouRow(doc, 'nick:t***8')?.textContent).toContain('发什么快递');
    expect(findKuaishouRow(doc, 'nick:nobody')).toBeNull();
    const roots = kuaishouChatRoots(doc);
    expect(roots.map((r) => r.className)).toEqual(['SessionListGroup-FolderSessions', 'message-scroll']);
  });
});

describe('readKuaishouChat on other renders', () => {
  it('treats a list with no selected conversation as healthy', () => {
    const read = readKuaishouChat(fixtureDocument('kuaishou', 'chat-idle.html'), NOW);
    expect(read.health).toEqual(HEALTHY);
    expect(read.conversations).toEqual([
      expect.objectContaining({ key: 'nick:周**', waiting: true, waitingText: '1分5秒', waitingMs: 65_000, open: false }),
    ]);
  });

  it('treats empty, collapsed groups as healthy', () => {
    const read = readKuaishouChat(fixtureDocument('kuaishou', 'chat-empty.html'), NOW);
    expect(read).toEqual({ conversations: [], health: HEALTHY });
  });

  it('reads only what a mid-scroll render shows, without calling the rest missing', () => {
    const read = readKuaishouChat(fixtureDocument('kuaishou', 'chat-partial-render.html'), NOW);
    expect(read.health).toEqual(HEALTHY);
    expect(read.conversations.map((r) => [r.key, r.waitingMs])).toEqual([
      ['nick:买家08', 60_000],
      ['nick:买家09', 50_000],
      ['nick:买家10', 150_000],
    ]);
  });

  it('still reads hash-suffixed class names through the fallbacks', () => {
    const read = readKuaishouChat(fixtureDocument('kuaishou', 'chat-renamed-classes.html'), NOW);
    expect(read.health).toEqual(HEALTHY);
    expect(read.conversations).toEqual([
      expect.objectContaining({
        key: 'nick:买家阿强',
        preview: '尺码偏大吗',
        waiting: true,
        waitingMs: 40_000,
        open: true,
        messages: [{ at: shanghai('2026-11-24T10:00:50'), speaker: 'buyer' }],
      }),
    ]);
  });

  it('reads the good parts of unknown or hostile markup and names the rest', () => {
    const read = readKuaishouChat(fixtureDocument('kuaishou', 'chat-unknown.html'), NOW);
    expect(read.conversations).toHaveLength(1);
    const row = read.conversations[0]!;
    expect(row.nick).toBe('<img src=x onerror=alert(1)>'); // text, never markup
    expect(row).toMatchObject({ waiting: true, waitingText: '刚刚', waitingMs: null });
    expect(row.messages).toEqual([{ at: shanghai('2026-11-24T10:00:00'), speaker: 'buyer' }]);
    expect(read.health).toEqual({ missingSelectors: [], unparsedFields: ['message.sender', 'message.time', 'row.nick', 'row.waitingText'] });
  });
});

describe('readKuaishouChat reports each missing part by name', () => {
  const waiting = () => fixtureDocument('kuaishou', 'chat-waiting.html');

  it('an empty document: the session list', () => {
    const empty = new DOMParser().parseFromString('<html><body></body></html>', 'text/html');
    expect(readKuaishouChat(empty, NOW)).toEqual({ conversations: [], health: { missingSelectors: ['sessionList'], unparsedFields: [] } });
  });

  it('the session list removed: the list, and a thread it cannot attribute', () => {
    const doc = waiting();
    doc.querySelector('.SessionListGroup')!.remove();
    const read = readKuaishouChat(doc, NOW);
    expect(read.conversations).toEqual([]);
    expect(read.health).toEqual({ missingSelectors: ['sessionList'], unparsedFields: ['thread.buyer'] });
  });

  it('groups renamed: the group', () => {
    const doc = waiting();
    for (const g of Array.from(doc.querySelectorAll('.SessionListGroupItem'))) g.className = 'BucketV2';
    expect(readKuaishouChat(doc, NOW).health.missingSelectors).toEqual(['group']);
  });

  it('cards renamed while groups say they hold conversations: the row', () => {
    const doc = waiting();
    for (const c of Array.from(doc.querySelectorAll('.SessionBaseCard'))) c.className = 'ConvCardV2';
    const read = readKuaishouChat(doc, NOW);
    expect(read.health.missingSelectors).toEqual(['row']);
    expect(read.conversations).toEqual([]);
  });

  it('the thread removed while a card is selected: the message rows', () => {
    const doc = waiting();
    doc.querySelector('.message-scroll')!.remove();
    const read = readKuaishouChat(doc, NOW);
    expect(read.health).toEqual({ missingSelectors: ['message'], unparsedFields: [] });
    expect(read.conversations.find((r) => r.open)).toMatchObject({ key: 'nick:买家小王', messages: [], waitingMs: 50_000 });
  });

  it('sender lines removed: the sender of every message', () => {
    const doc = waiting();
    for (const s of Array.from(doc.querySelectorAll('.kwaishop-cs-LayoutDefaultWrapper_beforeMsgBody'))) s.remove();
    const read = readKuaishouChat(doc, NOW);
    expect(read.health.unparsedFields).toEqual(['message.sender']);
    expect(read.conversations.find((r) => r.open)?.messages).toEqual([]);
  });
});

describe('readKuaishouChat at scale and across dates', () => {
  it('reads a 2,000-card group', () => {
    const doc = fixtureDocument('kuaishou', 'chat-idle.html');
    const group = doc.querySelector('.ant-checkbox-group')!;
    doc.querySelector('.SessionListGroupItem-count')!.textContent = '(2000)';
    group.innerHTML = Array.from(
      { length: 2000 },
      (_, i) =>
        `<div class="SessionStarCard"><div class="SessionBaseCard SessionBaseCard-Static"><span class="SessionBaseCard-topHeadName">b${i} 下单数(1)</span>` +
        `<span class="SessionBaseCard-topHeadTime">${i % 3 === 0 ? '45秒' : '1分钟'}</span></div></div>`,
    ).join('');
    const read = readKuaishouChat(doc, NOW);
    expect(read.health).toEqual(HEALTHY);
    expect(read.conversations).toHaveLength(2000);
    expect(new Set(read.conversations.map((r) => r.key)).size).toBe(2000);
    expect(read.conversations.filter((r) => r.waitingMs === 45_000)).toHaveLength(667);
    expect(read.conversations[1999]).toMatchObject({ key: 'nick:b1999', nick: 'b1999' });
  });

  it('reads sender-line times across the new year, and nicks ending in digits', () => {
    const newYear = shanghai('2027-01-01T00:00:30');
    expect(senderTime('买家12-31 23:59:50', newYear)).toBe(shanghai('2026-12-31T23:59:50'));
    expect(senderTime('买家1232-22 18:55:20', NOW)).toBe(shanghai('2026-02-22T18:55:20'));
    expect(senderTime('客服2026-11-24 09:00:00', NOW)).toBe(shanghai('2026-11-24T09:00:00'));
    expect(senderTime('客服 09:00:00', NOW)).toBe(shanghai('2026-11-24T09:00:00'));
    expect(senderTime('客服2-30 09:00:00', NOW)).toBeNull();
    expect(senderTime('客服 刚刚', NOW)).toBeNull();
  });
});
