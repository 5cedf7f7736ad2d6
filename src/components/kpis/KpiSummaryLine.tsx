import { useT } from '../../hooks/useT';
import type { KpiReading } from '../../model/kpiReading';
import type { Kpi } from '../../model/types';
import { STATUS_SYMBOL, ageText, dayText, kpiValueText } from './kpiText';

/** Where a KPI stands: its latest value and day, on or off target (symbol and words), its age, stale or not. */
export function KpiSummaryLine({ kpi, reading }: { kpi: Kpi; reading: KpiReading }) {
  const t = useT();
  const { latest, status, target } = reading;
  if (!latest) return <p className="kpi-dialog__summary">{t('kpi.noValue')}</p>;
  const value = kpiValueText(t, latest.value, kpi.unit);
  const date = dayText(t.locale, latest.date);
  return (
    <p className="kpi-dialog__summary">
      <span className={`kpi-status kpi-status--${status}`}>
        <span aria-hidden="true">{STATUS_SYMBOL[status]}</span> {t(`kpi.status.${status}`)}
      </span>
      <span>
        {target === null
          ? t('kpi.dialog.summaryNoTarget', { value, date })
          : t('kpi.dialog.summary', {
              value,
              date,
              status: t(`kpi.status.${status}`),
              target: t('kpi.target', { target: kpiValueText(t, target, kpi.unit) }),
            })}
        {' · '}
        {ageText(t, reading.ageDays ?? 0)}
      </span>
      {reading.stale && (
        <span className="kpi-stale">
          <span aria-hidden="true">◷</span> {t.plural('kpi.staleLong', kpi.refreshDays)}
        </span>
      )}
    </p>
  );
}
