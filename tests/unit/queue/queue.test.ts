import { describe, expect, it } from 'vitest';
import { buildQueue, queueFacets, STALE_AFTER_MS } from '@/lib/queue/queue';
import type { CaseRecord } from '@/lib/store/db';
import type { AtRiskRow } from '@/lib/tracker/at-risk';

const NOW = Date.parse('2026-11-24T02:00:00Z');
const M = 60_000;

const chat = (id: string, dueIn: number, patch: Partial<AtRiskRow> = {}): AtRiskRow => ({
  conversationId: `pdd:default:${id}`,
  platform: 'pdd',
  shop: 'default',
  nick: id,
  preview: '',
  ruleId: 'pdd.reply.human_3min',
  dueAt: NOW + dueIn,
  atRisk: false,
  lapsedRuleIds: [],
  ...patch,
});

const kase = (id: string, dueIn: number | null, patch: Partial<CaseRecord> = {}): CaseRecord => ({
  id: `jd:shop-b:${id}`,
  platform: 'jd',
  shop: 'shop-b',
  caseId: id,
  orderId: null,
  kind: 'return_refund',
  kindText: '退货',
  stage: 'seller_review',
  stageText: '待审核',
  stageHistory: [],
  amountFen: null,
  appliedAt: null,
  deadlineText: null,
  pageDeadline: null,
  autoAction: null,
  autoActionText: null,
  url: '',
  tabId: 1,
  firstSeenAt: NOW,
  lastSeenAt: NOW,
  observedAt: NOW,
  stageKey: 'seller_review@0',
  ruleId: null,
  stageStartedAt: null,
  ruleDueAt: null,
  dueAt: dueIn === null ? null : NOW + dueIn,
  differenceMs: null,
  riskFrom: null,
  ...patch,
});

describe('the queue', () => {
  it('ranks chats and cases together by time to penalty, overdue first, untimed cases last', () => {
    const items = buildQueue([chat('a', 2 * M), chat('b', -M)], [kase('c1', M), kase('c2', null), kase('c3', 10 * M)], NOW);
    expect(items.map((i) => i.id)).toEqual(['pdd:default:b', 'jd:shop-b:c1', 'pdd:default:a', 'jd:shop-b:c3', 'jd:shop-b:c2']);
  });

  it('leaves closed cases out and marks long-unseen ones stale instead of dropping them', () => {
    const items = buildQueue([], [kase('done', M, { stage: 'closed' }), kase('old', -5 * M, { lastSeenAt: NOW - STALE_AFTER_MS - 1 }), kase('fresh', M)], NOW);
    expect(items.map((i) => [i.id, i.type === 'case' && i.stale])).toEqual([
      ['jd:shop-b:old', true],
      ['jd:shop-b:fresh', false],
    ]);
  });

  it('filters by type, platform and shop', () => {
    const chats = [chat('a', M), chat('x', M, { conversationId: 'pdd:shop-z:x', shop: 'shop-z' })];
    const cases = [kase('c1', M)];
    expect(buildQueue(chats, cases, NOW, { type: 'case', platform: 'all', shop: 'all' }).map((i) => i.id)).toEqual(['jd:shop-b:c1']);
    expect(buildQueue(chats, cases, NOW, { type: 'all', platform: 'pdd', shop: 'all' })).toHaveLength(2);
    expect(buildQueue(chats, cases, NOW, { type: 'all', platform: 'all', shop: 'shop-z' }).map((i) => i.id)).toEqual(['pdd:shop-z:x']);
    expect(queueFacets(chats, cases)).toEqual({ platforms: ['jd', 'pdd'], shops: ['default', 'shop-b', 'shop-z'] });
  });
});
