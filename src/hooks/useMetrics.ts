import { useSyncExternalStore } from 'react';
import { metricsOf, type MetricsClient, type MetricsState } from '../sync/metrics';
import { useBoardSession } from './useBoardSession';

/** The board's KPI values as this page knows them (summaries, kept live), and the client that writes them. */
export function useMetrics(): { state: MetricsState; client: MetricsClient } {
  const client = metricsOf(useBoardSession());
  const state = useSyncExternalStore(client.subscribe, client.getState);
  return { state, client };
}
