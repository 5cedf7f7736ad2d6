/**
 * The board file (open data): a whole board, or one journey, as versioned JSON. This module owns
 * what a file is and what reading one yields: its format mark and version, its shape
 * (`BoardFile`), the content an import writes, and the problems and repairs it reports. The zod
 * schemas that check a file are in fileSchema.ts, reading and validating in fileReader.ts, the
 * repairs in fileRepairs.ts, writing in fileExport.ts. See docs/file-format.md.
 */
import type { MetricPoint } from './metrics';
import type { FileSeries } from './metricsFileFormat';
import { RECORD_KINDS, type RecordKind, type RecordOf } from './records';

export const FILE_FORMAT = 'parcours.board';
export const FILE_VERSION = 1;

/** A record as a file holds it: `order` may be left out (file order is then kept). */
export type FileRecord<K extends RecordKind> = Omit<RecordOf<K>, 'order'> & { order?: string };

/** A board file as written by `boardFile` (and read back by `readBoardFile`). */
export interface BoardFile {
  format: typeof FILE_FORMAT;
  version: typeof FILE_VERSION;
  schemaVersion: number;
  exportedAt: string;
  scope: 'board' | 'journey';
  meta: { title: string; createdAt: number };
  records: { [K in RecordKind]: FileRecord<K>[] };
  /** The KPIs' dated values (src/model/metricsFileFormat.ts); absent in files of older versions. */
  metrics?: FileSeries;
  /** Why a file has no `metrics` although its board may have values: they could not be read at export. */
  metricsOmitted?: typeof METRICS_OMITTED_OFFLINE;
}

/** The mark of a file exported while the KPI values could not be read (the relay unreachable). */
export const METRICS_OMITTED_OFFLINE = 'offline';

/** What an import writes: the records with every reference checked and every order key set. */
export interface BoardContent {
  meta: { title: string; createdAt: number };
  records: { [K in RecordKind]: RecordOf<K>[] };
  /** The values of the kept KPIs, by KPI id; written to the relay once the board exists. */
  metrics?: Record<string, MetricPoint[]>;
}

export type FileProblem =
  | 'notJson'
  | 'tooBig'
  | 'notBoardFile'
  | 'newerVersion'
  | 'missing'
  | 'wrongType'
  | 'tooLong'
  | 'tooMany'
  | 'tooLarge'
  | 'tooSmall'
  | 'notOneOf'
  | 'blank'
  | 'badId'
  | 'badOrder'
  | 'badDate'
  | 'duplicateId'
  | 'invalid';

/** One problem of a file: where (a path such as `records.touchpoints[3].text`) and why. */
export interface FileIssue {
  path: string;
  problem: FileProblem;
  params?: Record<string, string | number>;
}

/** A dangling reference an import repairs rather than refuses. */
export interface ReferenceWarning {
  path: string;
  kind: 'droppedRecord' | 'clearedReference' | 'unplacedTouchpoint';
  /** The field that points nowhere and the id it points to. */
  field: string;
  ref: string;
}

/** A text longer than its kind allows, cut to the limit. */
export interface CutTextWarning {
  path: string;
  kind: 'cutText';
  field: string;
  /** The limit it was cut to, and its length in the file. */
  max: number;
  length: number;
}

/** Something an import repairs rather than refuses. */
export type FileWarning = ReferenceWarning | CutTextWarning;
export type FileWarningKind = FileWarning['kind'];

export type FileReadResult =
  | {
      ok: true;
      content: BoardContent;
      warnings: FileWarning[];
      scope: 'board' | 'journey';
      /** The file says its KPI values were left out (exported offline): its KPIs come without values. */
      metricsOmitted: boolean;
    }
  | { ok: false; issues: FileIssue[] };

/** Counts of the records of each type, for previews. */
export function recordCounts(records: { [K in RecordKind]: readonly unknown[] }): Record<RecordKind, number> {
  return Object.fromEntries(RECORD_KINDS.map((k) => [k, records[k].length])) as Record<RecordKind, number>;
}
