import { useBoard } from '../../hooks/useBoard';
import { useMetrics } from '../../hooks/useMetrics';
import type { KindDiff } from '../../model/boardDiff';
import type { RecordKind } from '../../model/records';
import { compareKpis, type KpiSide } from '../../model/compareKpis';
import type { MetricsSummary } from '../../model/metrics';
import { VersionDiff } from './VersionDiff';
import type { KpiValues } from './VersionKpis';

export interface VersionCompareProps {
  diff: Record<RecordKind, KindDiff>;
  name: string;
  /** The version's KPIs and stages. */
  then: Omit<KpiSide, 'summary'>;
  /** The KPI values at the version's time: undefined while read, null when unreadable. */
  thenSummary: MetricsSummary | null | undefined;
}

/** A version compared with the board, its KPI values then against those this page keeps live now. */
export function VersionCompare({ diff, name, then, thenSummary }: VersionCompareProps) {
  const board = useBoard();
  const { state: now } = useMetrics();
  let kpis: KpiValues;
  if (thenSummary === undefined || now.status === 'loading') kpis = { status: 'loading' };
  else {
    const readable = thenSummary !== null && now.status === 'ready';
    // Unreadable values compare as none: only the KPIs added and removed are then listed.
    const comparison = compareKpis(
      { ...then, summary: readable ? thenSummary : {} },
      { kpis: board.kpis, stages: board.stages, summary: readable ? now.summary : {} },
    );
    kpis = readable ? { status: 'ready', comparison } : { status: 'failed', comparison };
  }
  return <VersionDiff diff={diff} name={name} kpis={kpis} />;
}
