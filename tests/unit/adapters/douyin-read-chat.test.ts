// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { douyinAdapter, douyinChatRoots, findDouyinRow, readDouyinChat } from '@/lib/adapters/douyin';
import { ChatSnapshot } from '@/lib/domain/chat';
import { fixtureDocument, shanghai } from '../helpers';

const NOW = shanghai('2026-11-24T10:05:00');
const HEALTHY = { missingSelectors: [], unparsedFields: [] };

const read = (name: string) => readDouyinChat(fixtureDocument('douyin', name), NOW);

function byKey(result: ReturnType<typeof readDouyinChat>) {
  return new Map(result.conversations.map((row) => [row.key, row]));
}

describe('readDouyinChat over chat-workspace.html', () => {
  const result = read('chat-workspace.html');
  const rows = byKey(result);

  it('reads every rendered buyer row keyed by data-cid, skipping the system row, with a healthy report', () => {
    expect([...rows.keys()]).toEqual(['7301001', '7301002', '7301003', '7301004', '7301006']);
    expect(result.health).toEqual(HEALTHY);
  });

  it('reads nicks from the name line and previews from the message line', () => {
    expect([...rows.values()].map((r) => [r.nick, r.preview])).toEqual([
      ['TK小学生', '[图片]'],
      ['用户5821****', '好的谢谢'],
      ['小*鱼', '什么时候发货'],
      ['0333', '客服超时未回复用户，系统关闭会话'],
      ['阿*', '收到了，谢谢'],
    ]);
  });

  it('merges the open thread: buyer, robot and agent told apart, the system welcome left out, times resolved', () => {
    const open = rows.get('7301001')!;
    expect(open).toMatchObject({ open: true, waiting: true, waitingText: '1分钟', waitingMs: 60_000 });
    expect(open.messages).toEqual([
      { at: shanghai('2026-11-24T09:58:10'), speaker: 'buyer' },
      { at: shanghai('2026-11-24T09:58:12'), speaker: 'robot' },
      { at: shanghai('2026-11-24T09:58:40'), speaker: 'buyer' },
      { at: shanghai('2026-11-24T10:00:30'), speaker: 'agent' },
      { at: shanghai('2026-11-24T10:03:40'), speaker: 'buyer' },
      { at: shanghai('2026-11-24T10:04:00'), speaker: 'buyer' }, // picture: side from the row layout
    ]);
    expect(open.lastSpeaker).toBe('buyer');
    expect(open.lastBuyerMessageAt).toBe(shanghai('2026-11-24T10:04:00'));
  });

  it('records the transfer to a human in humanFrom', () => {
    expect(rows.get('7301001')!.humanFrom).toBe(shanghai('2026-11-24T09:59:00'));
    expect(rows.get('7301003')!.humanFrom).toBeNull();
  });

  it('reads the list timers: waits, answered rows, closed sessions and old contacts', () => {
    expect(rows.get('7301002')).toMatchObject({ waiting: false, waitingText: null, waitingMs: null, open: false, messages: [] });
    expect(rows.get('7301003')).toMatchObject({ waiting: true, waitingText: '3分钟', waitingMs: 180_000, open: false });
    expect(rows.get('7301004')).toMatchObject({ waiting: false, lastSpeaker: 'system' });
    expect(rows.get('7301006')).toMatchObject({ waiting: false, lastBuyerMessageAt: null });
  });

  it('produces rows that pass the message schema', () => {
    const snapshot = { platform: 'douyin', shop: 'default', url: 'https://im.jinritemai.com/pc_seller_v2/main/workspace', capturedAt: NOW, ...result };
    expect(ChatSnapshot.safeParse(snapshot).success).toBe(true);
  });

  it('is what the adapter reads', () => {
    expect(douyinAdapter.chat!.read(fixtureDocument('douyin', 'chat-workspace.html'), NOW)).toEqual(result);
  });
});

describe('readDouyinChat: the wait notice and the closure in the thread', () => {
  it('takes "用户已等待超N秒" from the thread when the list row shows no wait', () => {
    const doc = fixtureDocument('douyin', 'chat-workspace.html');
    doc.querySelector('[data-cid="7301001"] [class*="timerParticular"]')!.textContent = '10:03';
    const row = byKey(readDouyinChat(doc, NOW)).get('7301001')!;
    expect(row).toMatchObject({ waiting: true, waitingText: '用户已等待超30秒，请尽快回复', waitingMs: 30_000 });
  });

  it('takes the wait notice from a list row preview', () => {
    const doc = fixtureDocument('douyin', 'chat-workspace.html');
    const rowEl = doc.querySelector('[data-cid="7301002"]')!;
    rowEl.querySelector('[class*="msgContent"] span')!.textContent = '用户已等待超5分钟，请尽快回复';
    expect(byKey(readDouyinChat(doc, NOW)).get('7301002')).toMatchObject({
      waiting: true,
      waitingText: '用户已等待超5分钟，请尽快回复',
      waitingMs: 300_000,
    });
  });

  it('ignores a wait notice that an agent reply followed, and a closure ends the wait', () => {
    const doc = fixtureDocument('douyin', 'chat-workspace.html');
    const rowEl = doc.querySelector('[data-cid="7301001"]')!;
    rowEl.classList.remove('needReply-JehIyj'); // the page drops needReply once answered
    rowEl.querySelector('[class*="timerParticular"]')!.textContent = '10:04';
    const list = doc.querySelector('.messageList')!;
    const agent = list.children[5]!.cloneNode(true) as Element;
    agent.querySelector('.O4UWWFoQxgMq4AWHMq25')!.textContent = '10:04:30';
    list.append(agent);
    expect(byKey(readDouyinChat(doc, NOW)).get('7301001')).toMatchObject({ waiting: false, waitingText: null, lastSpeaker: 'agent' });

    const closed = list.children[8]!.cloneNode(true) as Element;
    closed.querySelector('.BqNO6cexAGBsZgUmEzIE')!.textContent = '用户超时未回复，系统关闭会话';
    list.lastElementChild!.remove();
    list.append(closed);
    doc.querySelector('[data-cid="7301001"] [class*="timerParticular"]')!.textContent = '1分钟';
    expect(byKey(readDouyinChat(doc, NOW)).get('7301001')).toMatchObject({ waiting: false, waitingMs: null });
  });
});

describe('readDouyinChat on other renders', () => {
  it('treats a list with no selected conversation as healthy', () => {
    const result = read('chat-idle.html');
    expect(result.health).toEqual(HEALTHY);
    expect(result.conversations).toEqual([
      expect.objectContaining({ key: '7302001', nick: '木*', preview: '在吗', waiting: true, waitingText: '45秒', waitingMs: 45_000, open: false }),
    ]);
  });

  it('treats an empty list as healthy, not degraded', () => {
    expect(read('chat-empty.html')).toEqual({ conversations: [], health: HEALTHY });
  });

  it('reads a mid-scroll render of the virtualized list without reporting scrolled-away rows', () => {
    const result = read('chat-midscroll.html');
    expect(result.health).toEqual(HEALTHY);
    expect(result.conversations.map((r) => [r.key, r.waiting, r.waitingMs])).toEqual([
      ['7303040', true, 45_000],
      ['7303041', false, null],
      ['7303042', true, 120_000],
      ['7303043', false, null],
      ['7303044', true, 0],
      ['7303045', false, null],
    ]);
    // The open conversation (买家3) is not rendered: its thread is attributed to no rendered row.
    expect(result.conversations.every((r) => !r.open && r.messages.length === 0)).toBe(true);
    const doc = fixtureDocument('douyin', 'chat-midscroll.html');
    expect(findDouyinRow(doc, '7303042')?.getAttribute('data-cid')).toBe('7303042');
    expect(findDouyinRow(doc, '7303003')).toBeNull();
    expect(findDouyinRow(doc, 'x"], body, a[b="')).toBeNull();
  });

  it('keeps reading the rebuilt frame with rotated hashes through its fallbacks', () => {
    const result = read('chat-rebuilt-frame.html');
    expect(result.health).toEqual(HEALTHY);
    const rows = byKey(result);
    expect([...rows.values()].map((r) => [r.key, r.nick, r.preview, r.waitingMs])).toEqual([
      ['7304001', '木*子', '能开发票吗', 120_000],
      ['7304002', '用户8812****', '好的', null],
      ['7304003', 'Q*Q', '发货了吗', 45_000],
    ]);
    expect(rows.get('7304001')).toMatchObject({
      open: true,
      lastSpeaker: 'buyer',
      humanFrom: shanghai('2026-11-24T10:01:10'),
      messages: [
        { at: shanghai('2026-11-24T10:01:10'), speaker: 'buyer' },
        { at: shanghai('2026-11-24T10:01:30'), speaker: 'agent' }, // no messageIsMe: row-reverse
        { at: shanghai('2026-11-24T10:02:50'), speaker: 'buyer' },
      ],
    });
    expect(rows.get('7304002')!.waiting).toBe(false);
  });

  it('reads the good parts of hostile or unknown markup and names the rest', () => {
    const result = read('chat-unknown.html');
    expect(result.conversations).toHaveLength(1);
    const row = result.conversations[0]!;
    expect(row.nick).toBe('<img src=x onerror=alert(1)>'); // text, never markup
    expect(row.preview).toBe('<script>alert(1)</script>');
    expect(row).toMatchObject({ key: '7305001', open: true, waiting: null, waitingText: null });
    expect(row.messages).toEqual([
      { at: shanghai('2026-11-24T10:00:00'), speaker: 'buyer' },
      { at: shanghai('2026-11-24T10:01:00'), speaker: 'buyer' }, // product card
      { at: shanghai('2026-11-24T10:01:00'), speaker: 'buyer' }, // no time printed: its neighbour's
    ]);
    expect(result.health).toEqual({ missingSelectors: [], unparsedFields: ['message.speaker', 'message.time', 'row.cid', 'row.timer'] });
  });

  it('resolves bubble times across midnight in order', () => {
    const doc = fixtureDocument('douyin', 'chat-rebuilt-frame.html');
    const times = doc.querySelectorAll('.tm-9Q2wsA');
    times[0]!.textContent = '23:58:00';
    times[1]!.textContent = '23:59:30';
    times[2]!.textContent = '00:01:00';
    doc.querySelector('.sysLine-Xy12ab span')!.textContent = '23:59';
    const open = byKey(readDouyinChat(doc, shanghai('2026-11-25T00:02:00'))).get('7304001')!;
    expect(open.messages.map((m) => m.at)).toEqual([
      shanghai('2026-11-24T23:58:00'),
      shanghai('2026-11-24T23:59:30'),
      shanghai('2026-11-25T00:01:00'),
    ]);
    expect(open.humanFrom).toBe(shanghai('2026-11-24T23:59:00'));
  });

  it('never attributes a thread when the sidebar and the header disagree', () => {
    const doc = fixtureDocument('douyin', 'chat-workspace.html');
    doc.querySelector('#topbar-left-info div div')!.textContent = '小*鱼';
    const result = readDouyinChat(doc, NOW);
    expect(result.conversations.every((r) => !r.open)).toBe(true);
    expect(result.health.unparsedFields).toEqual(['thread.key']);
  });

  it('finds the open thread by a unique header nick when no row is marked selected', () => {
    const doc = fixtureDocument('douyin', 'chat-workspace.html');
    const selected = doc.querySelector('[data-cid="7301001"]')!;
    selected.className = 'conversationCard-ePRNJi newConversationCard-c5qnW3 needReply-JehIyj';
    const result = readDouyinChat(doc, NOW);
    expect(byKey(result).get('7301001')!.open).toBe(true);
    expect(result.health).toEqual(HEALTHY);
  });
});

describe('readDouyinChat degraded health', () => {
  function without(css: string, fixture = 'chat-workspace.html') {
    const doc = fixtureDocument('douyin', fixture);
    for (const el of Array.from(doc.querySelectorAll(css))) el.remove();
    return readDouyinChat(doc, NOW);
  }

  it('reports the conversation list when its container is gone', () => {
    const result = without('#chantListScrollArea');
    expect(result.conversations).toEqual([]);
    expect(result.health.missingSelectors).toEqual(['conversationList']);
  });

  it('reports rows when the list holds row content no row selector matches', () => {
    const doc = fixtureDocument('douyin', 'chat-workspace.html');
    for (const row of Array.from(doc.querySelectorAll('[data-qa-id="qa-conversation-chat-item"]'))) {
      for (const attr of ['data-qa-id', 'data-kora', 'data-btm-id']) row.removeAttribute(attr);
      row.className = 'card-Zz0000';
    }
    const result = readDouyinChat(doc, NOW);
    expect(result.conversations).toEqual([]);
    expect(result.health.missingSelectors).toEqual(['row']);
  });

  it('reports the message list when a conversation is selected but no thread renders', () => {
    const result = without('.messageList');
    expect(result.health.missingSelectors).toEqual(['messageList']);
    expect(byKey(result).get('7301001')).toMatchObject({ open: false, waiting: true });
  });

  it('reports the thread header when messages render without it', () => {
    const result = without('#topbar-left-info');
    expect(result.health.missingSelectors).toEqual(['threadHeader']);
    expect(byKey(result).get('7301001')!.open).toBe(true); // the selected row still keys it
  });

  it('reports message wrappers when the thread holds messages no wrapper selector matches', () => {
    const doc = fixtureDocument('douyin', 'chat-workspace.html');
    for (const wrap of Array.from(doc.querySelectorAll('.msgItemWrap'))) {
      wrap.removeAttribute('data-qa-id');
      wrap.removeAttribute('data-qa-message-id');
      wrap.className = 'item-Zz0000';
    }
    expect(readDouyinChat(doc, NOW).health.missingSelectors).toEqual(['message']);
  });

  it('names a row whose nick cannot be found', () => {
    const doc = fixtureDocument('douyin', 'chat-idle.html');
    doc.querySelector('.nameLine-Q8PQwE')!.remove();
    expect(readDouyinChat(doc, NOW).health).toEqual({ missingSelectors: [], unparsedFields: ['row.nick'] });
  });

  it('handles an empty document', () => {
    const empty = new DOMParser().parseFromString('<html><body></body></html>', 'text/html');
    expect(readDouyinChat(empty, NOW)).toEqual({ conversations: [], health: { missingSelectors: ['conversationList'], unparsedFields: [] } });
  });
});

describe('readDouyinChat at scale and the observer roots', () => {
  it('reads a 2,000-row list', () => {
    const doc = fixtureDocument('douyin', 'chat-empty.html');
    const list = doc.querySelector('.list_items')!;
    list.innerHTML = Array.from({ length: 2000 }, (_, i) =>
      `<div style="position:absolute;top:${i * 72}px"><div class="conversationCard-ePRNJi" data-kora="conversation" ` +
        `data-qa-id="qa-conversation-chat-item" data-btm-id="a9034.b39122.c2622.current" data-cid="${900000 + i}">` +
        `<img src="data:," alt="头像"><div class="nameLine-Q8PQwE" title="买家${i}"><span class="newNameContent-DfqCyb">买家${i}</span>` +
        `<div class="timerParticular-XjA0_t">${i % 3 === 0 ? '45秒' : '09:30'}</div></div>` +
        `<div class="msgContent-JqEWJs"><span>消息${i}</span></div></div></div>`,
    ).join('');
    const result = readDouyinChat(doc, NOW);
    expect(result.health).toEqual(HEALTHY);
    expect(result.conversations).toHaveLength(2000);
    expect(result.conversations.filter((r) => r.waitingMs === 45_000)).toHaveLength(667);
    expect(result.conversations[1999]).toMatchObject({ key: '901999', nick: '买家1999', preview: '消息1999', waiting: false });
  });

  it('watches the conversation list and the thread', () => {
    const doc = fixtureDocument('douyin', 'chat-workspace.html');
    expect(douyinChatRoots(doc).map((el) => el.id || el.className)).toEqual(['chantListScrollArea', 'messageList']);
    expect(douyinChatRoots(fixtureDocument('douyin', 'chat-idle.html')).map((el) => el.id)).toEqual(['chantListScrollArea']);
  });
});
