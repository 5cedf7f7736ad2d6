import { useMetricsSummary } from '../../hooks/useMetricsSummary';
import { dayOf, parseNumber } from '../../model/kpi';
import { readKpiSummary } from '../../model/kpiReading';
import type { Translate } from '../../i18n';
import type { Kpi } from '../../model/types';
import { STATUS_SYMBOL, dayText, kpiValueText } from './kpiText';
import { Sparkline } from './Sparkline';

const TREND = { better: '↗', worse: '↘', flat: '→' } as const;

/** A KPI on the poster, in the poster's language: its latest value and day, on or off target by symbol and word, its trend, its target. */
export function PosterKpi({ kpi, t }: { kpi: Kpi; t: Translate }) {
  const summary = useMetricsSummary();
  const reading = readKpiSummary(kpi, summary[kpi.id], dayOf(Date.now()));
  const target = parseNumber(kpi.target);
  const latest = reading.latest;
  return (
    <p className={`p-kpi p-kpi--${latest ? reading.status : 'none'}`}>
      <span className="p-kpi__name">{kpi.name}</span>
      <span className="p-kpi__values">
        {latest ? (
          <>
            <strong>
              {STATUS_SYMBOL[reading.status]} {kpiValueText(t, latest.value, kpi.unit)}
            </strong>{' '}
            ({t(`kpi.status.${reading.status}`)}, {dayText(t.locale, latest.date)})
            {reading.trend ? ` ${TREND[reading.trend]} ${t(`kpi.trend.${reading.trend}`)}` : ''}
          </>
        ) : (
          kpi.current && t.measure(kpi.current, kpi.unit)
        )}
        {target !== null && ` → ${t('poster.kpiTarget', { target: kpiValueText(t, target, kpi.unit) })}`}
      </span>
      <Sparkline values={reading.spark} target={reading.target} width={120} height={22} />
    </p>
  );
}
