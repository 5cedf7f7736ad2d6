/** What a KPI's summary says at a glance: its latest value against its target, its age, whether it is stale, its trend. */
import { ageInDays, isStale, kpiStatus, kpiTrend, parseNumber, type KpiStatus, type KpiTrend } from './kpi';
import { latestPoint, type KpiSeriesSummary, type MetricPoint } from './metrics';
import type { Kpi } from './types';

export interface KpiReading {
  latest: MetricPoint | null;
  target: number | null;
  status: KpiStatus;
  /** Days since the latest value (null without one); negative when it is dated after today. */
  ageDays: number | null;
  stale: boolean;
  /** From the value a period earlier (or the oldest one shown) to the latest; null with fewer than two values. */
  trend: KpiTrend | null;
  /** The sparkline's values, oldest first. */
  spark: number[];
}

/** Reads a KPI's summary on `today` (`YYYY-MM-DD`). */
export function readKpiSummary(
  kpi: Pick<Kpi, 'target' | 'direction' | 'refreshDays'>,
  summary: KpiSeriesSummary | undefined,
  today: string,
): KpiReading {
  const latest = latestPoint(summary);
  const target = parseNumber(kpi.target);
  const first = summary?.earlier ?? summary?.recent[0] ?? null;
  return {
    latest,
    target,
    status: kpiStatus(latest?.value ?? null, target, kpi.direction),
    ageDays: latest ? ageInDays(latest.date, today) : null,
    stale: latest ? isStale(latest.date, kpi.refreshDays, today) : false,
    trend: latest && first && first !== latest && (summary?.count ?? 0) > 1 ? kpiTrend(first.value, latest.value, kpi.direction) : null,
    spark: summary?.recent.map((p) => p.value) ?? [],
  };
}
