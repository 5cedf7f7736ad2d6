import { useMetricsSummary } from '../../hooks/useMetricsSummary';
import { useBoard } from '../../hooks/useBoard';
import { useT } from '../../hooks/useT';
import { dayOf } from '../../model/kpi';
import { readKpiSummary } from '../../model/kpiReading';
import type { Action } from '../../model/types';
import { STATUS_SYMBOL, kpiValueText } from './kpiText';

const TREND = { better: '↗', worse: '↘', flat: '→' } as const;

/** On an action's card, the KPIs it should move: where each stands and its trend over the quarter. */
export function ActionKpis({ action }: { action: Action }) {
  const t = useT();
  const board = useBoard();
  const summary = useMetricsSummary();
  const kpis = board.kpis.filter((k) => action.links.includes(k.id));
  if (kpis.length === 0) return null;
  const today = dayOf(Date.now());
  return (
    <ul className="action-kpis" aria-label={t('kpi.action.list')}>
      {kpis.map((k) => {
        const r = readKpiSummary(k, summary[k.id], today);
        return (
          <li key={k.id} className={`action-kpis__item action-kpis__item--${r.latest ? r.status : 'none'}`}>
            {k.name}{' '}
            {r.latest ? (
              <>
                <span aria-hidden="true">{STATUS_SYMBOL[r.status]}</span> {kpiValueText(t, r.latest.value, k.unit)} (
                {t(`kpi.status.${r.status}`)})
                {r.trend && (
                  <>
                    {' '}
                    <span aria-hidden="true">{TREND[r.trend]}</span> {t(`kpi.trend.${r.trend}`)}
                  </>
                )}
              </>
            ) : (
              t('kpi.noValue')
            )}
          </li>
        );
      })}
    </ul>
  );
}
