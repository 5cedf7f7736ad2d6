/**
 * What a stage indicator (KPI) means once it has a history: which way is better, how often it
 * should be refreshed, and how its latest value compares with its target. Values are dated by
 * calendar day (`YYYY-MM-DD`): a KPI is measured per day, week or month, never per second.
 */

/** Whether a higher or a lower value is better (an NPS goes up, a resolution time goes down). */
export type KpiDirection = 'up' | 'down';

export const KPI_DIRECTIONS: readonly KpiDirection[] = ['up', 'down'];

export function isKpiDirection(value: unknown): value is KpiDirection {
  return value === 'up' || value === 'down';
}

/** A monthly KPI with a few days' grace: past this many days without a new value it is stale. */
export const DEFAULT_REFRESH_DAYS = 35;

/** The expected refreshes offered in the editor; any whole number of days from 1 to 3660 is kept. */
export const REFRESH_CHOICES: readonly number[] = [1, 8, 35, 100, 370];

export const MIN_REFRESH_DAYS = 1;
export const MAX_REFRESH_DAYS = 3660;

/** An expected refresh as stored or typed: a whole number of days in range, else the default. */
export function refreshDaysOf(value: unknown): number {
  const n = typeof value === 'number' ? value : Number.NaN;
  if (!Number.isFinite(n)) return DEFAULT_REFRESH_DAYS;
  return Math.min(MAX_REFRESH_DAYS, Math.max(MIN_REFRESH_DAYS, Math.round(n)));
}

/** Where a value came from: typed in the board, imported from a file, pushed by a feed, computed from a CRM export. */
export type MetricSource = 'typed' | 'file' | 'feed' | 'crm';

export const METRIC_SOURCES: readonly MetricSource[] = ['typed', 'file', 'feed', 'crm'];

export function isMetricSource(value: unknown): value is MetricSource {
  return typeof value === 'string' && (METRIC_SOURCES as readonly string[]).includes(value);
}

/** A calendar day as the series store it. */
export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `text` is a real calendar day `YYYY-MM-DD` (not 2025-02-30). */
export function isDay(text: unknown): text is string {
  if (typeof text !== 'string' || !DAY_PATTERN.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The day `YYYY-MM-DD` of a moment, in the local calendar of the machine (what a person calls today). */
export function dayOf(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Days since the Unix epoch of a day `YYYY-MM-DD`. */
export function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

/** The day `YYYY-MM-DD` that is `n` days after the epoch. */
export function dayFromNumber(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from `day` to `today`: 0 the same day, negative for a day ahead of today (a value dated later). */
export function ageInDays(day: string, today: string): number {
  return dayNumber(today) - dayNumber(day);
}

/** Whether a value dated `day` is older than the KPI's expected refresh. */
export function isStale(day: string, refreshDays: number, today: string): boolean {
  return ageInDays(day, today) > refreshDays;
}

/** Where the latest value stands against the target: on it (or better), off it, or unknown (no value or no target). */
export type KpiStatus = 'on' | 'off' | 'unknown';

export function kpiStatus(value: number | null, target: number | null, direction: KpiDirection): KpiStatus {
  if (value === null || target === null) return 'unknown';
  const good = direction === 'up' ? value >= target : value <= target;
  return good ? 'on' : 'off';
}

/** Whether a trend from `before` to `after` goes the KPI's good way ('better'), its bad way, or nowhere. */
export type KpiTrend = 'better' | 'worse' | 'flat';

export function kpiTrend(before: number, after: number, direction: KpiDirection): KpiTrend {
  if (before === after) return 'flat';
  return after > before === (direction === 'up') ? 'better' : 'worse';
}

const SPACES = /[\s\u00A0\u202F']/g;

/**
 * A number as people and spreadsheets write it: « 2,1 », « 1 234,5 », “1,234.5”, « 72 % »,
 * « 45 pts ». With both separators the last one is the decimal one; with a comma alone it is
 * decimal unless `decimal` says the file uses points. Null when there is no number.
 */
export function parseNumber(text: unknown, decimal: ',' | '.' | 'auto' = 'auto'): number | null {
  if (typeof text === 'number') return Number.isFinite(text) ? text : null;
  if (typeof text !== 'string') return null;
  // A unit after the number (« % », « pts », « jours ») or a sign before it is not part of it.
  const m = /^\s*([+-]?[\d\s\u00A0\u202F'.,]*\d)\s*(?:%|[^\d\s.,+-][^\d]*)?\s*$/u.exec(text);
  if (!m) return null;
  const written = m[1]!;
  // Spaces group thousands (« 1 234 »); anything else with spaces is two numbers (« 12 13 »).
  if (/[\s\u00A0\u202F']/.test(written) && !/^[+-]?\d{1,3}([\s\u00A0\u202F']\d{3})+([.,]\d+)?$/.test(written)) return null;
  let body = written.replace(SPACES, '');
  const lastComma = body.lastIndexOf(',');
  const lastPoint = body.lastIndexOf('.');
  if (lastComma >= 0 && lastPoint >= 0) {
    const dec = lastComma > lastPoint ? ',' : '.';
    const group = dec === ',' ? '.' : ',';
    body = body.split(group).join('');
    if (dec === ',') body = body.replace(',', '.');
  } else if (lastComma >= 0) {
    if (body.indexOf(',') !== lastComma)
      body = body.split(',').join(''); // « 1,234,567 »: groups
    else body = decimal === '.' ? body.replace(',', '') : body.replace(',', '.');
  } else if (lastPoint >= 0 && body.indexOf('.') !== lastPoint) {
    body = body.split('.').join(''); // « 1.234.567 »: groups
  } else if (lastPoint >= 0 && decimal === ',') {
    body = body.replace('.', '');
  }
  if (!/^[+-]?\d+(\.\d+)?$/.test(body)) return null;
  const n = Number(body);
  return Number.isFinite(n) ? n : null;
}
