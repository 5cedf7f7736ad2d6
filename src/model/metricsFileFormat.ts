/**
 * KPI series in a board file: `metrics`, by KPI id, a list of `[day, value, source]`, oldest
 * first — compact, since a board can carry 90 000 values. Exported with the KPIs they belong
 * to; an import writes them into the new board's series (a feed's values come in as a file's:
 * the new board has no feed yet).
 */
import { z } from 'zod';
import { DAY_PATTERN, METRIC_SOURCES, isDay, type MetricSource } from './kpi';
import { MAX_METRIC_MAGNITUDE, type MetricPoint } from './metrics';

/** Most values one KPI may bring in a file: ten years of daily values. */
export const MAX_FILE_POINTS_PER_KPI = 3700;

export type FileSeries = Record<string, [string, number, MetricSource][]>;

const point = z.tuple([
  z.string().regex(DAY_PATTERN, { message: 'badDate' }),
  z.number().finite().min(-MAX_METRIC_MAGNITUDE).max(MAX_METRIC_MAGNITUDE),
  z.enum(METRIC_SOURCES as [MetricSource, ...MetricSource[]]),
]);

export const SERIES_SCHEMA = z.record(
  z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { message: 'badId' }),
  z.array(point).max(MAX_FILE_POINTS_PER_KPI),
);

/** The series of the exported KPIs, for the file. */
export function seriesForFile(series: Record<string, readonly MetricPoint[]>, kpiIds: ReadonlySet<string>): FileSeries {
  const out: FileSeries = {};
  for (const [kpiId, points] of Object.entries(series))
    if (kpiIds.has(kpiId) && points.length) out[kpiId] = points.map((p) => [p.date, p.value, p.source]);
  return out;
}

/** The series of a file that belong to KPIs the import keeps, one value per day (the last listed wins). */
export function seriesFromFile(series: FileSeries | undefined, kpiIds: ReadonlySet<string>): Record<string, MetricPoint[]> {
  const out: Record<string, MetricPoint[]> = {};
  for (const [kpiId, points] of Object.entries(series ?? {})) {
    if (!kpiIds.has(kpiId)) continue;
    const byDay = new Map<string, MetricPoint>();
    for (const [date, value, source] of points) if (isDay(date)) byDay.set(date, { date, value, source });
    out[kpiId] = [...byDay.values()].sort((a, b) => a.date.localeCompare(b.date));
  }
  return out;
}
