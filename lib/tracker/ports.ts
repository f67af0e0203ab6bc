import type { PlatformId } from '../domain/platform';
import type { Locale, Translate } from '../i18n';
import type { PackResult } from '../rules/packs';
import type { KefuDB } from '../store/db';
import type { OffHoursSettings } from '../settings/schema';

/** The tracker's view of the browser, so it runs in Vitest with fakes. */
export interface AlarmPort {
  /** Keep exactly one wake-up armed, at `when` (epoch ms). */
  arm(when: number): Promise<void>;
  disarm(): Promise<void>;
}

export interface NotifierPort {
  /** `rungs`: the warning ids this notification speaks for (for the audit log and the fault tests). */
  show(id: string, title: string, message: string, rungs: string[]): Promise<void>;
  clear(id: string): Promise<void>;
  badge(text: string, color: string, title: string): Promise<void>;
}

export interface TrackerPorts {
  db: KefuDB;
  alarms: AlarmPort;
  notifier: NotifierPort;
  t: Translate;
  locale: Locale;
  rules: (platform: PlatformId) => PackResult;
  /** Days buyer data is kept (options); the default applies when unset. */
  retentionDays?: () => number;
  /** Off hours in which non-urgent warnings are held (options). */
  offHours?: () => OffHoursSettings;
  /** The name the agent gave a platform's shop in options ('' or unset: the generic name). */
  shopName?: (platform: PlatformId, shop: string) => string;
}

export const TRACKER_TUNING = {
  /** Fire warnings due this soon too: Chrome's alarm clock ticks about once a second. */
  fireToleranceMs: 1_000,
  /** A warning found this long after its deadline (browser was closed) is dropped, not shown. */
  lateAlertGraceMs: 15 * 60_000,
} as const;
