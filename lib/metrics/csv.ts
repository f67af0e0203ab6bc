import type { PlatformId } from '../domain/platform';
import { filterRows, localDay, periodDays, type DashboardFilter, type MetricDayRow } from './history';

/**
 * CSV for the metrics dashboard (RFC 4180: comma, CRLF, double quotes doubled), starting with a
 * UTF-8 byte-order mark so Excel opens the Chinese text as UTF-8 rather than the system code page.
 */

export type CsvCell = string | number | null | undefined;

const BOM = '\uFEFF';

/**
 * One field. Quoted when it holds a comma, a quote, a line break or edge spaces. A text field
 * that a spreadsheet would read as a formula (= + - @, tab, CR first) gets a leading apostrophe:
 * shop names come from web pages, and a CSV must not run anything when opened.
 */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Header and rows as CSV text: BOM first, CRLF after every record (the last too). */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return `${BOM}${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** What the CSV needs in the UI's language. */
export interface CsvNames {
  /** Day, platform, shop, metric, on time, late, excluded, open, rate, pass line, misses left today. */
  header: readonly string[];
  platform: (platform: PlatformId) => string;
  shop: (shop: string) => string;
  metric: (row: MetricDayRow) => string;
}

const fraction = (v: number | null) => (v === null ? null : v.toFixed(4));

/**
 * The dashboard's figures as CSV: one record per day, platform, shop and metric of the filter's
 * period, oldest first. Rates and pass lines are fractions (0.8000 = 80%); misses left only on
 * today's reply rows that have a pass line.
 */
export function metricsCsv(rows: readonly MetricDayRow[], filter: DashboardFilter, now: number, names: CsvNames): string {
  const today = localDay(now);
  return toCsv(
    names.header,
    filterRows(rows, filter, periodDays(filter.period, now)).map((r) => [
      r.day,
      names.platform(r.platform),
      names.shop(r.shop),
      names.metric(r),
      r.onTime,
      r.late,
      r.excluded,
      r.open,
      fraction(r.rate),
      r.passLine ? fraction(r.passLine.value) : null,
      r.day === today ? r.missesLeft : null,
    ]),
  );
}
