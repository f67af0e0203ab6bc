import { z } from 'zod';
import { PLATFORM_IDS } from '../domain/platform';

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '应为 HH:MM（00:00–23:59）');

export const PlatformSettings = z.strictObject({
  /** Off: the console is left alone (no reading, no chips, no draft check). */
  enabled: z.boolean(),
  /** How the console's shop is named in alerts and the popup ('' = 当前店铺). */
  shopName: z.string().trim().max(64),
});

/** Non-urgent alerts are held during these hours (Asia/Shanghai); urgent ones never are. */
export const OffHoursSettings = z.strictObject({
  enabled: z.boolean(),
  from: ClockTime,
  to: ClockTime,
  /** A warning this close to its deadline is urgent. */
  urgentWithinMs: z.number().int().min(60_000).max(24 * 3_600_000),
});
export type OffHoursSettings = z.infer<typeof OffHoursSettings>;

/** Everything the options page sets, validated at every boundary (message, storage, import). */
export const Settings = z.strictObject({
  platforms: z.strictObject(Object.fromEntries(PLATFORM_IDS.map((id) => [id, PlatformSettings])) as Record<(typeof PLATFORM_IDS)[number], typeof PlatformSettings>),
  offHours: OffHoursSettings,
  /** Opt-in: warnings make the system's notification sound (silent by default). */
  sound: z.boolean(),
  /** Ask before a message with a blocking finding is sent. */
  preSendGuard: z.boolean(),
  /** Days buyer data is kept. */
  retentionDays: z.number().int().min(1).max(365),
  /** The handover view's look-ahead. */
  handoverHours: z.number().int().min(1).max(72),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  platforms: Object.fromEntries(PLATFORM_IDS.map((id) => [id, { enabled: true, shopName: '' }])) as Settings['platforms'],
  offHours: { enabled: false, from: '23:00', to: '08:00', urgentWithinMs: 3_600_000 },
  sound: false,
  preSendGuard: true,
  retentionDays: 30,
  handoverHours: 8,
};

/** A field-level problem, for the options form: `path` like "offHours.from". */
export interface FieldError {
  path: string;
  message: string;
}

export function validateSettings(value: unknown): { ok: true; settings: Settings } | { ok: false; errors: FieldError[] } {
  const parsed = Settings.safeParse(value);
  if (parsed.success) return { ok: true, settings: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) };
}

/** The part content scripts read from storage.local (they cannot open the extension's IndexedDB cheaply). */
export function contentSettings(settings: Settings): { preSendGuard: boolean; disabledPlatforms: string[] } {
  return { preSendGuard: settings.preSendGuard, disabledPlatforms: PLATFORM_IDS.filter((id) => !settings.platforms[id].enabled) };
}
