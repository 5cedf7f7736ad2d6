/**
 * Which KPIs moved between a saved version and now: the latest value each had when the version
 * was taken (the relay serves the values as they were then) against the latest value today,
 * and the KPIs added or removed since.
 */
import { kpiTrend, type KpiTrend } from './kpi';
import { latestPoint, type MetricPoint, type MetricsSummary } from './metrics';
import type { Kpi, Stage } from './types';

/** One KPI in a comparison, named with its stage. */
export interface ComparedKpi {
  id: string;
  name: string;
  stageName: string;
  unit: string;
  /** The target as written today (as it was written then for a removed KPI). */
  target: string;
}

export interface KpiMove extends ComparedKpi {
  /** The latest value when the version was taken, or null without one. */
  then: MetricPoint | null;
  /** The latest value now, or null when every value went. */
  now: MetricPoint | null;
  /** Whether it went the KPI's good way; null when one side has no value. */
  trend: KpiTrend | null;
}

export interface KpiComparison {
  moved: KpiMove[];
  added: (ComparedKpi & { now: MetricPoint | null })[];
  removed: (ComparedKpi & { then: MetricPoint | null })[];
}

/** A side of the comparison: the KPI definitions and stages of the board, and the values of its KPIs. */
export interface KpiSide {
  kpis: readonly Kpi[];
  stages: readonly Pick<Stage, 'id' | 'name'>[];
  summary: MetricsSummary;
}

function describe(kpi: Kpi, stages: KpiSide['stages']): ComparedKpi {
  return {
    id: kpi.id,
    name: kpi.name.trim() || kpi.id,
    stageName: stages.find((s) => s.id === kpi.stageId)?.name ?? '',
    unit: kpi.unit,
    target: kpi.target,
  };
}

/** The KPIs whose latest value changed from `then` to `now` (in the board's order), and those added and removed. */
export function compareKpis(then: KpiSide, now: KpiSide): KpiComparison {
  const before = new Map(then.kpis.map((k) => [k.id, k]));
  const after = new Set(now.kpis.map((k) => k.id));
  const out: KpiComparison = { moved: [], added: [], removed: [] };
  for (const kpi of now.kpis) {
    const latestNow = latestPoint(now.summary[kpi.id]);
    if (!before.has(kpi.id)) {
      out.added.push({ ...describe(kpi, now.stages), now: latestNow });
      continue;
    }
    const latestThen = latestPoint(then.summary[kpi.id]);
    // A newer reading of the same number is no move: the comparison is about where the KPI stands.
    if ((latestThen?.value ?? null) === (latestNow?.value ?? null)) continue;
    out.moved.push({
      ...describe(kpi, now.stages),
      then: latestThen,
      now: latestNow,
      trend: latestThen && latestNow ? kpiTrend(latestThen.value, latestNow.value, kpi.direction) : null,
    });
  }
  for (const kpi of then.kpis)
    if (!after.has(kpi.id)) out.removed.push({ ...describe(kpi, then.stages), then: latestPoint(then.summary[kpi.id]) });
  return out;
}

/** Whether a comparison has nothing to say. */
export function isEmptyKpiComparison(c: KpiComparison): boolean {
  return c.moved.length + c.added.length + c.removed.length === 0;
}
