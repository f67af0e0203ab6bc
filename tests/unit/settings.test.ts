import { describe, expect, it } from 'vitest';
import { SettingsProvider, SETTINGS_KEY } from '@/lib/settings/provider';
import { contentSettings, DEFAULT_SETTINGS, validateSettings } from '@/lib/settings/schema';
import { KefuDB } from '@/lib/store/db';

const freshDb = () => new KefuDB(`settings-${Math.random().toString(36).slice(2)}`);

describe('settings', () => {
  it('the defaults are valid: every platform on, guard on, 30-day retention, off hours off', () => {
    expect(validateSettings(DEFAULT_SETTINGS)).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
    expect(contentSettings(DEFAULT_SETTINGS)).toEqual({ preSendGuard: true, disabledPlatforms: [] });
  });

  it('rejects bad values field by field', () => {
    const bad = { ...DEFAULT_SETTINGS, retentionDays: 0, offHours: { ...DEFAULT_SETTINGS.offHours, from: '25:00' }, extra: 1 };
    const result = validateSettings(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path).sort()).toEqual(['', 'offHours.from', 'retentionDays']);
    expect(result.errors.find((e) => e.path === 'offHours.from')!.message).toBe('应为 HH:MM（00:00–23:59）');
  });

  it('a valid change is stored, applied at once and mirrored; a bad one changes nothing', async () => {
    const db = freshDb();
    const mirrored: unknown[] = [];
    const provider = new SettingsProvider(db, (s) => void mirrored.push(contentSettings(s)));
    await provider.load();
    const next = { ...DEFAULT_SETTINGS, preSendGuard: false, platforms: { ...DEFAULT_SETTINGS.platforms, jd: { enabled: false, shopName: '京东旗舰店' } } };
    expect(await provider.set(next, 5)).toEqual({ ok: true });
    expect(provider.get().platforms.jd.shopName).toBe('京东旗舰店');
    expect(mirrored.at(-1)).toEqual({ preSendGuard: false, disabledPlatforms: ['jd'] });
    const rejected = await provider.set({ ...next, handoverHours: 'eight' }, 6);
    expect(rejected).toMatchObject({ ok: false, fields: [{ path: 'handoverHours' }] });
    expect((await db.settings.get(SETTINGS_KEY))!.value).toEqual(next);
  });

  it('a corrupted stored value is reported, the defaults used, and the stored value left alone', async () => {
    const db = freshDb();
    await db.settings.put({ key: SETTINGS_KEY, value: { platforms: 'broken' }, updatedAt: 1 });
    const provider = new SettingsProvider(db);
    await provider.load();
    expect(provider.get()).toEqual(DEFAULT_SETTINGS);
    expect(provider.problem).toMatch(/^stored settings ignored: platforms/);
    expect((await db.settings.get(SETTINGS_KEY))!.value).toEqual({ platforms: 'broken' });
  });
});
