import { useMetrics } from '../../hooks/useMetrics';
import { useT } from '../../hooks/useT';
import { latestPoint } from '../../model/metrics';
import type { Kpi } from '../../model/types';
import { kpiValueText } from './kpiText';

const monthText = (locale: string, day: string) =>
  new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${day}T00:00:00Z`));

/**
 * At the right edge of a stage's header, toward the next column: how many deals entered the
 * stage in the latest month a CRM import computed, and the share that went on.
 */
export function StageFunnel({ kpis }: { kpis: readonly Kpi[] }) {
  const t = useT();
  const { state } = useMetrics();
  const volumeKpi = kpis.find((k) => k.metric === 'volume');
  const rateKpi = kpis.find((k) => k.metric === 'conversion');
  const volume = volumeKpi ? latestPoint(state.summary[volumeKpi.id]) : null;
  const rate = rateKpi ? latestPoint(state.summary[rateKpi.id]) : null;
  if (!volume && !rate) return null;
  const rateText = rate ? kpiValueText(t, rate.value, '%') : '';
  const label =
    volume && rate && volume.date === rate.date
      ? t.plural('kpi.funnel', volume.value, { month: monthText(t.locale, volume.date), rate: rateText })
      : [
          volume && t.plural('kpi.funnelVolume', volume.value, { month: monthText(t.locale, volume.date) }),
          rate && t('kpi.funnelRate', { rate: rateText, month: monthText(t.locale, rate.date) }),
        ]
          .filter(Boolean)
          .join(' ; ');
  return (
    <p className="stage-funnel" role="img" aria-label={label} title={label}>
      {volume && <span className="stage-funnel__volume">▸ {t.number(volume.value)}</span>}
      {rate && <span className="stage-funnel__rate">{rateText} →</span>}
    </p>
  );
}
