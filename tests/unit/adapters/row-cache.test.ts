// @vitest-environment happy-dom
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADAPTERS } from '@/lib/adapters/registry';
import { diffChat, patchChat, type ChatDelta, type ChatRead } from '@/lib/adapters/diff';
import { observe, type Observation } from '@/lib/adapters/observe';
import { RESCAN_ABOVE_ADDED_NODES, RowCache } from '@/lib/adapters/row-cache';
import { cachedChatReading } from '@/lib/content/chat-reading';
import { SelectorProbe } from '@/lib/adapters/selectors';
import type { ConversationRow } from '@/lib/domain/chat';
import { fixture, prng, shanghai } from '../helpers';

const NOW = shanghai('2026-11-24T10:01:30');
const FOLDER: Record<string, string> = { pdd: 'pinduoduo' };
const PDD_CHAT = ADAPTERS.find((a) => a.id === 'pdd')!.chat!;

/** Every chat fixture of every adapter that reads chat. */
const CASES = ADAPTERS.filter((a) => a.chat).flatMap((adapter) => {
  const folder = FOLDER[adapter.id] ?? adapter.id;
  return readdirSync(path.resolve('tests/fixtures', folder))
    .filter((file) => file.startsWith('chat') && file.endsWith('.html'))
    .map((file) => ({ adapter, folder, file }));
});


let observer: MutationObserver | null = null;
let observation: Observation | null = null;
afterEach(() => {
  observer?.disconnect();
  observation?.stop();
});

/** A fixture page, and a row cache set up as the content script sets it up for the adapter. */
function load(folder: string, file: string, chat = PDD_CHAT) {
  document.documentElement.innerHTML = new DOMParser().parseFromString(fixture(folder, file), 'text/html').documentElement.innerHTML;
  const cache = new RowCache<ConversationRow>(chat.rows, chat.rowAttributesReadInside);
  observer = new MutationObserver(() => undefined);
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true });
  /** What the content script does per batch: hand the records to the cache, then read. */
  const flush = () => cache.touch(observer!.takeRecords());
  return { cache, flush };
}

/**
 * One change a console might make: new text, a class or key attribute, a row moved, removed or
 * copied, or a part taken out, changed while detached (unobserved) and put back.
 */
function mutate(next: () => number, flush: () => void, within: Element[] = [document.body]) {
  const pick = <T,>(list: T[]): T | undefined => list[Math.floor(next() * list.length)];
  const body = document.body;
  const elements = within.flatMap((root) => [root, ...Array.from(root.querySelectorAll('*'))]);
  const el = pick(elements);
  if (!el) return;
  const texts = Array.from(el.childNodes).filter((n) => n.nodeType === 3);
  switch (Math.floor(next() * 7)) {
    case 0: {
      const node = pick(texts);
      const words = ['已等待2分10秒', '已超时', '10:00', '你好，在吗', '45秒', '1分钟后超时', '买家改名'];
      if (node) node.textContent = pick(words)!;
      else el.textContent = pick(words)!;
      break;
    }
    case 1:
      el.classList.toggle(pick(['active', 'selected', 'needReply', 'cs-item', 'buyer-item'])!);
      break;
    case 2: {
      const attr = pick(Array.from(el.attributes).filter((a) => a.name !== 'class'));
      if (attr) el.setAttribute(attr.name, `${attr.value}x`);
      break;
    }
    case 3: {
      // Moved: before another element of the page (another position, group or pane).
      const target = pick(elements);
      if (target && target !== el && !el.contains(target) && target.parentNode) target.parentNode.insertBefore(el, target);
      break;
    }
    case 4:
      if (el !== body) el.remove();
      break;
    case 5: {
      const parent = el.parentNode;
      const after = el.nextSibling;
      if (el === body || !parent) break;
      el.remove();
      flush();
      const inner = pick(Array.from(el.querySelectorAll('*')));
      if (inner) inner.textContent = '离开时改了';
      parent.insertBefore(el, after);
      break;
    }
    default:
      el.parentNode?.insertBefore(el.cloneNode(true), el.nextSibling);
  }
}

describe('row cache: a cached read equals a fresh read after any mutation', () => {
  it.each(CASES.map((c) => [`${c.adapter.id}/${c.file}`, c] as const))('%s', (_, { adapter, folder, file }) => {
    const chat = adapter.chat!;
    const { cache, flush } = load(folder, file, chat);
    expect(chat.read(document, NOW, cache)).toEqual(chat.read(document, NOW));
    const next = prng(20261124);
    for (let step = 0; step < 300; step++) {
      mutate(next, flush);
      flush();
      const cached = chat.read(document, NOW, cache);
      cache.settled();
      expect(cached, `step ${step}`).toEqual(chat.read(document, NOW));
    }
  });
});

describe('row cache + patch path in the observer: what is reported adds up to a fresh read (changes inside the watched roots)', () => {
  it.each(CASES.map((c) => [`${c.adapter.id}/${c.file}`, c] as const))('%s', async (_, { adapter, folder, file }) => {
    const chat = adapter.chat!;
    load(folder, file, chat);
    observer!.disconnect();
    // As the content script reads, but one row and one mutation record per slice: first reads, re-reads and sorting take several frames.
    const reading = cachedChatReading(chat, document, () => NOW, { rowsPerSlice: 1, recordsPerSlice: 1 });
    /** The background's picture: every reported row by key, removals applied. */
    const seen = new Map<string, ConversationRow>();
    let health: unknown = null;
    let scheduled: (() => void) | null = null;
    let patched = 0;
    let full = 0;
    observation = observe<ChatRead>({
      doc: document,
      findRoots: chat.roots,
      read: reading.read,
      update: (last) => {
        const result = reading.update(last);
        if (result) patched++;
        else full++;
        return result;
      },
      more: reading.more,
      diff: diffChat,
      onMutations: reading.onMutations,
      onChange: (change) => {
        const delta = change as ChatDelta;
        if (delta.full) seen.clear();
        for (const key of delta.removedKeys) seen.delete(key);
        for (const row of delta.changed) seen.set(row.key, row);
        health = delta.health;
      },
      schedule: (run) => void (scheduled = run),
      onError: (error) => {
        throw error;
      },
      recheckMs: 1,
    });
    const runScheduled = () => {
      for (let run = scheduled as (() => void) | null; run; run = scheduled as (() => void) | null) {
        scheduled = null;
        run();
      }
    };
    const expectSeen = (label: string) => {
      const fresh = chat.read(document, NOW);
      expect([...seen.keys()].sort(), label).toEqual(fresh.conversations.map((row) => row.key).sort());
      for (const row of fresh.conversations) expect(seen.get(row.key), `${label} ${row.key}`).toEqual(row);
      expect(health, label).toEqual(fresh.health);
    };
    observation.flush();
    const watched = chat.roots(document).length > 0;
    const rand = prng(7);
    for (let step = 0; step < 200; step++) {
      // Inside what the observer watches. Checked right after the batch (the cheap path's own result),
      // unless the mutation made or replaced a root; then again after the observer's periodic check
      // (every 1 ms here, 2 s in the product), which finds new roots and does a full read after patched batches.
      const roots = chat.roots(document);
      mutate(rand, () => undefined, roots);
      for (let i = 0; i < 3; i++) await Promise.resolve(); // the mutation records are delivered (microtasks), no timer has run
      const sameRoots = chat.roots(document).every((root, i) => root === roots[i]) && chat.roots(document).length === roots.length;
      runScheduled();
      if (sameRoots) expectSeen(`step ${step}, batch`);
      await new Promise((resolve) => setTimeout(resolve, 3));
      runScheduled();
      expectSeen(`step ${step}, after the periodic check`);
    }
    if (watched) expect(patched + full).toBeGreaterThan(0);
  });
});

describe('row cache: reuse', () => {
  const pdd = PDD_CHAT;
  /** More rows in the PDD fixture's list, copies of its first with new buyer uids. */
  const addPddRows = (count: number) => {
    const list = document.querySelector('ul.chat-list')!;
    const template = list.querySelector('li')!;
    for (let i = 0; i < count; i++) {
      const li = template.cloneNode(true) as Element;
      (li.querySelector('.chat-item-box') ?? li).setAttribute('data-random', `${900000 + i}-0-all`);
      list.append(li);
    }
    return list;
  };
  /** The row elements of every conversation but the open one (which is merged with its thread). */
  const closedRowBoxes = (read: ChatRead) =>
    Array.from(document.querySelectorAll('.chat-item-box')).filter((box) => !read.conversations.find((row) => box.getAttribute('data-random')!.startsWith(`${row.key}-`))?.open);

  it('after one row changes, every other row is the very object read before; the changed one is read again', () => {
    const { cache, flush } = load('pinduoduo', 'chat-waiting.html');
    const first = pdd.read(document, NOW, cache).conversations;
    const row = document.querySelectorAll('.chat-item-box')[1]!;
    row.querySelector('.chat-message-content')!.textContent = '新消息';
    flush();
    const second = pdd.read(document, NOW, cache).conversations;
    const changedKey = second.find((r) => r.preview === '新消息')!.key;
    for (const before of first) {
      const after = second.find((r) => r.key === before.key)!;
      if (before.key === changedKey) expect(after).not.toBe(before);
      else if (!before.open) expect(after).toBe(before);
    }
  });

  it('text changed inside one row is patched into the last read: that row alone is reported, nothing else is read', () => {
    const { cache, flush } = load('pinduoduo', 'chat-waiting.html');
    const last = pdd.read(document, NOW, cache);
    cache.settled();
    diffChat(null, last);
    const closed = last.conversations.find((row) => !row.open)!;
    const box = Array.from(document.querySelectorAll('.chat-item-box')).find((el) => el.getAttribute('data-random')!.startsWith(`${closed.key}-`))!;
    box.querySelector('.chat-message-content')!.textContent = '新消息';
    flush();
    const rereads = cache.rereadTouched(NOW)!;
    expect(rereads.map((r) => [r.before, r.after.preview])).toEqual([[closed, '新消息']]);
    const patched = patchChat(last, rereads)!;
    expect(patched.change).toEqual({ full: false, changed: [{ ...closed, preview: '新消息' }], removedKeys: [], health: last.health });
    expect(last).toEqual(pdd.read(document, NOW));
    // A selected-row change is an attribute of the row itself: not patched, a full read is asked for.
    box.classList.add('active');
    flush();
    expect(cache.rereadTouched(NOW)).toBeNull();
  });

  it('a first read sliced to 10 new rows at a time: one incomplete pass over the list, the rest read from the queue 10 per slice, then one complete pass equal to a fresh read', () => {
    load('pinduoduo', 'chat-waiting.html');
    addPddRows(40);
    const total = document.querySelectorAll('.chat-item-box').length;
    const cache = new RowCache<ConversationRow>(pdd.rows);
    const slices: string[] = [];
    let read: ChatRead | null = null;
    while (read === null) {
      if (cache.readQueued(NOW, 10)) {
        slices.push('queue');
        continue;
      }
      cache.beginSlice(10);
      const pass = pdd.read(document, NOW, cache);
      slices.push(cache.incomplete ? 'incomplete pass' : 'complete pass');
      if (!cache.incomplete) read = pass;
    }
    cache.settled();
    expect(slices).toEqual(['incomplete pass', ...Array(Math.ceil((total - 10) / 10)).fill('queue'), 'complete pass']);
    expect(read).toEqual(pdd.read(document, NOW));
  });

  it('a full read over its budget of rows read afresh serves the other touched rows as before, completes, and leaves them touched to patch', () => {
    const { cache, flush } = load('pinduoduo', 'chat-waiting.html');
    const list = addPddRows(6);
    flush();
    const last = pdd.read(document, NOW, cache);
    cache.settled();
    const boxes = closedRowBoxes(last);
    boxes.forEach((box, i) => (box.querySelector('.chat-message-content')!.textContent = `新消息${i}`));
    // And something outside the rows: only a full read will do.
    list.append(document.createComment('x'));
    flush();
    cache.beginSlice(2);
    const full = pdd.read(document, NOW, cache);
    expect(cache.incomplete).toBe(false);
    cache.settled();
    expect(full.conversations.filter((row) => row.preview.startsWith('新消息'))).toHaveLength(2);
    expect(cache.touchedLeft).toBe(true);
    while (cache.touchedLeft) patchChat(full, cache.rereadTouched(NOW, 2)!);
    expect(full).toEqual(pdd.read(document, NOW));
  });

  it('a row that read with findings reports them again when reused', () => {
    const cache = new RowCache<string>(['div']);
    const el = document.createElement('div');
    const read = () => {
      const probe = new SelectorProbe();
      cache.read(el, probe, 0, (_el, rowProbe) => {
        rowProbe.unparsed.add('row.waitingText');
        return 'row';
      });
      return probe.report();
    };
    expect(read()).toEqual({ missingSelectors: [], unparsedFields: ['row.waitingText'] });
    expect(read()).toEqual({ missingSelectors: [], unparsedFields: ['row.waitingText'] });
  });

  it('a different context (the group a card sits in) reads the row again', () => {
    const cache = new RowCache<string>(['div']);
    const el = document.createElement('div');
    const probe = new SelectorProbe();
    let reads = 0;
    const read = (context: string) => cache.read(el, probe, 0, () => `${context}:${++reads}`, context);
    expect([read('请在3分钟内回复'), read('请在3分钟内回复'), read('已回复'), read('已回复')]).toEqual(['请在3分钟内回复:1', '请在3分钟内回复:1', '已回复:2', '已回复:2']);
  });

  it(`a change adding more than ${RESCAN_ABOVE_ADDED_NODES} nodes outside any row (the list rebuilt) forgets every row; as many rebuilt inside rows keep them cached`, () => {
    const cache = new RowCache<number>(['div']);
    const kept = document.createElement('div');
    const other = document.createElement('div');
    document.body.append(kept, other);
    let reads = 0;
    const read = (el: Element) => cache.read(el, new SelectorProbe(), 0, () => ++reads);
    read(kept);
    read(other);
    const spans = (count: number) => Array.from({ length: count }, () => document.createElement('span'));
    // Rows' insides rebuilt one record per row (a console re-rendering 3,000 ticking waiting times): only that row is read again.
    cache.touch(Array.from({ length: RESCAN_ABOVE_ADDED_NODES + 1 }, () => ({ type: 'childList', target: kept, addedNodes: spans(1), removedNodes: spans(1) }) as unknown as MutationRecord));
    expect(cache.rereadTouched(0)).toEqual([{ before: 1, after: 3 }]);
    expect([read(kept), read(other)]).toEqual([3, 2]);
    cache.touch([{ type: 'childList', target: document.body, addedNodes: spans(RESCAN_ABOVE_ADDED_NODES + 1), removedNodes: [] } as unknown as MutationRecord]);
    expect([read(kept), read(other)]).toEqual([4, 5]);
    cache.touch([{ type: 'childList', target: document.body, addedNodes: spans(10), removedNodes: [] } as unknown as MutationRecord]);
    expect([read(kept), read(other)]).toEqual([4, 5]);
  });

  it('a row put in place of another: both are forgotten (the one taken out may change unobserved before it comes back)', () => {
    const cache = new RowCache<number>(['div']);
    const list = document.createElement('section');
    const [first, second] = [document.createElement('div'), document.createElement('div')];
    list.append(first, second);
    document.body.append(list);
    let reads = 0;
    const read = (el: Element) => cache.read(el, new SelectorProbe(), 0, () => ++reads);
    expect([read(first), read(second)]).toEqual([1, 2]);
    second.remove(); // unobserved: still cached
    list.replaceChild(second, first);
    // As Chromium reports it: one record, the second row added and the first removed.
    cache.touch([{ type: 'childList', target: list, addedNodes: [second], removedNodes: [first] } as unknown as MutationRecord]);
    expect([read(first), read(second)]).toEqual([3, 4]);
  });

  it('touched rows are read again at most N per call, the rest left for the next; the patched read equals a fresh one', () => {
    const { cache, flush } = load('pinduoduo', 'chat-waiting.html');
    addPddRows(5);
    flush();
    const last = pdd.read(document, NOW, cache);
    cache.settled();
    diffChat(null, last);
    const boxes = closedRowBoxes(last);
    expect(boxes.length).toBeGreaterThanOrEqual(3);
    boxes.forEach((box, i) => (box.querySelector('.chat-message-content')!.textContent = `新消息${i}`));
    flush();
    const calls: number[] = [];
    while (cache.touchedLeft) {
      const rereads = cache.rereadTouched(NOW, 2)!;
      calls.push(rereads.length);
      expect(patchChat(last, rereads)!.change).not.toBeNull();
    }
    expect(calls).toEqual([...Array(Math.floor(boxes.length / 2)).fill(2), ...(boxes.length % 2 ? [1] : [])]);
    expect(last).toEqual(pdd.read(document, NOW));
  });
});
