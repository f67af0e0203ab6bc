import { describe, expect, it } from 'vitest';
import { clockStart, START_JITTER_MS } from '@/lib/rules/clock';
import type { ConversationRow, Speaker, ThreadMessage } from '@/lib/domain/chat';
import { shanghai } from '../helpers';

const AGENT_ONLY = { stoppedBy: ['agent'] as ('agent' | 'robot')[] };
const AGENT_OR_ROBOT = { stoppedBy: ['agent', 'robot'] as ('agent' | 'robot')[] };

function row(over: Partial<ConversationRow> = {}): ConversationRow {
  return {
    key: 'buyer-1',
    nick: 'b***1',
    preview: '',
    lastSpeaker: null,
    lastBuyerMessageAt: null,
    waiting: null,
    waitingText: null,
    waitingMs: null,
    open: false,
    messages: [],
    ...over,
  };
}

const msg = (iso: string, speaker: Speaker): ThreadMessage => ({ at: shanghai(iso), speaker });
const NOW = shanghai('2026-11-24T10:10:00');

describe('clockStart — open thread', () => {
  // buyer → agent → buyer → robot → buyer
  const thread = [
    msg('2026-11-24T10:00:00', 'buyer'),
    msg('2026-11-24T10:01:00', 'agent'),
    msg('2026-11-24T10:02:00', 'buyer'),
    msg('2026-11-24T10:02:05', 'robot'),
    msg('2026-11-24T10:03:00', 'buyer'),
  ];

  it('stoppedBy [agent]: the robot reply does not stop the clock → second buyer message (10:02:00)', () => {
    expect(clockStart(row({ open: true, messages: thread }), AGENT_ONLY, NOW, null)).toBe(shanghai('2026-11-24T10:02:00'));
  });

  it('stoppedBy [agent, robot]: the robot reply stops it → last buyer message (10:03:00)', () => {
    expect(clockStart(row({ open: true, messages: thread }), AGENT_OR_ROBOT, NOW, null)).toBe(shanghai('2026-11-24T10:03:00'));
  });

  it('a thread ending with the agent → null', () => {
    const answered = [...thread, msg('2026-11-24T10:04:00', 'agent')];
    expect(clockStart(row({ open: true, messages: answered }), AGENT_ONLY, NOW, null)).toBeNull();
    expect(clockStart(row({ open: true, messages: answered }), AGENT_OR_ROBOT, NOW, null)).toBeNull();
  });

  it('a thread ending with the robot → null for [agent, robot], still running for [agent]', () => {
    const robotLast = [msg('2026-11-24T10:05:00', 'buyer'), msg('2026-11-24T10:05:03', 'robot')];
    expect(clockStart(row({ open: true, messages: robotLast }), AGENT_OR_ROBOT, NOW, null)).toBeNull();
    expect(clockStart(row({ open: true, messages: robotLast }), AGENT_ONLY, NOW, null)).toBe(shanghai('2026-11-24T10:05:00'));
  });

  it('system messages never stop the clock', () => {
    const withSystem = [msg('2026-11-24T10:05:00', 'buyer'), msg('2026-11-24T10:05:10', 'system'), msg('2026-11-24T10:06:00', 'buyer')];
    expect(clockStart(row({ open: true, messages: withSystem }), AGENT_OR_ROBOT, NOW, null)).toBe(shanghai('2026-11-24T10:05:00'));
  });

  it('no stopper in the tail and an earlier previousStart → previousStart (the tail began mid-wait)', () => {
    const tail = [msg('2026-11-24T10:05:00', 'buyer'), msg('2026-11-24T10:06:00', 'buyer')];
    const previous = shanghai('2026-11-24T10:03:30');
    expect(clockStart(row({ open: true, messages: tail }), AGENT_ONLY, NOW, previous)).toBe(previous);
  });

  it('no stopper in the tail and a later previousStart → the thread’s own first buyer message', () => {
    const tail = [msg('2026-11-24T10:05:00', 'buyer'), msg('2026-11-24T10:06:00', 'buyer')];
    expect(clockStart(row({ open: true, messages: tail }), AGENT_ONLY, NOW, shanghai('2026-11-24T10:05:30'))).toBe(
      shanghai('2026-11-24T10:05:00'),
    );
  });

  it('a thread with no buyer message after the last stopper → null even with a previousStart', () => {
    const tail = [msg('2026-11-24T10:05:00', 'buyer'), msg('2026-11-24T10:06:00', 'agent'), msg('2026-11-24T10:06:30', 'system')];
    expect(clockStart(row({ open: true, messages: tail }), AGENT_ONLY, NOW, shanghai('2026-11-24T10:05:00'))).toBeNull();
  });

  it('thread messages win over the list fields (waiting false is ignored when the thread shows a waiting buyer)', () => {
    const tail = [msg('2026-11-24T10:05:00', 'buyer')];
    expect(clockStart(row({ open: true, waiting: false, lastSpeaker: 'agent', messages: tail }), AGENT_ONLY, NOW, null)).toBe(
      shanghai('2026-11-24T10:05:00'),
    );
  });

  // Regression: a reply visible in the tail ends the earlier wait, so a stale previousStart must not win.
  it('a visible stopper after previousStart discards previousStart', () => {
    const tail = [msg('2026-11-24T10:00:00', 'buyer'), msg('2026-11-24T10:01:00', 'agent'), msg('2026-11-24T10:02:00', 'buyer')];
    const stalePrevious = shanghai('2026-11-24T10:00:00');
    expect(clockStart(row({ open: true, messages: tail }), AGENT_ONLY, NOW, stalePrevious)).toBe(shanghai('2026-11-24T10:02:00'));
  });
});

describe('clockStart — list-only rows', () => {
  it('waiting with waitingMs → now − waitingMs', () => {
    expect(clockStart(row({ waiting: true, waitingMs: 45_000 }), AGENT_ONLY, NOW, null)).toBe(shanghai('2026-11-24T10:09:15'));
  });

  it('waitingMs within 2 s of previousStart → previousStart (one-second page resolution)', () => {
    expect(START_JITTER_MS).toBe(2_000);
    const fromPage = NOW - 45_000;
    const r = row({ waiting: true, waitingMs: 45_000 });
    expect(clockStart(r, AGENT_ONLY, NOW, fromPage - 1_000)).toBe(fromPage - 1_000);
    expect(clockStart(r, AGENT_ONLY, NOW, fromPage + 2_000)).toBe(fromPage + 2_000);
    expect(clockStart(r, AGENT_ONLY, NOW, fromPage - 2_000)).toBe(fromPage - 2_000);
  });

  it('waitingMs more than 2 s away from previousStart → now − waitingMs (a new wait)', () => {
    const fromPage = NOW - 45_000;
    const r = row({ waiting: true, waitingMs: 45_000 });
    expect(clockStart(r, AGENT_ONLY, NOW, fromPage - 2_001)).toBe(fromPage);
    expect(clockStart(r, AGENT_ONLY, NOW, shanghai('2026-11-24T09:00:00'))).toBe(fromPage);
  });

  it('waiting true without waitingMs and no previous → lastBuyerMessageAt', () => {
    const lastBuyer = shanghai('2026-11-24T10:07:00');
    expect(clockStart(row({ waiting: true, lastBuyerMessageAt: lastBuyer }), AGENT_ONLY, NOW, null)).toBe(lastBuyer);
  });

  it('waiting true without waitingMs, no previous and no lastBuyerMessageAt → now', () => {
    expect(clockStart(row({ waiting: true }), AGENT_ONLY, NOW, null)).toBe(NOW);
  });

  it('waiting true without waitingMs but with a previousStart → previousStart', () => {
    const previous = shanghai('2026-11-24T10:06:00');
    expect(clockStart(row({ waiting: true, lastBuyerMessageAt: shanghai('2026-11-24T10:08:00') }), AGENT_ONLY, NOW, previous)).toBe(previous);
  });

  it('waiting false and no messages → null, whatever the other fields say', () => {
    const r = row({ waiting: false, lastSpeaker: 'buyer', lastBuyerMessageAt: shanghai('2026-11-24T10:07:00'), waitingMs: 10_000 });
    expect(clockStart(r, AGENT_ONLY, NOW, null)).toBeNull();
    expect(clockStart(r, AGENT_ONLY, NOW, shanghai('2026-11-24T10:07:00'))).toBeNull();
  });

  it('waiting null with lastSpeaker robot → running for [agent] (from lastBuyerMessageAt)', () => {
    const lastBuyer = shanghai('2026-11-24T10:07:00');
    expect(clockStart(row({ lastSpeaker: 'robot', lastBuyerMessageAt: lastBuyer }), AGENT_ONLY, NOW, null)).toBe(lastBuyer);
  });

  it('waiting null with lastSpeaker robot → stopped for [agent, robot]', () => {
    expect(clockStart(row({ lastSpeaker: 'robot', lastBuyerMessageAt: shanghai('2026-11-24T10:07:00') }), AGENT_OR_ROBOT, NOW, null)).toBeNull();
  });

  it('waiting null with lastSpeaker buyer → running; agent, system or unknown → null', () => {
    const lastBuyer = shanghai('2026-11-24T10:07:00');
    expect(clockStart(row({ lastSpeaker: 'buyer', lastBuyerMessageAt: lastBuyer }), AGENT_ONLY, NOW, null)).toBe(lastBuyer);
    expect(clockStart(row({ lastSpeaker: 'agent', lastBuyerMessageAt: lastBuyer }), AGENT_ONLY, NOW, null)).toBeNull();
    expect(clockStart(row({ lastSpeaker: 'system', lastBuyerMessageAt: lastBuyer }), AGENT_ONLY, NOW, null)).toBeNull();
    expect(clockStart(row({ lastSpeaker: null, lastBuyerMessageAt: lastBuyer }), AGENT_ONLY, NOW, null)).toBeNull();
  });

  it('waiting null, lastSpeaker buyer, with waitingMs → now − waitingMs', () => {
    expect(clockStart(row({ lastSpeaker: 'buyer', waitingMs: 90_000 }), AGENT_ONLY, NOW, null)).toBe(shanghai('2026-11-24T10:08:30'));
  });
});

describe('clockStart by what starts the clock', () => {
  const at = (hms: string) => shanghai(`2026-11-24T${hms}`);
  const base = { open: true, messages: [] as ConversationRow['messages'] };

  it('human-transfer (Douyin): a wait that began with the bot starts at the transfer', () => {
    const rule = { stoppedBy: ['agent'] as const, startsOn: 'human-transfer' as const };
    const messages = [{ at: at('10:00:00'), speaker: 'buyer' as const }, { at: at('10:00:05'), speaker: 'robot' as const }];
    expect(clockStart({ ...row(base), messages, humanFrom: at('10:01:00') }, { ...rule, stoppedBy: ['agent'] }, at('10:02:00'), null)).toBe(at('10:01:00'));
    // A question after the transfer starts its own clock; an unknown transfer time leaves the strict start.
    const later = [...messages, { at: at('10:03:00'), speaker: 'agent' as const }, { at: at('10:04:00'), speaker: 'buyer' as const }];
    expect(clockStart({ ...row(base), messages: later, humanFrom: at('10:01:00') }, { ...rule, stoppedBy: ['agent'] }, at('10:05:00'), null)).toBe(at('10:04:00'));
    expect(clockStart({ ...row(base), messages }, { ...rule, stoppedBy: ['agent'] }, at('10:02:00'), null)).toBe(at('10:00:00'));
  });

  it('session-start (JD): only the first consultation of a session is timed', () => {
    const rule = { stoppedBy: ['agent'] as ('agent' | 'robot')[], startsOn: 'session-start' as const };
    const first = [{ at: at('10:00:00'), speaker: 'buyer' as const }, { at: at('10:00:10'), speaker: 'buyer' as const }];
    expect(clockStart({ ...row(base), messages: first }, rule, at('10:00:20'), null)).toBe(at('10:00:00'));
    const answered = [...first, { at: at('10:00:20'), speaker: 'agent' as const }, { at: at('10:02:00'), speaker: 'buyer' as const }];
    expect(clockStart({ ...row(base), messages: answered }, rule, at('10:02:10'), null)).toBeNull();
  });
});
