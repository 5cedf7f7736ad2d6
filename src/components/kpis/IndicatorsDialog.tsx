import { useBoard } from '../../hooks/useBoard';
import { useCurrentJourney } from '../../hooks/useCurrentJourney';
import { useMetrics } from '../../hooks/useMetrics';
import { useT } from '../../hooks/useT';
import { dayOf, parseNumber } from '../../model/kpi';
import { readKpiSummary } from '../../model/kpiReading';
import { reviewOrder, type ReviewRow } from '../../model/kpiReview';
import { useUiStore } from '../../store';
import { Modal } from '../ui/Modal';
import { STATUS_SYMBOL, ageText, kpiValueText } from './kpiText';
import { Sparkline } from './Sparkline';

const TREND_SYMBOL = { better: '↗', worse: '↘', flat: '→' } as const;

/** « Indicateurs »: every KPI of the journey on screen, the ones off target or stale first; a row opens the KPI's history. */
export function IndicatorsDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const board = useBoard();
  const journey = useCurrentJourney();
  const { state } = useMetrics();
  const setKpiDialog = useUiStore((s) => s.setKpiDialog);
  const stages = board.stages.filter((s) => s.journeyId === journey?.id);
  const today = dayOf(Date.now());
  const rows: ReviewRow[] = board.kpis
    .filter((k) => k.journeyId === journey?.id)
    .map((kpi) => {
      const stageIndex = stages.findIndex((s) => s.id === kpi.stageId);
      return { kpi, stageIndex, stageName: stages[stageIndex]?.name ?? '', reading: readKpiSummary(kpi, state.summary[kpi.id], today) };
    });
  return (
    <Modal title={t('kpi.view.title')} onClose={onClose}>
      <div className="kpi-dialog kpi-review">
        {rows.length === 0 ? (
          <p className="panel-empty">{t('kpi.view.empty')}</p>
        ) : (
          <div className="kpi-table-wrap kpi-review__wrap">
            <table className="kpi-table">
              <caption>{t('kpi.view.table')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('kpi.view.stage')}</th>
                  <th scope="col">{t('kpi.view.kpi')}</th>
                  <th scope="col">{t('kpi.view.latest')}</th>
                  <th scope="col">{t('kpi.view.target')}</th>
                  <th scope="col">{t('kpi.view.trend')}</th>
                  <th scope="col">{t('kpi.view.age')}</th>
                </tr>
              </thead>
              <tbody>
                {reviewOrder(rows).map(({ kpi, stageName, reading }) => {
                  const name = kpi.name || t('panel.stage.kpiUnnamed');
                  const target = parseNumber(kpi.target);
                  return (
                    <tr key={kpi.id} className={`kpi-review__row kpi-review__row--${reading.status}`}>
                      <td>{stageName}</td>
                      <th scope="row">
                        <button type="button" className="link-button" onClick={() => setKpiDialog({ kind: 'history', kpiId: kpi.id })}>
                          {name}
                        </button>
                      </th>
                      <td className="kpi-table__value">
                        {reading.latest ? (
                          <span className={`kpi-status kpi-status--${reading.status}`}>
                            <span aria-hidden="true">{STATUS_SYMBOL[reading.status]}</span>{' '}
                            {kpiValueText(t, reading.latest.value, kpi.unit)}{' '}
                            <span className="visually-hidden">({t(`kpi.status.${reading.status}`)})</span>
                          </span>
                        ) : (
                          t('kpi.noValue')
                        )}
                      </td>
                      <td className="kpi-table__value">{target === null ? '—' : kpiValueText(t, target, kpi.unit)}</td>
                      <td>
                        <span className="kpi-review__trend">
                          <Sparkline values={reading.spark} target={reading.target} width={64} height={18} />
                          {reading.trend ? (
                            <span className={`kpi-trend kpi-trend--${reading.trend}`}>
                              <span aria-hidden="true">{TREND_SYMBOL[reading.trend]}</span> {t(`kpi.trend.${reading.trend}`)}
                            </span>
                          ) : (
                            t('kpi.trend.none')
                          )}
                        </span>
                      </td>
                      <td>
                        {reading.latest ? ageText(t, reading.ageDays ?? 0) : '—'}
                        {reading.stale && (
                          <span className="kpi-stale" title={t.plural('kpi.staleLong', kpi.refreshDays)}>
                            <span aria-hidden="true">◷</span> {t('kpi.stale')}
                          </span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <div className="modal__actions">
          <button type="button" className="button" onClick={() => setKpiDialog({ kind: 'import' })}>
            {t('kpi.import.open')}
          </button>
          <button type="button" className="button" onClick={() => setKpiDialog({ kind: 'crm' })}>
            {t('kpi.crm.open')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('kpi.dialog.close')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
