import { describe, expect, it } from 'vitest';
import { withHealth } from '@/lib/tracker/job-health';
import { serial } from '@/lib/tracker/serial';

describe('store health in the worker', () => {
  it('a failing job is reported once it fails and cleared by the next success; the error still reaches the caller', async () => {
    const events: string[] = [];
    const run = withHealth(serial(), { failed: (e) => void events.push(`failed: ${(e as Error).message}`), recovered: () => void events.push('recovered') });
    expect(await run(async () => 1)).toBe(1);
    await expect(run(async () => Promise.reject(new DOMException('quota', 'QuotaExceededError')))).rejects.toThrow('quota');
    await expect(run(async () => Promise.reject(new Error('again')))).rejects.toThrow('again');
    expect(await run(async () => 2)).toBe(2);
    expect(await run(async () => 3)).toBe(3);
    expect(events).toEqual(['failed: quota', 'failed: again', 'recovered']);
  });
});
