/**
 * Importing a metrics file: its bytes read as a table (CSV in any of the usual encodings and
 * separators, or the first sheet of an XLSX workbook), its columns mapped to date, stage, KPI
 * and value, and its rows checked against the board's KPIs. Nothing here writes anything: the
 * dialog shows the outcome, and only then sends the values.
 */
import { readSheet } from 'read-excel-file/universal';
import type { MetricInput } from './metrics';
import { decodeText, guessMapping, parseDelimited, type MetricColumn } from './metricsFile';
import { detectDayOrder, readMetricRows, type DayOrder, type KpiRef, type RejectedRow } from './metricsRows';

/** Largest metrics file read (a 100 000-row export is a few megabytes). */
export const MAX_METRICS_FILE_BYTES = 20 * 1024 * 1024;

/** A file read as a table: the header, the rows under it, the file line each row starts on. */
export interface MetricsTable {
  header: string[];
  rows: unknown[][];
  lines: number[];
  kind: 'csv' | 'xlsx';
  /** The separator of a CSV file. */
  delimiter?: string;
  encoding?: 'utf-8' | 'windows-1252';
}

/** Why a file cannot be read at all (nothing is imported). */
export type FileProblem = 'too-large' | 'binary' | 'empty' | 'unreadable-xlsx' | 'no-rows';

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** Reads a file's bytes as a table, or says why it cannot be read. */
export async function readMetricsFile(bytes: Uint8Array, name: string): Promise<MetricsTable | { problem: FileProblem }> {
  if (bytes.byteLength > MAX_METRICS_FILE_BYTES) return { problem: 'too-large' };
  if (bytes.byteLength === 0) return { problem: 'empty' };
  if (isZip(bytes)) {
    // A workbook, whatever its name says; a zip that is not one is refused below.
    let sheet: unknown[][];
    try {
      sheet = (await readSheet(bytes.slice().buffer)) as unknown[][];
    } catch {
      return { problem: /\.xlsx$/i.test(name) ? 'unreadable-xlsx' : 'binary' };
    }
    const [header, ...rows] = sheet.filter((row) => row.some((cell) => cell !== null && cell !== ''));
    if (!header || rows.length === 0) return { problem: 'no-rows' };
    return { header: header.map((c) => String(c ?? '')), rows, lines: sheet.map((_, i) => i + 1).slice(1), kind: 'xlsx' };
  }
  const decoded = decodeText(bytes);
  if (!decoded) return { problem: 'binary' };
  const table = parseDelimited(decoded.text);
  const [header, ...rows] = table.rows;
  if (!header || rows.length === 0) return { problem: 'no-rows' };
  return { header, rows, lines: table.lines.slice(1), kind: 'csv', delimiter: table.delimiter, encoding: decoded.encoding };
}

/** Which column holds what: date, KPI and value are needed, the stage is optional. */
export type ColumnMapping = Partial<Record<MetricColumn, number>>;

export const REQUIRED_COLUMNS: readonly MetricColumn[] = ['date', 'kpi', 'value'];

/** The mapping the dialog starts from: the columns recognised by their names. */
export function initialMapping(table: MetricsTable): ColumnMapping {
  const guessed = guessMapping(table.header);
  return { date: guessed.date, stage: guessed.stage, kpi: guessed.kpi, value: guessed.value };
}

export interface ImportPreview {
  values: MetricInput[];
  rejected: RejectedRow[];
  /** How many KPIs the values go to. */
  kpiCount: number;
  missing: MetricColumn[];
  order: DayOrder;
}

export interface PreviewOptions {
  /** The order of slashed dates; absent: detected from the date column. */
  order?: DayOrder;
}

/** What importing the table with this mapping would write, and which rows it would refuse. */
export function previewImport(
  table: MetricsTable,
  mapping: ColumnMapping,
  refs: readonly KpiRef[],
  options: PreviewOptions = {},
): ImportPreview {
  const missing = REQUIRED_COLUMNS.filter((c) => mapping[c] === undefined);
  const cell = (row: unknown[], c: MetricColumn) => (mapping[c] === undefined ? undefined : row[mapping[c]!]);
  const order = options.order ?? detectDayOrder(table.rows.map((r) => cell(r, 'date')));
  if (missing.length > 0) return { values: [], rejected: [], kpiCount: 0, missing, order };
  const raw = table.rows.map((row, i) => ({
    line: table.lines[i] ?? i + 2,
    kpi: cell(row, 'kpi'),
    stage: cell(row, 'stage'),
    date: cell(row, 'date'),
    value: cell(row, 'value'),
  }));
  const { values, rejected } = readMetricRows(raw, refs, { order });
  return { values, rejected, kpiCount: new Set(values.map((v) => v.kpiId)).size, missing, order };
}
