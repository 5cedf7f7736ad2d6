/** How a KPI moved since a day (an action's creation): the value it had then, the latest one, and which way that went. */
import { kpiTrend, type KpiDirection, type KpiTrend } from './kpi';
import type { KpiSeriesSummary, MetricPoint } from './metrics';

export type KpiSince =
  /** No value dated after the day: nothing to say about the action's effect yet. */
  | { kind: 'noValueSince'; before: MetricPoint | null }
  /** The first value after the day, with nothing before it to compare with. */
  | { kind: 'firstValue'; latest: MetricPoint }
  | { kind: 'moved'; before: MetricPoint; latest: MetricPoint; trend: KpiTrend };

/**
 * Reads a series (oldest first) since `day` (`YYYY-MM-DD`): the value of that day or the last
 * one before it is where the KPI stood, the latest value is where it stands. Values of the day
 * itself count as « then »: they were known when the action was decided.
 */
export function kpiSince(series: readonly MetricPoint[], day: string, direction: KpiDirection): KpiSince {
  const latest = series[series.length - 1];
  const before = [...series].reverse().find((p) => p.date <= day) ?? null;
  if (!latest || latest.date <= day) return { kind: 'noValueSince', before };
  if (!before) return { kind: 'firstValue', latest };
  return { kind: 'moved', before, latest, trend: kpiTrend(before.value, latest.value, direction) };
}

/**
 * Whether a summary's recent values are enough to read the KPI since `day`: they hold the whole
 * series, or begin on or before that day. Otherwise the whole series has to be read.
 */
export function summaryCovers(summary: KpiSeriesSummary | undefined, day: string): boolean {
  if (!summary || summary.recent.length === 0) return true;
  return summary.count <= summary.recent.length || summary.recent[0]!.date <= day;
}
