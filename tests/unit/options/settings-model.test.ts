import { describe, expect, it } from 'vitest';
import { problemsFromFields, problemText } from '@/components/options/problems';
import { sectionCandidate, sectionChanged, settingsToForm, type SettingsForm } from '@/components/options/settings-model';
import { DEFAULT_SETTINGS, Settings } from '@/lib/settings/schema';
import { translator } from '../helpers';

const form = (change: (f: SettingsForm) => void = () => undefined): SettingsForm => {
  const f = settingsToForm(DEFAULT_SETTINGS);
  change(f);
  return f;
};
const zh = { t: translator('zh_CN'), locale: 'zh_CN' as const };
// Keys not merged into the locale files yet come back as the key itself; the wording is checked where merged.
const words = (p: Parameters<typeof problemText>[0]) => problemText(p, zh);

describe('settings form ↔ settings value', () => {
  it('the stored value round-trips unchanged through the form', () => {
    for (const section of ['platforms', 'alerts', 'guard', 'retention'] as const) {
      expect(sectionCandidate(DEFAULT_SETTINGS, form(), section)).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
      expect(sectionChanged(DEFAULT_SETTINGS, form(), section)).toBe(false);
    }
  });

  it('shows the urgent threshold in hours or minutes and saves it in milliseconds', () => {
    expect(form().offHours.urgentWithin).toEqual({ value: '1', unit: 'h' });
    const result = sectionCandidate(DEFAULT_SETTINGS, form((f) => (f.offHours.urgentWithin = { value: '45', unit: 'm' })), 'alerts');
    expect(result).toMatchObject({ ok: true, settings: { offHours: { urgentWithinMs: 2_700_000 } } });
  });

  it('a section saves only its own fields: the others keep the stored value', () => {
    const edited = form((f) => {
      f.preSendGuard = false;
      f.platforms.jd.enabled = false;
      f.retentionDays = '7';
    });
    const guard = sectionCandidate(DEFAULT_SETTINGS, edited, 'guard');
    expect(guard).toEqual({ ok: true, settings: { ...DEFAULT_SETTINGS, preSendGuard: false } });
    const platforms = sectionCandidate(DEFAULT_SETTINGS, edited, 'platforms');
    expect(platforms.ok && platforms.settings.platforms.jd.enabled).toBe(false);
    expect(platforms.ok && platforms.settings.preSendGuard).toBe(true);
    expect(sectionChanged(DEFAULT_SETTINGS, edited, 'alerts')).toBe(false);
    expect(sectionChanged(DEFAULT_SETTINGS, edited, 'retention')).toBe(true);
  });

  it('a bad value in one section never blocks another section (nothing half-saved either way)', () => {
    const edited = form((f) => {
      f.offHours.from = '25:00';
      f.preSendGuard = false;
    });
    expect(sectionCandidate(DEFAULT_SETTINGS, edited, 'guard').ok).toBe(true);
    const alerts = sectionCandidate(DEFAULT_SETTINGS, edited, 'alerts');
    expect(alerts).toEqual({ ok: false, problems: [{ path: 'offHours.from', kind: 'time' }] });
  });

  it('names each bad field by the path the background uses', () => {
    const bad = sectionCandidate(
      DEFAULT_SETTINGS,
      form((f) => {
        f.offHours.to = '8:00';
        f.offHours.urgentWithin = { value: '30', unit: 's' as never };
        f.handoverHours = '100';
      }),
      'alerts',
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems.map((p) => p.path).sort()).toEqual(['handoverHours', 'offHours.to', 'offHours.urgentWithinMs']);
    expect(bad.problems.find((p) => p.path === 'handoverHours')).toEqual({ path: 'handoverHours', kind: 'max', bound: 72, ms: false });
    expect(bad.problems.find((p) => p.path === 'offHours.urgentWithinMs')).toEqual({ path: 'offHours.urgentWithinMs', kind: 'min', bound: 60_000, ms: true });
  });

  it('text where a number belongs is named, never saved as NaN', () => {
    expect(sectionCandidate(DEFAULT_SETTINGS, form((f) => (f.retentionDays = 'abc')), 'retention')).toEqual({ ok: false, problems: [{ path: 'retentionDays', kind: 'number' }] });
    expect(sectionCandidate(DEFAULT_SETTINGS, form((f) => (f.retentionDays = '')), 'retention')).toEqual({ ok: false, problems: [{ path: 'retentionDays', kind: 'number' }] });
    expect(sectionCandidate(DEFAULT_SETTINGS, form((f) => (f.retentionDays = '0')), 'retention')).toMatchObject({ ok: false, problems: [{ path: 'retentionDays', kind: 'min', bound: 1 }] });
    expect(sectionCandidate(DEFAULT_SETTINGS, form((f) => (f.offHours.urgentWithin = { value: 'x', unit: 'm' })), 'alerts')).toEqual({
      ok: false,
      problems: [{ path: 'offHours.urgentWithinMs', kind: 'number' }],
    });
  });

  it('shop names are trimmed and capped by the schema', () => {
    const ok = sectionCandidate(DEFAULT_SETTINGS, form((f) => (f.platforms.pdd.shopName = '  旗舰店 ')), 'platforms');
    expect(ok.ok && ok.settings.platforms.pdd.shopName).toBe('旗舰店');
    const long = sectionCandidate(DEFAULT_SETTINGS, form((f) => (f.platforms.pdd.shopName = '店'.repeat(65))), 'platforms');
    expect(long).toEqual({ ok: false, problems: [{ path: 'platforms.pdd.shopName', kind: 'tooLong', bound: 64 }] });
  });

  it('every candidate is a valid Settings value', () => {
    const result = sectionCandidate(DEFAULT_SETTINGS, form((f) => (f.offHours = { enabled: true, from: '22:30', to: '07:45', urgentWithin: { value: '2', unit: 'h' } })), 'alerts');
    expect(result.ok && Settings.safeParse(result.settings).success).toBe(true);
  });

  it('problems read as text, durations in units (keys fall back to their name until merged)', () => {
    expect(words({ path: 'x', kind: 'text', message: '应为 HH:MM（00:00–23:59）' })).toBe('应为 HH:MM（00:00–23:59）');
    expect(problemsFromFields([{ path: 'offHours.from', message: 'bad' }])).toEqual([{ path: 'offHours.from', kind: 'text', message: 'bad' }]);
    const t = (key: string, subs: string[] = []) => `${key}(${subs.join(',')})`;
    expect(problemText({ path: 'offHours.urgentWithinMs', kind: 'min', bound: 60_000, ms: true }, { t, locale: 'zh_CN' })).toBe('optErrMin(1分钟)');
    expect(problemText({ path: 'retentionDays', kind: 'max', bound: 365 }, { t, locale: 'en' })).toBe('optErrMax(365)');
  });
});
