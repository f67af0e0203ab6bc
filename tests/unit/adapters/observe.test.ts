// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { diffChat, type ChatDelta } from '@/lib/adapters/diff';
import { observe, type Observation } from '@/lib/adapters/observe';
import { pddChatRoots, readPddChat } from '@/lib/adapters/pinduoduo';
import { fixture, shanghai } from '../helpers';

const NOW = shanghai('2026-11-24T10:01:30');

/** A frame scheduler the test advances by hand. */
function manualFrames() {
  const queue: (() => void)[] = [];
  return {
    schedule: (run: () => void) => void queue.push(run),
    get pending() {
      return queue.length;
    },
    run() {
      queue.splice(0).forEach((job) => job());
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0)); // let MutationObserver callbacks run

let observation: Observation | undefined;
afterEach(() => observation?.stop());

function start(frames = manualFrames()) {
  document.documentElement.innerHTML = fixture('pinduoduo', 'chat-waiting.html').replace(/^[\s\S]*?<html[^>]*>/, '').replace(/<\/html>\s*$/, '');
  const changes: ChatDelta[] = [];
  let reads = 0;
  observation = observe({
    doc: document,
    findRoots: pddChatRoots,
    read: () => {
      reads++;
      return readPddChat(document, NOW);
    },
    diff: diffChat,
    onChange: (change) => changes.push(change as ChatDelta),
    schedule: frames.schedule,
    recheckMs: 20,
  });
  observation.flush();
  return { frames, changes, reads: () => reads };
}

const rowBox = (uid: string) => document.querySelector(`.chat-item-box[data-random^="${uid}-"]`)!;

describe('observe', () => {
  it('reports the whole page first, then nothing while nothing changes', async () => {
    const { frames, changes } = start();
    expect(changes).toHaveLength(1);
    expect(changes[0]!.full).toBe(true);
    expect(changes[0]!.changed.map((r) => r.key)).toEqual(['1001', '1002', '1003']);
    // A mutation that changes nothing the reader reports: no message.
    rowBox('1002').setAttribute('class', 'chat-item-box');
    await settle();
    frames.run();
    expect(changes).toHaveLength(1);
  });

  it('batches many mutations into one read per frame and sends only the changed row', async () => {
    const { frames, changes, reads } = start();
    const before = reads();
    rowBox('1002').insertAdjacentHTML('beforeend', '<span class="chat-unreply-over-time">已等待5秒</span>');
    rowBox('1002').querySelector('.chat-message-content')!.textContent = '在吗';
    rowBox('1002').querySelector('.item-note')!.textContent = '10:01';
    await settle();
    expect(frames.pending).toBe(1);
    frames.run();
    expect(reads() - before).toBe(1);
    expect(changes).toHaveLength(2);
    expect(changes[1]).toMatchObject({ full: false, removedKeys: [] });
    expect(changes[1]!.changed.map((r) => [r.key, r.waitingMs, r.preview])).toEqual([['1002', 5000, '在吗']]);
  });

  it('re-finds the list when the SPA replaces it, and keeps watching the new node', async () => {
    const { frames, changes } = start();
    const old = document.querySelector('ul.chat-list')!;
    const replacement = old.cloneNode(true) as Element;
    old.replaceWith(replacement);
    await settle();
    frames.run();
    expect(changes).toHaveLength(1); // same content, nothing to send
    replacement.querySelector('.chat-item-box[data-random^="1003-"] .chat-unreply-over-time')!.remove();
    await settle();
    frames.run();
    expect(changes).toHaveLength(2);
    expect(changes[1]!.changed.map((r) => [r.key, r.waiting])).toEqual([['1003', false]]);
  });

  it('notices a remount far above the watched roots through its periodic check', async () => {
    const { frames, changes } = start();
    const app = document.querySelector('.merchantApp')!;
    const copy = app.cloneNode(true) as Element;
    app.replaceWith(copy);
    await new Promise((resolve) => setTimeout(resolve, 60));
    frames.run();
    copy.querySelector('.chat-item-box[data-random^="1002-"] .nickname-span')!.textContent = '新昵称';
    await settle();
    frames.run();
    expect(changes.at(-1)!.changed.map((r) => [r.key, r.nick])).toEqual([['1002', '新昵称']]);
  });

  it('waits for the app to mount its list, then reports it', async () => {
    document.documentElement.innerHTML = '<head></head><body><div class="merchantApp"></div></body>';
    const frames = manualFrames();
    const changes: ChatDelta[] = [];
    observation = observe({
      doc: document,
      findRoots: pddChatRoots,
      read: () => readPddChat(document, NOW),
      diff: diffChat,
      onChange: (change) => changes.push(change as ChatDelta),
      schedule: frames.schedule,
    });
    observation.flush();
    expect(changes[0]!.health.missingSelectors).toEqual(['conversationList']);
    document.querySelector('.merchantApp')!.innerHTML =
      '<ul class="chat-list"><li class="chat-item"><div class="chat-item-box" data-random="5-0-all"><span class="nickname-span">n</span></div></li></ul>';
    await settle();
    frames.run();
    expect(changes.at(-1)).toMatchObject({ health: { missingSelectors: [] } });
    expect(changes.at(-1)!.changed.map((r) => r.key)).toEqual(['5']);
  });

  it('contains reader errors instead of throwing into the page', async () => {
    const errors: unknown[] = [];
    document.documentElement.innerHTML = '<head></head><body><ul class="chat-list"></ul></body>';
    observation = observe({
      doc: document,
      findRoots: pddChatRoots,
      read: () => {
        throw new Error('boom');
      },
      diff: diffChat,
      onChange: () => undefined,
      onError: (error) => errors.push(error),
      schedule: (run) => run(),
    });
    expect(() => observation!.flush()).not.toThrow();
    expect(errors).toHaveLength(1);
  });
});

describe('observe ignores the extension itself', () => {
  it('adding or changing our own overlay hosts never triggers a read', async () => {
    document.documentElement.innerHTML = '<head></head><body><div class="merchantApp"></div></body>';
    const frames = manualFrames();
    observation = observe({
      doc: document,
      findRoots: pddChatRoots,
      read: () => readPddChat(document, NOW),
      diff: diffChat,
      onChange: () => undefined,
      schedule: frames.schedule,
    });
    observation.flush();
    const host = document.createElement('kefu-guard-overlay');
    document.body.append(host);
    host.setAttribute('style', 'x');
    await settle();
    expect(frames.pending).toBe(0);
    document.querySelector('.merchantApp')!.append(document.createElement('div'));
    await settle();
    expect(frames.pending).toBe(1);
  });
});
