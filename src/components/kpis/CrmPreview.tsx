import { useT } from '../../hooks/useT';
import { CRM_METRICS, type PipelineMetrics } from '../../model/crmPipeline';
import type { Stage } from '../../model/types';
import { dayText, kpiValueText } from './kpiText';

/** What the import computed for each mapped stage, its latest month. */
export function CrmPreview({ metrics, stages }: { metrics: PipelineMetrics; stages: Stage[] }) {
  const t = useT();
  const rows = stages.filter((s) => metrics[s.id]);
  if (rows.length === 0)
    return (
      <p className="kpi-error" role="alert">
        {t('kpi.crm.nothing')}
      </p>
    );
  const unit = { volume: t('kpi.crm.unit.volume'), conversion: '%', medianDays: t('kpi.crm.unit.medianDays') };
  return (
    <div className="kpi-table-wrap">
      <table className="kpi-table">
        <caption>{t('kpi.crm.preview')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('kpi.crm.preview.stage')}</th>
            <th scope="col">{t('kpi.crm.preview.month')}</th>
            {CRM_METRICS.map((m) => (
              <th key={m} scope="col">
                {t(`kpi.crm.metric.${m}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => {
            const m = metrics[s.id]!;
            const last = m.volume[m.volume.length - 1]!;
            return (
              <tr key={s.id}>
                <th scope="row">{s.name}</th>
                <td>{dayText(t.locale, last.date)}</td>
                {CRM_METRICS.map((metric) => {
                  const point = m[metric].find((p) => p.date === last.date);
                  return (
                    <td key={metric} className="kpi-table__value">
                      {point ? kpiValueText(t, point.value, unit[metric]) : '—'}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
