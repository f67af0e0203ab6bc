import { describe, expect, it } from 'vitest';
import { loadProgress, markStageSeen, MAX_NOTE_LENGTH, setNote, setStepTicked, stageIsNew } from '@/lib/aftersale/progress';
import { KefuDB } from '@/lib/store/db';

const db = () => new KefuDB(`progress-${Math.random().toString(36).slice(2)}`);

describe('checklist progress', () => {
  it('ticks, unticks and notes are saved per case and read back by a new connection', async () => {
    const first = db();
    await setStepTicked(first, 'pdd:default:1', 'review.ask_reason', true, 10);
    await setStepTicked(first, 'pdd:default:1', 'review.photos', true, 11);
    await setStepTicked(first, 'pdd:default:1', 'review.ask_reason', false, 12);
    await setNote(first, 'pdd:default:1', '买家说尺码偏小', 13);
    await setStepTicked(first, 'pdd:default:2', 'x', true, 14);
    first.close();
    const again = new KefuDB(first.name);
    expect(await loadProgress(again, 'pdd:default:1')).toEqual({ caseId: 'pdd:default:1', ticked: ['review.photos'], note: '买家说尺码偏小', seenStage: null, updatedAt: 13 });
    expect((await loadProgress(again, 'pdd:default:3')).ticked).toEqual([]);
  });

  it('concurrent ticks from two panels both land', async () => {
    const d = db();
    await Promise.all(['a', 'b', 'c', 'd'].map((step, i) => setStepTicked(d, 'k', step, true, i)));
    expect((await loadProgress(d, 'k')).ticked.sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('a note is capped; a stage is new only after one was seen', async () => {
    const d = db();
    expect((await setNote(d, 'k', '字'.repeat(MAX_NOTE_LENGTH + 10), 1)).note).toHaveLength(MAX_NOTE_LENGTH);
    const seen = await markStageSeen(d, 'k', 'seller_review', 2);
    expect(stageIsNew(seen, 'seller_review')).toBe(false);
    expect(stageIsNew(seen, 'seller_confirm_receipt')).toBe(true);
    expect(stageIsNew(await loadProgress(d, 'other'), 'seller_review')).toBe(false);
  });
});
