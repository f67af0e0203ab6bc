import type { PlatformId } from '@/lib/domain/platform';
import type { CaseRecord, DeadlineRecord, DeadlineState, WarningRecord } from '@/lib/store/db';
import { shanghai } from '../helpers';

/**
 * A seeded history for the dashboard tests: three local days (2026-11-22…24, "now" is 11-24
 * 15:00 Shanghai), two platforms, two shops each, reply clocks met / missed / not assessed /
 * running / overdue, after-sales stages on time / late / unseen / running, and warnings fired
 * and acted on, fired and not, not fired.
 */
export const NOW = shanghai('2026-11-24T15:00:00');
export const H = 3_600_000;
export const MIN = 60_000;

export const PDD_FLAG = 'pdd:旗舰店';
export const PDD_DEFAULT = 'pdd:default';
/** A shop name with ':' in it: conversation ids are `${platform}:${shop}:${key}`. */
export const KS_SHOP = '快手:一店';
export const KS = `kuaishou:${KS_SHOP}`;
export const VALID = 'pdd.reply.valid_60min'; // pass line ≥50% per day, min 100
export const HUMAN = 'pdd.reply.human_3min'; // no pass line
export const KS_RULE = 'kuaishou.reply.merchant_3min'; // pass line ≥70% per week

let n = 0;
/** A reply clock of conversation `${prefix}:b<n>` started at a Shanghai wall time. */
export function clock(prefix: string, ruleId: string, startedAt: string | number, state: DeadlineState, limitMs = 60 * MIN): DeadlineRecord {
  const start = typeof startedAt === 'number' ? startedAt : shanghai(startedAt);
  const conversationId = `${prefix}:b${++n}`;
  const closedAt = state === 'open' ? null : state === 'met' ? start + limitMs / 2 : start + limitMs * 2;
  return {
    id: `${conversationId}|${ruleId}|${start}`,
    conversationId,
    platform: prefix.split(':')[0] as PlatformId,
    ruleId,
    startedAt: start,
    dueAt: start + limitMs,
    riskFrom: start + limitMs - 10 * MIN,
    state,
    closedAt,
  };
}

const many = (count: number, make: (i: number) => DeadlineRecord) => Array.from({ length: count }, (_, i) => make(i));

// --- reply clocks -----------------------------------------------------------------------------

export const overdueClock = clock(PDD_FLAG, VALID, '2026-11-24T13:00:00', 'open'); // due 14:00, still open at 15:00
export const runningClock = clock(PDD_FLAG, VALID, '2026-11-24T14:30:00', 'open'); // due 15:30
export const metClock = clock(PDD_FLAG, VALID, '2026-11-24T10:00:00', 'met');
export const missedClock = clock(PDD_FLAG, VALID, '2026-11-24T11:00:00', 'missed');
export const exemptClock = clock(PDD_FLAG, VALID, '2026-11-23T09:00:00', 'not-assessed');
/** Last second of 11-23 and first of 11-24, Shanghai. */
export const lastSecond = clock(PDD_FLAG, VALID, '2026-11-23T23:59:59', 'met');
export const firstSecond = clock(PDD_FLAG, VALID, '2026-11-24T00:00:00', 'missed');

export const deadlines: DeadlineRecord[] = [
  // 11-22 旗舰店: 3 met, 1 missed
  ...many(3, (i) => clock(PDD_FLAG, VALID, shanghai('2026-11-22T09:00:00') + i * MIN, 'met')),
  clock(PDD_FLAG, VALID, '2026-11-22T12:00:00', 'missed'),
  // 11-23 旗舰店: 2 met + lastSecond, 2 missed, 1 not assessed
  ...many(2, (i) => clock(PDD_FLAG, VALID, shanghai('2026-11-23T10:00:00') + i * MIN, 'met')),
  ...many(2, (i) => clock(PDD_FLAG, VALID, shanghai('2026-11-23T11:00:00') + i * MIN, 'missed')),
  exemptClock,
  lastSecond,
  // 11-24 旗舰店: metClock + 7 = 8 met; missedClock + firstSecond + overdue = 3 missed; 1 running
  metClock,
  ...many(7, (i) => clock(PDD_FLAG, VALID, shanghai('2026-11-24T09:00:00') + i * MIN, 'met')),
  missedClock,
  firstSecond,
  overdueClock,
  runningClock,
  clock(PDD_FLAG, HUMAN, '2026-11-24T09:30:00', 'met', 3 * MIN),
  clock(PDD_FLAG, HUMAN, '2026-11-24T09:40:00', 'missed', 3 * MIN),
  // 11-24 default shop
  clock(PDD_DEFAULT, VALID, '2026-11-24T08:30:00', 'met'),
  // Kuaishou: 11-23 7 met / 3 missed; 11-24 2 met
  ...many(7, (i) => clock(KS, KS_RULE, shanghai('2026-11-23T10:00:00') + i * MIN, 'met', 3 * MIN)),
  ...many(3, (i) => clock(KS, KS_RULE, shanghai('2026-11-23T12:00:00') + i * MIN, 'missed', 3 * MIN)),
  ...many(2, (i) => clock(KS, KS_RULE, shanghai('2026-11-24T10:00:00') + i * MIN, 'met', 3 * MIN)),
];

// --- after-sales cases ------------------------------------------------------------------------

const at = shanghai;
const kase = (platform: PlatformId, shop: string, caseId: string, patch: Partial<CaseRecord>): CaseRecord => ({
  id: `${platform}:${shop}:${caseId}`,
  platform,
  shop,
  caseId,
  orderId: null,
  kind: 'refund_only',
  kindText: '仅退款',
  stage: 'seller_review',
  stageText: '待商家处理',
  stageHistory: [],
  amountFen: null,
  appliedAt: null,
  deadlineText: null,
  pageDeadline: null,
  autoAction: null,
  autoActionText: null,
  url: '',
  tabId: null,
  firstSeenAt: 0,
  lastSeenAt: NOW,
  observedAt: NOW,
  stageKey: '',
  ruleId: null,
  stageStartedAt: null,
  ruleDueAt: null,
  dueAt: null,
  differenceMs: null,
  riskFrom: null,
  ...patch,
});

/** Review left on time (11-23 09:00 ≤ 10:00), then receipt left late (closed 11-24 12:00 > 10:00). */
export const caseA = kase('pdd', '旗舰店', 'A', {
  stage: 'closed',
  stageText: '退款成功',
  stageHistory: [
    { stage: 'seller_review', stageText: '待商家处理', seenAt: at('2026-11-22T10:00:00'), dueAt: at('2026-11-23T10:00:00') },
    { stage: 'seller_confirm_receipt', stageText: '待商家收货', seenAt: at('2026-11-23T09:00:00'), dueAt: at('2026-11-24T10:00:00') },
    { stage: 'closed', stageText: '退款成功', seenAt: at('2026-11-24T12:00:00') },
  ],
  stageKey: `closed@${at('2026-11-24T12:00:00')}`,
});
/** Still in review (one stage-text change inside it), due 12:00, seen at 14:00: late. */
export const caseB = kase('pdd', 'default', 'B', {
  stageHistory: [
    { stage: 'seller_review', stageText: '待商家处理', seenAt: at('2026-11-24T08:00:00'), dueAt: at('2026-11-24T12:00:00') },
    { stage: 'seller_review', stageText: '待商家处理（加急）', seenAt: at('2026-11-24T09:00:00') },
  ],
  stageKey: `seller_review@${at('2026-11-24T08:00:00')}`,
  dueAt: at('2026-11-24T12:00:00'),
  lastSeenAt: at('2026-11-24T14:00:00'),
});
/** Due 11:00 but last seen 08:00: no verdict. */
export const caseC = kase('kuaishou', KS_SHOP, 'C', {
  stageHistory: [{ stage: 'seller_review', stageText: '待处理', seenAt: at('2026-11-24T07:00:00') }],
  stageKey: `seller_review@${at('2026-11-24T07:00:00')}`,
  dueAt: at('2026-11-24T11:00:00'),
  lastSeenAt: at('2026-11-24T08:00:00'),
});
/** Due tomorrow: running. */
export const caseD = kase('kuaishou', KS_SHOP, 'D', {
  stageHistory: [{ stage: 'seller_review', stageText: '待处理', seenAt: at('2026-11-24T13:00:00') }],
  stageKey: `seller_review@${at('2026-11-24T13:00:00')}`,
  dueAt: at('2026-11-25T10:00:00'),
});
/** No deadline ever known: counts nowhere. */
export const caseE = kase('pdd', '旗舰店', 'E', {
  stageHistory: [{ stage: 'seller_review', stageText: '待处理', seenAt: at('2026-11-24T13:00:00') }],
  stageKey: `seller_review@${at('2026-11-24T13:00:00')}`,
});

export const cases: CaseRecord[] = [caseA, caseB, caseC, caseD, caseE];

// --- warnings ---------------------------------------------------------------------------------

export function fired(deadlineId: string, firedAt: string, dueAt: number, beforeMs: number, caseRecordId?: string): WarningRecord {
  return {
    id: `${deadlineId}|${beforeMs}`,
    deadlineId,
    beforeMs,
    warnAt: dueAt - beforeMs,
    state: 'fired',
    firedAt: shanghai(firedAt),
    message: '提醒',
    ...(caseRecordId ? { caseRecordId } : {}),
  };
}
const caseLadder = (c: CaseRecord, stageKey: string) => `case|${c.id}|${stageKey}`;

export const warnings: WarningRecord[] = [
  // metClock: two rungs, one alert, acted on (11-24)
  fired(metClock.id, '2026-11-24T10:50:00', metClock.dueAt, 10 * MIN),
  fired(metClock.id, '2026-11-24T10:55:00', metClock.dueAt, 5 * MIN),
  // missedClock: late (11-24)
  fired(missedClock.id, '2026-11-24T11:50:00', missedClock.dueAt, 10 * MIN),
  // overdue: late; running: open (11-24)
  fired(overdueClock.id, '2026-11-24T13:50:00', overdueClock.dueAt, 10 * MIN),
  fired(runningClock.id, '2026-11-24T14:50:00', runningClock.dueAt, 40 * MIN),
  // not assessed: excluded (11-23)
  fired(exemptClock.id, '2026-11-23T09:50:00', exemptClock.dueAt, 10 * MIN),
  // a rung that never fired
  { id: `${firstSecond.id}|x`, deadlineId: firstSecond.id, beforeMs: 1, warnAt: firstSecond.dueAt - 1, state: 'pending', firedAt: null, message: null },
  // a clock purged since: ignored
  fired('pdd:旗舰店:gone|pdd.reply.valid_60min|1', '2026-11-24T09:00:00', NOW, MIN),
  // caseA review: left 11-23 09:00 before 10:00 → acted on (fired 11-22)
  fired(caseLadder(caseA, `seller_review@${at('2026-11-22T10:00:00')}`), '2026-11-22T22:00:00', at('2026-11-23T10:00:00'), 12 * H, caseA.id),
  // caseA receipt: left 11-24 12:00 after 10:00 → late (fired 11-24)
  fired(caseLadder(caseA, `seller_confirm_receipt@${at('2026-11-23T09:00:00')}`), '2026-11-24T09:00:00', at('2026-11-24T10:00:00'), H, caseA.id),
  // caseB: still in the stage, seen after the deadline → late
  fired(caseLadder(caseB, caseB.stageKey), '2026-11-24T11:00:00', caseB.dueAt!, H, caseB.id),
  // caseC: not seen since before the deadline → excluded
  fired(caseLadder(caseC, caseC.stageKey), '2026-11-24T07:30:00', caseC.dueAt!, 4 * H, caseC.id),
  // caseD: deadline ahead → open
  fired(caseLadder(caseD, caseD.stageKey), '2026-11-24T14:00:00', caseD.dueAt!, 24 * H, caseD.id),
  // a stage the history no longer holds → excluded
  fired(caseLadder(caseB, 'seller_review@1'), '2026-11-24T08:30:00', caseB.dueAt!, 4 * H, caseB.id),
];

/** [platform, shop] pairs as the conversations table's [platform+shop] index gives them. */
export const shops: [PlatformId, string][] = [
  ['pdd', '旗舰店'],
  ['pdd', 'default'],
  ['kuaishou', KS_SHOP],
];
