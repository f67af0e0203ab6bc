import type { Totals } from '@/lib/metrics/history';
import { pct, type DashTexts } from './texts';

/** After-sales on time vs late and alerts shown vs acted on, over the period. */
export function TotalTiles({ totals, texts }: { totals: Totals; texts: DashTexts }) {
  const { t } = texts;
  const tile = (id: string, label: string, value: number, note?: string) => (
    <div class="tile" data-testid={id}>
      <span class="label">{label}</span>
      <span class="value">{value}</span>
      {note && <span class="note">{note}</span>}
    </div>
  );
  const actedShare = totals.alertsFired === 0 ? null : totals.alertsActedOn / totals.alertsFired;
  return (
    <div class="tiles" data-testid="dash-totals">
      {tile('tile-cases-on-time', t('dashCasesOnTime'), totals.casesOnTime)}
      {tile('tile-cases-late', t('dashCasesLate'), totals.casesLate, totals.casesUnseen > 0 ? t('dashCasesUnseen', [String(totals.casesUnseen)]) : undefined)}
      {tile('tile-alerts-fired', t('dashAlertsFired'), totals.alertsFired)}
      {tile('tile-alerts-acted', t('dashAlertsActed'), totals.alertsActedOn, actedShare === null ? undefined : pct(actedShare))}
    </div>
  );
}
