import { describe, expect, it } from 'vitest';
import { chunkDelta, diffChat, patchChat, withOpenMerge } from '@/lib/adapters/diff';
import { row } from '../tracker/harness';

const healthy = { missingSelectors: [], unparsedFields: [] };
const health = healthy;

describe('diffChat', () => {
  it('reports everything first, then only changed and removed rows, then nothing', () => {
    const first = { conversations: [row('1'), row('2')], health: healthy };
    expect(diffChat(null, first)).toMatchObject({ full: true, changed: first.conversations });
    const second = { conversations: [row('1', { waiting: true })], health: healthy };
    expect(diffChat(first, second)).toEqual({ full: false, changed: [second.conversations[0]], removedKeys: ['2'], health: healthy });
    expect(diffChat(second, structuredClone(second))).toBeNull();
  });

  it('reports a health change on its own', () => {
    const a = { conversations: [row('1')], health: healthy };
    const b = { conversations: [row('1')], health: { missingSelectors: ['conversationList'], unparsedFields: [] } };
    expect(diffChat(a, b)).toEqual({ full: false, changed: [], removedKeys: [], health: b.health });
  });
});

describe('patchChat and the open conversation', () => {
  const merge = (listed: ReturnType<typeof row>) => ({ ...listed, open: true, lastSpeaker: 'buyer' as const });
  const readWithOpen = () => {
    const listed = row('1', { nick: '甲', preview: '你好' });
    const read = withOpenMerge({ conversations: [merge(listed), row('2')], health }, listed, merge);
    return { read, listed };
  };

  it('its list row read again is merged with the thread as the read did', () => {
    const { read, listed } = readWithOpen();
    const after = { ...listed, preview: '在吗' };
    const patched = patchChat(read, [{ before: listed, after }]);
    expect(patched?.change?.changed).toEqual([merge(after)]);
    expect(read.conversations[0]).toEqual(merge(after));
    // Again from the row as now merged: the read remembers the new list row.
    const later = { ...after, preview: '人呢' };
    expect(patchChat(read, [{ before: after, after: later }])?.change?.changed).toEqual([merge(later)]);
  });

  it('a renamed open row, or one the read did not note a merge for, asks for a full read', () => {
    const { read, listed } = readWithOpen();
    expect(patchChat(read, [{ before: listed, after: { ...listed, nick: '乙' } }])).toBeNull();
    const plain = { conversations: [merge(listed)], health };
    expect(patchChat(plain, [{ before: listed, after: { ...listed, preview: '在吗' } }])).toBeNull();
  });
});

describe('chunkDelta', () => {
  it('keeps small deltas whole and splits large ones, full only on the first chunk', () => {
    const small = { full: true, changed: [row('1')], removedKeys: [], health: healthy };
    expect(chunkDelta(small)).toEqual([small]);
    const rows = Array.from({ length: 2500 }, (_, i) => row(String(i)));
    const chunks = chunkDelta({ full: true, changed: rows, removedKeys: [], health: healthy });
    expect(chunks.map((c) => [c.full, c.changed.length])).toEqual([
      [true, 1000],
      [false, 1000],
      [false, 500],
    ]);
    expect(chunks.flatMap((c) => c.changed)).toEqual(rows);
  });
});

describe('diffChat and ticking waiting times', () => {
  it('a waiting-time text that only ticks is not a change; a new wait is', () => {
    const first = { conversations: [row('1', { waiting: true, waitingText: '已等待1分30秒', waitingMs: 90_000 })], health };
    diffChat(null, first);
    const tick = { conversations: [row('1', { waiting: true, waitingText: '已等待1分30秒', waitingMs: 90_000 })], health };
    expect(diffChat(first, tick)).toBeNull();
    const restarted = { conversations: [row('1', { waiting: true, waitingText: '已等待5秒', waitingMs: 5_000 })], health };
    expect(diffChat(tick, restarted)?.changed.map((r) => r.key)).toEqual(['1']);
  });
});

describe('diffChat on a page whose waiting text does not tick', () => {
  it('an unchanged text stays unchanged however much time passes', async () => {
    const { vi } = await import('vitest');
    vi.useFakeTimers({ now: 1_000_000 });
    try {
      const first = { conversations: [row('1', { waiting: true, waitingText: '已等待1分30秒', waitingMs: 90_000 })], health };
      diffChat(null, first);
      vi.setSystemTime(1_000_000 + 60_000);
      const later = { conversations: [row('1', { waiting: true, waitingText: '已等待1分30秒', waitingMs: 90_000 })], health };
      expect(diffChat(first, later)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
