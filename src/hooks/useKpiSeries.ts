import { useEffect, useState } from 'react';
import type { MetricPoint } from '../model/metrics';
import { useMetrics } from './useMetrics';

export type SeriesState = { status: 'loading' } | { status: 'ready'; series: MetricPoint[] } | { status: 'failed' };

/** One KPI's whole series, read again whenever its values change (a push, an edit here). */
export function useKpiSeries(kpiId: string): SeriesState {
  const { state, client } = useMetrics();
  const revision = state.revisions[kpiId] ?? 0;
  const [loaded, setLoaded] = useState<{ key: string; state: SeriesState } | null>(null);
  const key = `${kpiId}#${revision}`;
  useEffect(() => {
    let live = true;
    client.series(kpiId).then(
      (series) => live && setLoaded({ key, state: { status: 'ready', series } }),
      () => live && setLoaded({ key, state: { status: 'failed' } }),
    );
    return () => {
      live = false;
    };
  }, [client, kpiId, key]);
  // While a newer revision loads, the previous series stays on screen rather than a blank.
  return loaded?.state ?? { status: 'loading' };
}
