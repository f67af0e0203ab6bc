import type { PlatformId } from '@/lib/domain/platform';
import type { Locale, Translate } from '@/lib/i18n';
import type { RulesFor, MetricKind, PassLine } from '@/lib/metrics/history';

/** UI text for the dashboard: extension i18n plus names that come from the rule packs. */
export interface DashTexts {
  t: Translate;
  locale: Locale;
  platform: (platform: PlatformId) => string;
  shop: (shop: string) => string;
  /** A metric's name: the rule's label for reply rows. */
  metric: (row: { kind: MetricKind; platform: PlatformId; metric: string }) => string;
  /** "≥50.0%/天". */
  passLine: (line: PassLine) => string;
}

/** "80.0%"; "–" for nothing to divide. */
export const pct = (v: number | null): string => (v === null ? '–' : `${(v * 100).toFixed(1)}%`);

export function dashTexts(t: Translate, locale: Locale, rules: RulesFor): DashTexts {
  const unit = { day: t('dashUnitDay'), week: t('dashUnitWeek'), month: t('dashUnitMonth'), '30-days': t('dashUnit30Days') } as const;
  return {
    t,
    locale,
    platform: (p) => t(`platform_${p}`),
    shop: (s) => (s === 'default' ? t('defaultShop') : s),
    metric(row) {
      if (row.kind === 'aftersale') return t('dashCasesOnTime');
      if (row.kind === 'alerts') return t('dashAlertsActed');
      const pack = rules(row.platform);
      return (pack.ok && pack.pack.replyRules.find((r) => r.id === row.metric)?.label[locale]) || row.metric;
    },
    passLine: (line) => t('dashPassLineCell', [pct(line.value), unit[line.period]]),
  };
}
