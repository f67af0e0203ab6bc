import { describe, expect, it } from 'vitest';
import { AftersaleUpdateReply, ChatUpdateReply } from '@/lib/messaging/protocol';
import { parseAftersaleUpdateReply, parseChatUpdateReply } from '@/lib/messaging/reply-guards';

describe('content-script reply guards agree with the zod schemas', () => {
  const chatCases: unknown[] = [
    { ok: true, degraded: false, deadlines: [{ key: '1', ruleId: 'r', label: 'l', dueAt: 5 }] },
    { ok: true, degraded: true, deadlines: [] },
    { ok: false, error: 'boom' },
    { ok: true, degraded: false, deadlines: [{ key: 1, ruleId: 'r', label: 'l', dueAt: 5 }] },
    { ok: true, deadlines: [] },
    { ok: false },
    null,
    'ok',
    [],
  ];
  it.each(chatCases.map((c) => [JSON.stringify(c), c]))('chat/update reply %s', (_, raw) => {
    const zod = ChatUpdateReply.safeParse(raw);
    if (zod.success) expect(parseChatUpdateReply(raw)).toEqual(zod.data);
    else expect(() => parseChatUpdateReply(raw)).toThrow(/malformed/);
  });

  it.each([
    [{ ok: true, degraded: false, cases: { open: 0, nearest: null } }],
    [{ ok: true, degraded: true, cases: { open: 2, nearest: { id: 'pdd:default:1', caseId: '1', dueAt: 5 } } }],
    [{ ok: true, degraded: true, cases: { open: 2, nearest: { id: 'pdd:default:1', caseId: '1', dueAt: 'soon' } } }],
    [{ ok: true, degraded: false }],
    [{ ok: false, error: 'x' }],
    [{ ok: true }],
    [undefined],
  ])('aftersale/update reply %j', (raw) => {
    const zod = AftersaleUpdateReply.safeParse(raw);
    if (zod.success) expect(parseAftersaleUpdateReply(raw)).toEqual(zod.data);
    else expect(() => parseAftersaleUpdateReply(raw)).toThrow(/malformed/);
  });
});
