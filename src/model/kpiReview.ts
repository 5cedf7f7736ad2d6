/** The review of a journey's KPIs: every one read on a day, the ones needing attention first. */
import type { KpiReading } from './kpiReading';
import type { Kpi } from './types';

export interface ReviewRow {
  kpi: Kpi;
  stageName: string;
  stageIndex: number;
  reading: KpiReading;
}

/** Off target first, then stale, then the rest; within each, in stage order, then as listed. */
export function reviewOrder(rows: readonly ReviewRow[]): ReviewRow[] {
  const rank = (r: ReviewRow) => (r.reading.status === 'off' ? 0 : r.reading.stale ? 1 : 2);
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r) - rank(b.r) || a.r.stageIndex - b.r.stageIndex || a.i - b.i)
    .map(({ r }) => r);
}
