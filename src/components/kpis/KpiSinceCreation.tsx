import type { ReactNode } from 'react';
import { useKpiSeries } from '../../hooks/useKpiSeries';
import { useT } from '../../hooks/useT';
import { kpiSince } from '../../model/kpiSince';
import type { MetricPoint } from '../../model/metrics';
import type { Kpi } from '../../model/types';
import { kpiValueText } from './kpiText';

/** « 31 → 36 depuis la création de l’action (12 mars), en amélioration »: the arrow coloured by the KPI's good way, the word saying it too. */
export function KpiSinceCreation({
  kpi,
  series,
  day,
  dateText,
}: {
  kpi: Kpi;
  series: readonly MetricPoint[];
  day: string;
  dateText: string;
}) {
  const t = useT();
  const since = kpiSince(series, day, kpi.direction);
  const value = (p: MetricPoint) => kpiValueText(t, p.value, kpi.unit);
  if (since.kind === 'noValueSince') return <>{t('kpi.action.noValueSince', { date: dateText })}</>;
  if (since.kind === 'firstValue') return <>{t('kpi.action.firstValueSince', { value: value(since.latest), date: dateText })}</>;
  return (
    <>
      {value(since.before)}{' '}
      <span className={`kpi-trend kpi-trend--${since.trend}`} aria-hidden="true">
        →
      </span>{' '}
      {value(since.latest)} {t('kpi.action.sinceCreation', { date: dateText })}, {t(`kpi.trend.${since.trend}`)}
    </>
  );
}

/** A KPI's whole series, read when its summary does not reach back to the action's creation. */
export function KpiSinceSeries({ kpiId, children }: { kpiId: string; children(series: readonly MetricPoint[]): ReactNode }) {
  const t = useT();
  const state = useKpiSeries(kpiId);
  if (state.status === 'loading') return <span className="muted">{t('kpi.action.sinceLoading')}</span>;
  if (state.status === 'failed') return <span className="muted">{t('kpi.action.sinceFailed')}</span>;
  return <>{children(state.series)}</>;
}
