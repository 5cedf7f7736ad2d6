import { useContext, useSyncExternalStore } from 'react';
import type { MetricsSummary } from '../model/metrics';
import { metricsOf } from '../sync/metrics';
import { BoardContext } from './useBoardSession';

const NONE: MetricsSummary = {};
const nothing = () => () => {};

/** The board's KPI summaries where a board session exists (the poster is also drawn outside one: then none). */
export function useMetricsSummary(): MetricsSummary {
  const session = useContext(BoardContext);
  const client = session ? metricsOf(session) : null;
  return useSyncExternalStore(client?.subscribe ?? nothing, () => client?.getState().summary ?? NONE);
}
