/**
 * Reading rows of values (a metrics file, a feed's JSON lines or CSV) into values to write:
 * which KPI each row names, its day and its number, and why a row is refused. The relay and the
 * import dialog read rows the same way, so a file and a feed refuse the same rows.
 */
import { isDay, parseNumber } from './kpi';
import { MAX_METRIC_MAGNITUDE, type MetricInput } from './metrics';

/** A KPI as rows may name it: by id, or by name (within a stage, when the name is not unique). */
export interface KpiRef {
  id: string;
  name: string;
  stageName: string;
}

/** Why a row is refused; the interface words each code in its language, the relay in English. */
export type RowRejection =
  | 'not-an-object'
  | 'kpi-missing'
  | 'kpi-unknown'
  | 'kpi-ambiguous'
  | 'stage-unknown'
  | 'date-missing'
  | 'date-invalid'
  | 'value-missing'
  | 'value-invalid'
  | 'duplicate';

/** The relay's English for each refusal (the interface has its own, in src/i18n). */
export const ROW_REJECTION_TEXT: Record<RowRejection, string> = {
  'not-an-object': 'the line is not a JSON object',
  'kpi-missing': 'no kpi given',
  'kpi-unknown': 'no such KPI on this board (deleted, or misspelt)',
  'kpi-ambiguous': 'several KPIs have this name: give the stage, or the KPI id',
  'stage-unknown': 'no stage with this name has this KPI',
  'date-missing': 'no date given',
  'date-invalid': 'the date is not a day (YYYY-MM-DD, or DD/MM/YYYY)',
  'value-missing': 'no value given',
  'value-invalid': 'the value is not a number',
  duplicate: 'this KPI already has a value for this day earlier in the same call',
};

export interface RejectedRow {
  /** 1-based line of the file or body (a header line counts). */
  line: number;
  reason: RowRejection;
}

/** A row as read from a file or a body, before checking. */
export interface RawRow {
  line: number;
  kpi: unknown;
  stage?: unknown;
  date: unknown;
  value: unknown;
  /** The line is not a record at all (a JSON line that is not an object). */
  notAnObject?: boolean;
}

/** In which order a file writes the day, month and year of a date with slashes. */
export type DayOrder = 'dmy' | 'mdy';

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
const fold = (s: string) => s.trim().toLocaleLowerCase('fr');

/**
 * A day `YYYY-MM-DD` from what a file holds: an ISO date (a time after it is ignored),
 * `DD/MM/YYYY` (or with dots or dashes, or `MM/DD/YYYY` when `order` is 'mdy'), or a Date (an
 * XLSX cell). Null when it is not a real day.
 */
export function parseDay(value: unknown, order: DayOrder = 'dmy'): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  const s = text(value);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s);
  const slashed = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[ T].*)?$/.exec(s);
  let y: string, m: string, d: string;
  if (iso) [, y, m, d] = iso as unknown as [string, string, string, string];
  else if (slashed) {
    const [, a, b, year] = slashed as unknown as [string, string, string, string];
    [d, m] = order === 'dmy' ? [a, b] : [b, a];
    y = year.length === 2 ? `20${year}` : year;
  } else return null;
  const day = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isDay(day) ? day : null;
}

/** The order of a column of slashed dates: 'mdy' only when some date cannot be day-first (« 03/25/2025 »). */
export function detectDayOrder(values: readonly unknown[]): DayOrder {
  let dayFirstImpossible = false;
  for (const v of values) {
    const m = /^(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}/.exec(text(v));
    if (!m) continue;
    if (Number(m[1]) > 12) return 'dmy';
    if (Number(m[2]) > 12) dayFirstImpossible = true;
  }
  return dayFirstImpossible ? 'mdy' : 'dmy';
}

/** Finds the KPI a row names: its id, else its name (within the named stage, if any). */
export function resolveKpi(refs: readonly KpiRef[], kpi: unknown, stage: unknown): { id: string } | { reason: RowRejection } {
  const name = text(kpi);
  if (!name) return { reason: 'kpi-missing' };
  const byId = refs.find((r) => r.id === name);
  if (byId) return { id: byId.id };
  const stageName = text(stage);
  const named = refs.filter((r) => fold(r.name) === fold(name));
  const found = stageName ? named.filter((r) => fold(r.stageName) === fold(stageName)) : named;
  if (found.length === 1) return { id: found[0]!.id };
  if (found.length > 1) return { reason: 'kpi-ambiguous' };
  return { reason: stageName && named.length > 0 ? 'stage-unknown' : 'kpi-unknown' };
}

export interface ReadRowsOptions {
  order?: DayOrder;
  decimal?: ',' | '.' | 'auto';
}

/** Checks rows against the board's KPIs: the values to write, and every refused row with its line. */
export function readMetricRows(
  rows: readonly RawRow[],
  refs: readonly KpiRef[],
  options: ReadRowsOptions = {},
): { values: MetricInput[]; rejected: RejectedRow[] } {
  const values: MetricInput[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const refuse = (reason: RowRejection) => rejected.push({ line: row.line, reason });
    if (row.notAnObject) {
      refuse('not-an-object');
      continue;
    }
    const kpi = resolveKpi(refs, row.kpi, row.stage);
    if ('reason' in kpi) {
      refuse(kpi.reason);
      continue;
    }
    if (text(row.date) === '' && !(row.date instanceof Date)) {
      refuse('date-missing');
      continue;
    }
    const date = parseDay(row.date, options.order);
    if (!date) {
      refuse('date-invalid');
      continue;
    }
    if (text(row.value) === '') {
      refuse('value-missing');
      continue;
    }
    const value = parseNumber(row.value, options.decimal);
    if (value === null || Math.abs(value) > MAX_METRIC_MAGNITUDE) {
      refuse('value-invalid');
      continue;
    }
    const key = `${kpi.id}|${date}`;
    if (seen.has(key)) {
      refuse('duplicate');
      continue;
    }
    seen.add(key);
    values.push({ kpiId: kpi.id, date, value });
  }
  return { values, rejected };
}
