import { describe, expect, it } from 'vitest';
import { deliverAt, heldUntil, isOffHours } from '@/lib/aftersale/off-hours';
import type { OffHoursSettings } from '@/lib/settings/schema';

const H = 3_600_000;
const at = (shanghai: string) => Date.parse(`${shanghai}+08:00`);
const night: OffHoursSettings = { enabled: true, from: '23:00', to: '08:00', urgentWithinMs: H };

describe('off hours (Asia/Shanghai)', () => {
  it('a span that wraps midnight', () => {
    expect(isOffHours(night, at('2026-11-24T22:59:59'))).toBe(false);
    expect(isOffHours(night, at('2026-11-24T23:00:00'))).toBe(true);
    expect(isOffHours(night, at('2026-11-25T03:00:00'))).toBe(true);
    expect(isOffHours(night, at('2026-11-25T08:00:00'))).toBe(false);
    expect(heldUntil(night, at('2026-11-24T23:30:00'))).toBe(at('2026-11-25T08:00:00'));
    expect(heldUntil(night, at('2026-11-25T02:00:00'))).toBe(at('2026-11-25T08:00:00'));
    expect(heldUntil(night, at('2026-11-25T09:00:00'))).toBeNull();
  });

  it('a same-day span, and switched off', () => {
    const lunch = { ...night, from: '12:00', to: '13:30' };
    expect(isOffHours(lunch, at('2026-11-24T12:45:00'))).toBe(true);
    expect(isOffHours(lunch, at('2026-11-24T13:30:00'))).toBe(false);
    expect(isOffHours({ ...night, enabled: false }, at('2026-11-25T03:00:00'))).toBe(false);
  });

  it('holds a non-urgent warning to the end of off hours, never past the moment it becomes urgent', () => {
    // A 24 h rung at 01:00 for a deadline the next night: held until 08:00.
    expect(deliverAt(night, at('2026-11-25T01:00:00'), at('2026-11-26T01:00:00'))).toBe(at('2026-11-25T08:00:00'));
    // Deadline 06:00: held only until 05:00, when one hour is left.
    expect(deliverAt(night, at('2026-11-25T01:00:00'), at('2026-11-25T06:00:00'))).toBe(at('2026-11-25T05:00:00'));
    // Urgent already (15 min left): never held.
    expect(deliverAt(night, at('2026-11-25T01:00:00'), at('2026-11-25T01:15:00'))).toBe(at('2026-11-25T01:00:00'));
    // Outside off hours: as scheduled.
    expect(deliverAt(night, at('2026-11-25T10:00:00'), at('2026-11-26T10:00:00'))).toBe(at('2026-11-25T10:00:00'));
  });
});
