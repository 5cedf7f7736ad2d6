import { TriangleAlert } from 'lucide-react';
import type { StageDetails } from '../../canvas/matrixNodes';
import { useMetrics } from '../../hooks/useMetrics';
import { useT } from '../../hooks/useT';
import { dayOf } from '../../model/kpi';
import { combinedHealth } from '../../model/kpiHealth';
import { readKpiSummary } from '../../model/kpiReading';
import { EVALUATIONS } from '../../model/types';
import { useUiStore } from '../../store';
import { KpiChip } from '../kpis/KpiChip';
import { StageFunnel } from '../kpis/StageFunnel';

/**
 * Under a stage's name: its owner, its first KPIs (latest value, trend, age), the funnel toward
 * the next stage, the colours of its touchpoints with its KPIs on and off target, and warnings
 * when the emotion or the KPIs contradict the colours.
 */
export function StageDetailsLine({
  owner,
  details,
  name,
  stageId,
}: {
  owner: string;
  details: StageDetails;
  name: string;
  stageId: string;
}) {
  const t = useT();
  const openPanel = useUiStore((s) => s.openPanel);
  const { state } = useMetrics();
  const h = details.health;
  const evaluated = h ? h.delight + h.improvable + h.pain : 0;
  const today = dayOf(Date.now());
  const statuses = details.kpis.map((k) => readKpiSummary(k, state.summary[k.id], today).status);
  const combined = combinedHealth(h, statuses);
  const cardsText = h ? t.list(EVALUATIONS.filter((k) => h[k] > 0).map((k) => t.plural(`stage.health.${k}`, h[k]))) : '';
  const kpisText = combined.on + combined.off > 0 ? t('kpi.health', { on: combined.on, off: combined.off }) : '';
  const healthText = [cardsText, kpisText, combined.overall ? t(`kpi.overall.${combined.overall}`) : ''].filter(Boolean).join(' ; ');
  // The funnel's volume and conversion are shown toward the next stage; the chips show the others.
  const chips = details.kpis.filter((k) => k.metric !== 'volume' && k.metric !== 'conversion');
  return (
    <div className="stage-details">
      {owner && <p className="stage-details__owner">{t('stage.owner', { owner })}</p>}
      {chips.length > 0 && (
        <div className="stage-details__kpis">
          {chips.slice(0, 2).map((k) => (
            <KpiChip key={k.id} kpi={k} />
          ))}
          {chips.length > 2 && (
            <button type="button" className="kpi-chip kpi-chip--more nodrag" onClick={() => openPanel('stage', stageId)}>
              {t.plural('kpi.more', chips.length - 2)}
            </button>
          )}
        </div>
      )}
      <StageFunnel kpis={details.kpis} />
      {(evaluated > 0 || kpisText) && (
        <div
          className={`health${combined.overall ? ` health--${combined.overall}` : ''}`}
          role="img"
          aria-label={healthText}
          title={healthText}
        >
          {h &&
            (['delight', 'improvable', 'pain'] as const).map((k) =>
              h[k] > 0 ? <span key={k} className={`health__part health__part--${k}`} style={{ flexGrow: h[k] }} /> : null,
            )}
          {kpisText && (
            <span className="stage-kpi-health" aria-hidden="true">
              {combined.on > 0 && <span className="stage-kpi-health__on">✓{combined.on}</span>}
              {combined.off > 0 && <span className="stage-kpi-health__off">✗{combined.off}</span>}
            </span>
          )}
        </div>
      )}
      {h?.contradiction && (
        <span className="stage-details__warning" role="img" aria-label={t('stage.contradiction')} title={t('stage.contradiction')}>
          <TriangleAlert className="icon" size={15} aria-hidden="true" />
        </span>
      )}
      {combined.kpisContradictCards && (
        <span
          className="stage-details__warning stage-details__warning--kpis"
          role="img"
          aria-label={t('kpi.contradiction')}
          title={t('kpi.contradiction')}
        >
          <TriangleAlert className="icon" size={15} aria-hidden="true" />
        </span>
      )}
      <button
        type="button"
        className="icon-button stage-details__open export-exclude nodrag"
        aria-label={t('stage.details', { name })}
        title={t('stage.details', { name })}
        onClick={() => openPanel('stage', stageId)}
      >
        <span aria-hidden="true">i</span>
      </button>
    </div>
  );
}
