import { useMetrics } from '../../hooks/useMetrics';
import { useT } from '../../hooks/useT';
import { dayOf } from '../../model/kpi';
import { readKpiSummary } from '../../model/kpiReading';
import type { Kpi } from '../../model/types';
import { useUiStore } from '../../store';
import { STATUS_SYMBOL, ageShortText, ageText, kpiValueText } from './kpiText';
import { Sparkline } from './Sparkline';
import './kpis.css';

/**
 * A KPI in its stage's header: the latest value against the target (colour and symbol), its
 * trend as a sparkline, its age, and a clock when it is stale. Opens the KPI's history.
 */
export function KpiChip({ kpi }: { kpi: Kpi }) {
  const t = useT();
  const { state } = useMetrics();
  const setKpiDialog = useUiStore((s) => s.setKpiDialog);
  const reading = readKpiSummary(kpi, state.summary[kpi.id], dayOf(Date.now()));
  const name = kpi.name || t('panel.stage.kpiUnnamed');
  const { latest, status } = reading;
  const value = latest ? kpiValueText(t, latest.value, kpi.unit) : '—';
  const statusText = t(`kpi.status.${status}`);
  const label = latest
    ? `${t('kpi.chip', { name, value, status: statusText, age: ageText(t, reading.ageDays ?? 0) })}${reading.stale ? ` — ${t.plural('kpi.staleLong', kpi.refreshDays)}` : ''}`
    : t('kpi.chipNoValue', { name });
  return (
    <button
      type="button"
      className={`kpi-chip kpi-chip--${latest ? status : 'none'}${reading.stale ? ' kpi-chip--stale' : ''} nodrag`}
      aria-label={label}
      title={label}
      onClick={() => setKpiDialog({ kind: 'history', kpiId: kpi.id })}
    >
      {latest && (
        <span className="kpi-chip__symbol" aria-hidden="true">
          {STATUS_SYMBOL[status]}
        </span>
      )}
      <span className="kpi-chip__name">{name}</span>
      <span className="kpi-chip__value">{value}</span>
      <Sparkline values={reading.spark} target={reading.target} />
      {latest && (
        <span className={`kpi-chip__age${reading.stale ? ' kpi-chip__age--stale' : ''}`} aria-hidden="true">
          {reading.stale ? '◷ ' : ''}
          {ageShortText(t, reading.ageDays ?? 0)}
        </span>
      )}
    </button>
  );
}
