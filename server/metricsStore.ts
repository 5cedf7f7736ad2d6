/**
 * Where the dated values of the boards' KPIs live: beside the boards, not in them. A row is one
 * value of one KPI on one day; a change never rewrites a row but supersedes it, so the series
 * can be read as it was at any moment (named versions) and a whole import undone (`revert`).
 * The interface is asynchronous, so that a database server can take SQLite's place: the SQLite
 * file is in metricsSqlite.ts, PostgreSQL in storage/postgresMetrics.ts.
 */
import { dayFromNumber, dayNumber, isMetricSource, type MetricSource } from '../src/model/kpi';
import {
  TREND_DAYS,
  type KpiSeriesSummary,
  type MetricInput,
  type MetricPoint,
  type MetricsSummary,
  type FeedInfo,
} from '../src/model/metrics';

/** What one write did: `batch` names it, for an undo. */
export interface WriteResult {
  batch: string;
  inserted: number;
  updated: number;
  unchanged: number;
}

export type { FeedInfo };

/** A stored value, superseded or not, as the migration between stores copies it. */
export interface MetricValueRow {
  id: number;
  boardId: string;
  kpiId: string;
  day: string;
  value: number;
  source: string;
  batch: string;
  recordedAt: number;
  supersededAt: number | null;
  supersededBy: string | null;
}

/** A feed as the migration copies it. */
export interface FeedRow extends FeedInfo {
  boardId: string;
}

export interface MetricsStore {
  /** Writes values (one transaction): a value equal to the stored one is left alone, so re-sending is harmless. */
  write(boardId: string, values: readonly MetricInput[], source: MetricSource, now?: number): Promise<WriteResult>;
  /** Deletes one value. Null when there was none, else the batch that deleted it (undoable). */
  remove(boardId: string, kpiId: string, date: string, now?: number): Promise<string | null>;
  /** Undoes a batch: its values go, the ones it replaced or deleted come back. Returns the KPIs that changed. */
  revert(boardId: string, batch: string, now?: number): Promise<string[]>;
  /** One KPI's whole series, oldest first, as it is (or as it was at `at`). */
  series(boardId: string, kpiId: string, at?: number): Promise<MetricPoint[]>;
  /** Every series of a board, by KPI id (exports). */
  allSeries(boardId: string, at?: number): Promise<Record<string, MetricPoint[]>>;
  /** What a board page needs at first: count, recent values and the trend's starting value of each KPI. */
  summary(boardId: string, kpiIds?: readonly string[], at?: number): Promise<MetricsSummary>;
  addFeed(boardId: string, label: string, expiresAt: number, now?: number): Promise<FeedInfo>;
  listFeeds(boardId: string): Promise<FeedInfo[]>;
  /** Revokes one feed token. False when the board has no such feed. */
  revokeFeed(boardId: string, feedId: string, now?: number): Promise<boolean>;
  /** Whether a feed exists for the board and is not revoked. */
  isFeedLive(boardId: string, feedId: string): Promise<boolean>;
  /** Up to `limit` value rows of every board, superseded ones included, in id order after `afterId` (the migration). */
  exportValues(limit: number, afterId?: number): Promise<MetricValueRow[]>;
  /** Stores value rows under their own ids; a row already there takes the other's supersession. Resolves with how many changed. */
  importValues(rows: readonly MetricValueRow[]): Promise<number>;
  exportFeeds(): Promise<FeedRow[]>;
  /** Stores feeds under their own ids; one already there takes the other's revocation. Resolves with how many changed. */
  importFeeds(rows: readonly FeedRow[]): Promise<number>;
  counts(): Promise<{ values: number; feeds: number }>;
  close(): Promise<void>;
}

/** A value as both stores select it. */
export interface ValueRow {
  kpi_id: string;
  day: string;
  value: number;
  source: string;
}

/** A selected value as the API shows it (a source this relay does not know reads as typed). */
export const point = (r: ValueRow): MetricPoint => ({ date: r.day, value: r.value, source: isMetricSource(r.source) ? r.source : 'typed' });

/**
 * A summary's entries from each KPI's recent values (oldest first, grouped by KPI), keeping only
 * `kpiIds` when given; `earlier` is left for the store to look up from trendStart().
 */
export function summaryOfRecent<R extends ValueRow>(
  rows: readonly R[],
  kpiIds: readonly string[] | undefined,
  count: (row: R) => number,
): MetricsSummary {
  const wanted = kpiIds ? new Set(kpiIds) : null;
  const out: MetricsSummary = {};
  for (const row of rows) {
    if (wanted && !wanted.has(row.kpi_id)) continue;
    const entry = (out[row.kpi_id] ??= { count: count(row), recent: [], earlier: null } satisfies KpiSeriesSummary);
    entry.recent.push(point(row));
  }
  return out;
}

/** The day a KPI's trend starts from: TREND_DAYS before its latest recent value. */
export function trendStart(entry: KpiSeriesSummary): string {
  return dayFromNumber(dayNumber(entry.recent[entry.recent.length - 1]!.date) - TREND_DAYS);
}
