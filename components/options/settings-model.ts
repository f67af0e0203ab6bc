import { PLATFORM_IDS, type PlatformId } from '@/lib/domain/platform';
import { Settings } from '@/lib/settings/schema';
import { joinDuration, splitDuration, type DurationField } from './durations';
import { problemsFromIssues, type Problem } from './problems';

/**
 * The settings value as the form holds it: numbers as typed (so "abc" or "" is named, never saved
 * as NaN), durations in a unit the agent picks.
 */
export interface SettingsForm {
  platforms: Record<PlatformId, { enabled: boolean; shopName: string }>;
  offHours: { enabled: boolean; from: string; to: string; urgentWithin: DurationField };
  sound: boolean;
  preSendGuard: boolean;
  retentionDays: string;
  handoverHours: string;
}

/** The page's settings sections; each saves only its own fields, validated as one whole value. */
export type SettingsSectionId = 'platforms' | 'alerts' | 'guard' | 'retention';

export const SECTION_FIELDS: Readonly<Record<SettingsSectionId, readonly (keyof Settings)[]>> = {
  platforms: ['platforms'],
  alerts: ['offHours', 'sound', 'handoverHours'],
  guard: ['preSendGuard'],
  retention: ['retentionDays'],
};

/** Units offered for "urgent when less than … left". */
export const URGENT_UNITS = ['m', 'h'] as const;

export function settingsToForm(s: Settings): SettingsForm {
  return {
    platforms: Object.fromEntries(PLATFORM_IDS.map((id) => [id, { ...s.platforms[id] }])) as SettingsForm['platforms'],
    offHours: { enabled: s.offHours.enabled, from: s.offHours.from, to: s.offHours.to, urgentWithin: splitDuration(s.offHours.urgentWithinMs, URGENT_UNITS) },
    sound: s.sound,
    preSendGuard: s.preSendGuard,
    retentionDays: String(s.retentionDays),
    handoverHours: String(s.handoverHours),
  };
}

/** A whole number typed in a form; anything else is left as text for the schema to refuse by name. */
function whole(text: string, path: string, problems: Problem[]): number {
  const trimmed = text.trim();
  if (!/^-?\d+$/.test(trimmed)) problems.push({ path, kind: 'number' });
  return Number(trimmed);
}

/** The form → a settings value for each field (the conversion's own problems listed by path). */
function formValues(form: SettingsForm): { values: Settings; problems: Problem[] } {
  const problems: Problem[] = [];
  const urgent = joinDuration(form.offHours.urgentWithin);
  if (!urgent.ok) problems.push({ path: 'offHours.urgentWithinMs', kind: urgent.problem });
  const values: Settings = {
    platforms: Object.fromEntries(PLATFORM_IDS.map((id) => [id, { enabled: form.platforms[id].enabled, shopName: form.platforms[id].shopName }])) as Settings['platforms'],
    offHours: { enabled: form.offHours.enabled, from: form.offHours.from.trim(), to: form.offHours.to.trim(), urgentWithinMs: urgent.ok ? urgent.ms : Number.NaN },
    sound: form.sound,
    preSendGuard: form.preSendGuard,
    retentionDays: whole(form.retentionDays, 'retentionDays', problems),
    handoverHours: whole(form.handoverHours, 'handoverHours', problems),
  };
  return { values, problems };
}

const inSection = (section: SettingsSectionId) => (path: string) => SECTION_FIELDS[section].some((key) => path === key || path.startsWith(`${key}.`));

/**
 * What saving one section would store: the stored value with that section's fields taken from the
 * form, validated as a whole by the same schema the background uses. Other sections' unsaved edits
 * are not included, and nothing is returned unless the whole value is valid.
 */
export function sectionCandidate(stored: Settings, form: SettingsForm, section: SettingsSectionId): { ok: true; settings: Settings } | { ok: false; problems: Problem[] } {
  const { values, problems } = formValues(form);
  const own = problems.filter((p) => inSection(section)(p.path));
  if (own.length > 0) return { ok: false, problems: own };
  const candidate: Settings = structuredClone(stored);
  for (const key of SECTION_FIELDS[section]) (candidate as Record<keyof Settings, unknown>)[key] = structuredClone(values[key]);
  const parsed = Settings.safeParse(candidate);
  if (parsed.success) return { ok: true, settings: parsed.data };
  return { ok: false, problems: problemsFromIssues(parsed.error.issues) };
}

/** Whether the form differs from the stored value in one section's fields. */
export function sectionChanged(stored: Settings, form: SettingsForm, section: SettingsSectionId): boolean {
  const { values } = formValues(form);
  return SECTION_FIELDS[section].some((key) => JSON.stringify(values[key]) !== JSON.stringify(stored[key]));
}

/** One section's part of the form (what its draft is compared by). */
export function sectionSlice(form: SettingsForm, section: SettingsSectionId): Partial<SettingsForm> {
  return Object.fromEntries(SECTION_FIELDS[section].map((key) => [key, form[key as keyof SettingsForm]]));
}
