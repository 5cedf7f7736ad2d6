/** A metrics client kept in memory, behaving like the relay's: idempotent writes, batches, undo, pushes. */
import { newId } from '../../src/model/ids';
import { summarize, type MetricInput, type MetricPoint, type MetricsSummary } from '../../src/model/metrics';
import type { MetricSource } from '../../src/model/kpi';
import { createMetricsState, MetricsError, type MetricsClient } from '../../src/sync/metrics';

export interface MemoryMetrics extends MetricsClient {
  /** Every write the client was asked for, in order. */
  writes: { values: MetricInput[]; source: string }[];
  /** Makes the next calls fail as if offline. */
  offline: boolean;
  seriesOf(kpiId: string): MetricPoint[];
}

export function createMemoryMetrics(initial: Record<string, MetricPoint[]> = {}): MemoryMetrics {
  const series = new Map<string, MetricPoint[]>(Object.entries(initial).map(([k, v]) => [k, [...v]]));
  const batches = new Map<string, { kpiId: string; date: string; before: MetricPoint | null }[]>();
  const summaryOf = (): MetricsSummary => Object.fromEntries([...series].map(([k, v]) => [k, summarize(v)]).filter(([, s]) => s !== null));
  const state = createMetricsState(summaryOf());
  const put = (kpiId: string, date: string, point: MetricPoint | null) => {
    const list = (series.get(kpiId) ?? []).filter((p) => p.date !== date);
    if (point) list.push(point);
    list.sort((a, b) => a.date.localeCompare(b.date));
    series.set(kpiId, list);
  };
  const pushFor = (ids: string[]) => {
    const all = summaryOf();
    state.receive({
      summaries: Object.fromEntries(ids.filter((id) => all[id]).map((id) => [id, all[id]!])),
      emptied: ids.filter((id) => !all[id]),
    });
  };
  const client: MemoryMetrics = {
    writes: [],
    offline: false,
    seriesOf: (kpiId) => series.get(kpiId) ?? [],
    getState: state.getState,
    subscribe: state.subscribe,
    receive: state.receive,
    refresh: async () => state.replace(summaryOf()),
    allSeries: async () => {
      if (client.offline) throw new MetricsError(0, 'offline');
      return Object.fromEntries([...series].filter(([, v]) => v.length > 0).map(([k, v]) => [k, [...v]]));
    },
    series: async (kpiId) => {
      if (client.offline) throw new MetricsError(0, 'offline');
      return [...(series.get(kpiId) ?? [])];
    },
    write: async (values, source: Exclude<MetricSource, 'feed'>) => {
      if (client.offline) throw new MetricsError(0, 'offline');
      client.writes.push({ values: [...values], source });
      const batch = newId();
      const undo: { kpiId: string; date: string; before: MetricPoint | null }[] = [];
      let inserted = 0;
      let updated = 0;
      let unchanged = 0;
      for (const v of values) {
        const before = (series.get(v.kpiId) ?? []).find((p) => p.date === v.date) ?? null;
        if (before?.value === v.value) {
          unchanged++;
          continue;
        }
        undo.push({ kpiId: v.kpiId, date: v.date, before });
        put(v.kpiId, v.date, { date: v.date, value: v.value, source });
        if (before) updated++;
        else inserted++;
      }
      batches.set(batch, undo);
      pushFor([...new Set(values.map((v) => v.kpiId))]);
      return { batch, inserted, updated, unchanged };
    },
    remove: async (kpiId, date) => {
      if (client.offline) throw new MetricsError(0, 'offline');
      const before = (series.get(kpiId) ?? []).find((p) => p.date === date) ?? null;
      if (!before) throw new MetricsError(404, 'no value that day');
      const batch = newId();
      batches.set(batch, [{ kpiId, date, before }]);
      put(kpiId, date, null);
      pushFor([kpiId]);
      return batch;
    },
    undo: async (batch) => {
      const undo = batches.get(batch) ?? [];
      for (const u of undo) put(u.kpiId, u.date, u.before);
      batches.delete(batch);
      pushFor([...new Set(undo.map((u) => u.kpiId))]);
    },
    destroy: () => {},
  };
  return client;
}
