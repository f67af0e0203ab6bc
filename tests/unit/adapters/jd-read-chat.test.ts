// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findJdRow, jdChatRoots, parseJdTime, readJdChat } from '@/lib/adapters/jd';
import { ChatSnapshot } from '@/lib/domain/chat';
import { fixtureDocument, shanghai } from '../helpers';

const NOW = shanghai('2026-11-24T10:05:00');
const HEALTHY = { missingSelectors: [], unparsedFields: [] };

describe('readJdChat over chat.html', () => {
  const doc = fixtureDocument('jd', 'chat.html');
  const read = readJdChat(doc, NOW);
  const byKey = new Map(read.conversations.map((row) => [row.key, row]));

  it('reads the active pane only, keyed by buyer pin, with a healthy report', () => {
    expect([...byKey.keys()]).toEqual(['jd_buyer01', 'jd_7x9k2', 'jd_leave03']);
    expect(read.health).toEqual(HEALTHY);
  });

  it('merges the open thread: buyer, agent, product card; system rows and dividers skipped', () => {
    const open = byKey.get('jd_buyer01')!;
    expect(open).toMatchObject({ nick: 'jd_buyer01', preview: '有货吗', open: true, waiting: null, waitingText: null, waitingMs: null });
    expect(open.messages).toEqual([
      { at: shanghai('2026-11-24T10:00:00'), speaker: 'buyer' },
      { at: shanghai('2026-11-24T10:00:40'), speaker: 'agent' },
      { at: shanghai('2026-11-24T10:03:10'), speaker: 'buyer' },
      { at: shanghai('2026-11-24T10:04:00'), speaker: 'buyer' },
    ]);
    expect(open.lastSpeaker).toBe('buyer');
    expect(open.lastBuyerMessageAt).toBe(shanghai('2026-11-24T10:04:00'));
  });

  it('reads list-only rows: pin from the row id or the name title, masked nick kept as shown', () => {
    expect(byKey.get('jd_7x9k2')).toMatchObject({ nick: 'j***2', preview: '好的，谢谢', open: false, messages: [], lastSpeaker: null, waiting: null });
    expect(byKey.get('jd_leave03')).toMatchObject({ nick: 'jd_leave03', preview: '明天能发吗', open: false });
  });

  it('produces rows that pass the message schema', () => {
    const snapshot = { platform: 'jd', shop: 'default', url: 'https://dongdong.jd.com/', capturedAt: NOW, ...read };
    expect(ChatSnapshot.safeParse(snapshot).success).toBe(true);
  });

  it('finds rows by pin in the active pane only, and watches the sidebar and the thread', () => {
    expect(findJdRow(doc, 'jd_7x9k2')?.id).toBe('u_jd_7x9k2imcustomer10086');
    expect(findJdRow(doc, 'jd_leave03')?.querySelector('.alluser-item-name')?.textContent).toBe('jd_leave03');
    expect(findJdRow(doc, 'jd_old99')).toBeNull();
    expect(jdChatRoots(doc)).toEqual([doc.querySelector('#t-alluser-wrap'), doc.querySelector('#t-chat-scroll')]);
  });
});

describe('readJdChat on unusual pages', () => {
  it('treats an empty workbench as healthy', () => {
    expect(readJdChat(fixtureDocument('jd', 'chat-empty.html'), NOW)).toEqual({ conversations: [], health: HEALTHY });
  });

  it('reads the good parts of hostile or unknown markup and names the rest', () => {
    const read = readJdChat(fixtureDocument('jd', 'chat-unknown.html'), NOW);
    expect(read.conversations).toHaveLength(1);
    expect(read.conversations[0]).toMatchObject({
      key: 'jd_evil01',
      nick: '<img src=x onerror=alert(1)>',
      preview: '<script>alert(1)</script>',
      open: true,
      messages: [{ at: shanghai('2026-11-24T10:01:00'), speaker: 'buyer' }],
    });
    expect(read.health).toEqual({ missingSelectors: [], unparsedFields: ['message.speaker', 'message.time', 'row.pin'] });
  });

  it('reads a mid-scroll virtualized list: rendered rows plus the open thread keyed from the header', () => {
    const doc = fixtureDocument('jd', 'chat-midscroll.html');
    const read = readJdChat(doc, NOW);
    expect(read.health).toEqual(HEALTHY);
    expect(read.conversations.map((r) => r.key)).toEqual(['jd_b041', 'jd_b042', 'jd_b043', 'jd_b044', 'jd_b045', 'jd_buyer01']);
    expect(read.conversations.at(-1)).toMatchObject({
      nick: 'jd_buyer01',
      open: true,
      lastSpeaker: 'agent',
      lastBuyerMessageAt: shanghai('2026-11-24T10:00:00'),
    });
    expect(findJdRow(doc, 'jd_buyer01')).toBeNull();
    expect(jdChatRoots(doc)[1]).toBe(doc.querySelector('.chat-scroll-wrap'));
  });

  it.each([
    ['#t-alluser-wrap', 'conversationList'],
    ['.c_tabs-tabpane:not(.c_tabs-tab_inactive)', 'activePane'],
    ['#t-chat-scroll', 'messageList'],
  ])('reports %s as %s when it is removed', (css, name) => {
    const doc = fixtureDocument('jd', 'chat.html');
    doc.querySelector(css)!.remove();
    expect(readJdChat(doc, NOW).health.missingSelectors).toEqual([name]);
  });

  it('never throws on an empty document', () => {
    const empty = new DOMParser().parseFromString('<html><body></body></html>', 'text/html');
    expect(readJdChat(empty, NOW)).toEqual({ conversations: [], health: { missingSelectors: ['conversationList'], unparsedFields: [] } });
  });

  it('reads a 2,000-conversation list', () => {
    const doc = fixtureDocument('jd', 'chat-empty.html');
    const stream = doc.querySelector('.c_tabs-tabpane:not(.c_tabs-tab_inactive) .c_stream-content')!;
    stream.innerHTML = Array.from({ length: 2000 }, (_, i) =>
      `<div class="c_stream-item-w" id="u_jd_${i}imcustomer10086"><div class="alluser-item-content"><div class="alluser-item${i === 1234 ? ' alluser-item_check' : ''}">` +
      `<span class="alluser-item-name" title="jd_${i}">买家${i}</span><span class="alluser-item-breifdesc">问题${i}</span></div></div></div>`).join('');
    const read = readJdChat(doc, NOW);
    expect(read.health).toEqual(HEALTHY);
    expect(read.conversations).toHaveLength(2000);
    expect(read.conversations[1999]).toMatchObject({ key: 'jd_1999', nick: '买家1999', preview: '问题1999' });
    expect(read.conversations.filter((r) => r.open).map((r) => r.key)).toEqual(['jd_1234']);
  });
});

describe('parseJdTime', () => {
  it.each([
    ['11-24 10:00:00', shanghai('2026-11-24T10:00:00')],
    ['2026-11-23 23:59:59', shanghai('2026-11-23T23:59:59')],
    ['10:04:00', shanghai('2026-11-24T10:04:00')],
    ['12-31 23:00:00', shanghai('2025-12-31T23:00:00')], // later this year = last year
    ['10:07', shanghai('2026-11-23T10:07:00')], // a clock time after now (beyond a minute of skew) = yesterday
    ['昨天 10:00', null],
    ['13-40 10:00', null],
  ])('%s', (value, expected) => expect(parseJdTime(value, NOW)).toBe(expected));
});
