/**
 * The series of a board's KPIs as the relay stores, serves and pushes them: what a value is,
 * what a board's summary holds, and how much one call may bring. The KPI definitions live in
 * the board document; their dated values live beside it, in the relay's database (see
 * docs/decisions.md, « Where KPI values live »).
 */
import type { MetricSource } from './kpi';

/** One dated value of a KPI. */
export interface MetricPoint {
  /** `YYYY-MM-DD`. */
  date: string;
  value: number;
  source: MetricSource;
}

/** A value to write: which KPI (by id), which day, what value. */
export interface MetricInput {
  kpiId: string;
  date: string;
  value: number;
}

/** What a board page needs of one KPI's series at first sight: enough for its header, not the whole history. */
export interface KpiSeriesSummary {
  /** How many values the series holds. */
  count: number;
  /** The newest values, oldest first: the sparkline, and the latest value last. */
  recent: MetricPoint[];
  /** The newest value at least TREND_DAYS before the latest one: the trend over the period. */
  earlier: MetricPoint | null;
}

/** Every KPI of a board with values, by KPI id. */
export type MetricsSummary = Record<string, KpiSeriesSummary>;

/** Values in a summary's sparkline. */
export const SPARK_POINTS = 60;

/** The period a trend is read over, in days (a quarter: the rhythm of the reviews). */
export const TREND_DAYS = 90;

/** Most values one call (a feed push, a file import) may write; more is refused whole. */
export const MAX_VALUES_PER_CALL = 5000;

/** Largest body of a call that writes values (5 000 JSON lines fit in well under a megabyte). */
export const MAX_METRICS_BODY_BYTES = 1024 * 1024;

/** Largest value kept (a turnover in cents fits; anything past this is a typo or an attack). */
export const MAX_METRIC_MAGNITUDE = 1e15;

/** The latest value of a summary, if any. */
export function latestPoint(summary: KpiSeriesSummary | undefined): MetricPoint | null {
  return summary?.recent[summary.recent.length - 1] ?? null;
}

/** What the relay pushes to the open boards when values change: the new summaries of the KPIs that changed. */
export interface MetricsPush {
  summaries: MetricsSummary;
  /** KPIs whose every value went: their summary is empty. */
  emptied: string[];
}

/** The summary of a whole series (oldest first), as the relay makes it: what the memory client and the tests use. */
export function summarize(series: readonly MetricPoint[]): KpiSeriesSummary | null {
  if (series.length === 0) return null;
  const recent = series.slice(-SPARK_POINTS);
  const latest = recent[recent.length - 1]!;
  const cutoff = Date.parse(`${latest.date}T00:00:00Z`) - TREND_DAYS * 86_400_000;
  const earlier = [...series].reverse().find((p) => Date.parse(`${p.date}T00:00:00Z`) <= cutoff) ?? null;
  return { count: series.length, recent, earlier };
}

/** A feed token as the relay lists it to facilitators (never the token itself: it is shown once). */
export interface FeedInfo {
  id: string;
  label: string;
  createdAt: number;
  /** ms since the epoch; 0 = never. */
  expiresAt: number;
  revokedAt: number | null;
}
