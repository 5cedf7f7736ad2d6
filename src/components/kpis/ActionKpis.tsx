import { useMetricsSummary } from '../../hooks/useMetricsSummary';
import { useBoard } from '../../hooks/useBoard';
import { useT } from '../../hooks/useT';
import { dayOf } from '../../model/kpi';
import { readKpiSummary } from '../../model/kpiReading';
import { summaryCovers } from '../../model/kpiSince';
import type { Action } from '../../model/types';
import { useUiStore } from '../../store';
import { KpiSinceCreation, KpiSinceSeries } from './KpiSinceCreation';
import { STATUS_SYMBOL, kpiValueText } from './kpiText';

const TREND = { better: '↗', worse: '↘', flat: '→' } as const;

/**
 * On an action's card, the KPIs it should move: where each stands against its target and how it
 * moved since the action was created; an action older than its creation date reads the quarter.
 */
export function ActionKpis({ action }: { action: Action }) {
  const t = useT();
  const board = useBoard();
  const summary = useMetricsSummary();
  const locale = useUiStore((s) => s.locale);
  const kpis = board.kpis.filter((k) => action.links.includes(k.id));
  if (kpis.length === 0) return null;
  const today = dayOf(Date.now());
  const created = action.createdAt === undefined ? null : { day: dayOf(action.createdAt), text: creationText(locale, action.createdAt) };
  return (
    <ul className="action-kpis" aria-label={t('kpi.action.list')}>
      {kpis.map((k) => {
        const r = readKpiSummary(k, summary[k.id], today);
        const since = (points: Parameters<typeof KpiSinceCreation>[0]['series']) => (
          <KpiSinceCreation kpi={k} series={points} day={created!.day} dateText={created!.text} />
        );
        return (
          <li key={k.id} className={`action-kpis__item action-kpis__item--${r.latest ? r.status : 'none'}`}>
            {k.name}{' '}
            {r.latest ? (
              <>
                <span aria-hidden="true">{STATUS_SYMBOL[r.status]}</span> {kpiValueText(t, r.latest.value, k.unit)} (
                {t(`kpi.status.${r.status}`)})
              </>
            ) : (
              t('kpi.noValue')
            )}
            {created ? (
              summaryCovers(summary[k.id], created.day) ? (
                <div className="action-kpis__since">{since(summary[k.id]?.recent ?? [])}</div>
              ) : (
                <div className="action-kpis__since">
                  <KpiSinceSeries kpiId={k.id}>{since}</KpiSinceSeries>
                </div>
              )
            ) : (
              r.latest && <QuarterTrend trend={r.trend} />
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** The trend over the last quarter, for an action from before actions were dated: the label says why it is not since its creation. */
function QuarterTrend({ trend }: { trend: keyof typeof TREND | null }) {
  const t = useT();
  if (!trend) return null;
  return (
    <span title={t('kpi.action.quarterWhy')}>
      {' '}
      <span aria-hidden="true" className={`kpi-trend kpi-trend--${trend}`}>
        {TREND[trend]}
      </span>{' '}
      {t(`kpi.trend.${trend}`)} {t('kpi.action.overQuarter')}
    </span>
  );
}

/** « 12 mars », with the year when it is not this one. */
function creationText(locale: string, ms: number): string {
  const sameYear = new Date(ms).getFullYear() === new Date().getFullYear();
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(ms);
}
