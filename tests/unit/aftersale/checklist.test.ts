import { describe, expect, it } from 'vitest';
import { buildChecklist, type ChecklistInput } from '@/lib/aftersale/checklist';
import { CASE_KINDS } from '@/lib/domain/aftersale';
import { PLATFORM_IDS, type PlatformId } from '@/lib/domain/platform';
import { stageDueAt } from '@/lib/rules/aftersale';
import { loadRulePack } from '@/lib/rules/packs';
import type { CaseKind, RulePack } from '@/lib/rules/schema';

const H = 3_600_000;
const T0 = Date.parse('2026-11-24T02:00:00Z');
const pack = (id: PlatformId): RulePack => {
  const r = loadRulePack(id);
  if (!r.ok) throw new Error(r.error);
  return r.pack;
};
const input = (platform: PlatformId, kind: CaseKind | null, patch: Partial<ChecklistInput> = {}): ChecklistInput => ({
  platform, kind, stage: 'seller_review', pack: pack(platform), stageStartedAt: null, appliedAt: T0, pageDeadline: null, now: T0, ...patch,
});

describe('after-sales checklist', () => {
  for (const platform of PLATFORM_IDS)
    for (const kind of [...CASE_KINDS, null]) {
      it(`${platform} × ${kind ?? 'unknown kind'}: steps in stage order, review steps current, due times from the pack`, () => {
        const list = buildChecklist(input(platform, kind));
        expect(list.unknownKind).toBe(kind === null);
        expect(list.steps.length).toBeGreaterThanOrEqual(5);
        expect(new Set(list.steps.map((s) => s.id)).size).toBe(list.steps.length);
        // Applies markers never go backwards: done stages, then the current one, then later ones.
        const order = { 'done-stage': 0, current: 1, later: 2 };
        list.steps.forEach((s, i) => i > 0 && expect(order[s.applies]).toBeGreaterThanOrEqual(order[list.steps[i - 1]!.applies]));
        expect(list.steps[0]).toMatchObject({ id: 'ask_kind', applies: 'current' });
        for (const step of list.steps) {
          expect(step.title.zh_CN.length).toBeGreaterThan(0);
          expect(step.title.en.length).toBeGreaterThan(0);
        }
        const review = list.steps.filter((s) => s.stage === 'seller_review');
        const rules = pack(platform).aftersaleRules.filter((r) => r.stage === 'seller_review' && (kind === null || (r.caseKinds as string[]).includes(kind)));
        if (rules.length === 0) {
          for (const s of review) expect(s.dueAt).toBeNull();
          expect(list.silentOutcome).toBeNull();
        } else {
          const earliest = Math.min(...rules.map((r) => stageDueAt(r.duration, T0, 480)));
          for (const s of review) expect(s.dueAt).toBe(earliest);
          expect(rules.map((r) => r.id)).toContain(review[0]!.dueRuleId);
          expect(list.silentOutcome).toEqual(rules.find((r) => r.id === review[0]!.dueRuleId)!.onTimeoutText);
        }
        // Every decision step warns that a rejection needs the buyer told first and evidence uploaded.
        const decide = list.steps.find((s) => s.id === 'decide')!;
        expect(decide.warning?.zh_CN).toMatch(/先与买家沟通.*上传驳回凭证/);
        expect(decide.templates).toContain('rejection_evidence');
      });
    }

  it('the page deadline wins for the current stage; later stages have no invented time', () => {
    const list = buildChecklist(input('pdd', 'return_refund', { pageDeadline: T0 + 5 * H }));
    expect(list.steps.find((s) => s.id === 'decide')!.dueAt).toBe(T0 + 5 * H);
    expect(list.steps.find((s) => s.id === 'confirm_receipt')).toMatchObject({ applies: 'later', dueAt: null, dueRuleId: 'pdd.aftersale.confirm_return' });
  });

  it('a stage change moves the markers and computes the new stage from when it started', () => {
    const list = buildChecklist(input('pdd', 'return_refund', { stage: 'seller_confirm_receipt', stageStartedAt: T0 + 50 * H }));
    expect(list.steps.find((s) => s.id === 'decide')!.applies).toBe('done-stage');
    expect(list.steps.find((s) => s.id === 'confirm_receipt')).toMatchObject({ applies: 'current', dueAt: T0 + 50 * H + 168 * H });
    expect(list.steps.find((s) => s.id === 'confirm_receipt')!.platformNote?.zh_CN).toMatch(/24 小时/);
    expect(list.steps.find((s) => s.id === 'inspect')!.applies).toBe('later');
    expect(list.silentOutcome?.zh_CN).toBe('超时系统自动退款给买家');
  });

  it('Kuaishou repair: visit within 3 natural days of the request', () => {
    const start = Date.parse('2026-11-24T07:00:00Z'); // 15:00 Shanghai
    const list = buildChecklist(input('kuaishou', 'repair', { stage: 'repair_arrange_visit', stageStartedAt: start }));
    // Day 1 is the start day: ends 2026-11-26 24:00 Shanghai.
    expect(list.steps.find((s) => s.id === 'arrange_visit')).toMatchObject({ applies: 'current', dueAt: Date.parse('2026-11-26T16:00:00Z') });
    expect(list.steps.find((s) => s.id === 'decide')!.platformNote?.zh_CN).toMatch(/驳回凭证/);
  });

  it('a closed case has every step done and no outcome pending', () => {
    const list = buildChecklist(input('jd', 'exchange', { stage: 'closed' }));
    expect(new Set(list.steps.map((s) => s.applies))).toEqual(new Set(['done-stage']));
    expect(list.silentOutcome).toBeNull();
  });
});
