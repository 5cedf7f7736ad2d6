/** Writing a board file's KPI values into the board an import made, once the relay holds its KPIs. */
import type { MetricSource } from '../model/kpi';
import type { MetricInput, MetricPoint } from '../model/metrics';
import { createHttpMetrics } from './metrics';
import { writeAll } from './metricsBatches';

/** Writes the values, grouped by where they came from (a feed's as a file's: the new board has no feed). */
export async function importSeries(
  boardId: string,
  token: string | null,
  metrics: Record<string, MetricPoint[]> | undefined,
): Promise<void> {
  const bySource = new Map<Exclude<MetricSource, 'feed'>, MetricInput[]>();
  for (const [kpiId, points] of Object.entries(metrics ?? {})) {
    for (const p of points) {
      const source = p.source === 'feed' ? 'file' : p.source;
      const list = bySource.get(source) ?? [];
      list.push({ kpiId, date: p.date, value: p.value });
      bySource.set(source, list);
    }
  }
  if (bySource.size === 0) return;
  const client = createHttpMetrics({ boardId, token });
  try {
    for (const [source, values] of bySource) await writeAll(client, values, source);
  } finally {
    client.destroy();
  }
}
