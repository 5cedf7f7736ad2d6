import type { StageDetails } from '../../canvas/matrixNodes';
import { useT } from '../../hooks/useT';
import { EVALUATIONS } from '../../model/types';
import { useUiStore } from '../../store';
import { KpiChip } from '../kpis/KpiChip';

/** Under a stage's name: its owner, its first KPIs (latest value, trend, age), the colours of its touchpoints, and a warning. */
export function StageDetailsLine({ owner, details, name, stageId }: { owner: string; details: StageDetails; name: string; stageId: string }) {
  const t = useT();
  const openPanel = useUiStore((s) => s.openPanel);
  const h = details.health;
  const evaluated = h ? h.delight + h.improvable + h.pain : 0;
  const healthText = h ? t.list(EVALUATIONS.filter((k) => h[k] > 0).map((k) => t.plural(`stage.health.${k}`, h[k]))) : '';
  return (
    <div className="stage-details">
      {owner && <p className="stage-details__owner">{t('stage.owner', { owner })}</p>}
      {details.kpis.length > 0 && (
        <div className="stage-details__kpis">
          {details.kpis.slice(0, 2).map((k) => (
            <KpiChip key={k.id} kpi={k} />
          ))}
          {details.kpis.length > 2 && (
            <button type="button" className="kpi-chip kpi-chip--more nodrag" onClick={() => openPanel('stage', stageId)}>
              {t.plural('kpi.more', details.kpis.length - 2)}
            </button>
          )}
        </div>
      )}
      {h && evaluated > 0 && (
        <div className="health" role="img" aria-label={healthText} title={healthText}>
          {(['delight', 'improvable', 'pain'] as const).map((k) => (h[k] > 0 ? <span key={k} className={`health__part health__part--${k}`} style={{ flexGrow: h[k] }} /> : null))}
        </div>
      )}
      {h?.contradiction && (
        <span className="stage-details__warning" role="img" aria-label={t('stage.contradiction')} title={t('stage.contradiction')}>
          ⚠
        </span>
      )}
      <button type="button" className="icon-button stage-details__open export-exclude nodrag" aria-label={t('stage.details', { name })} title={t('stage.details', { name })} onClick={() => openPanel('stage', stageId)}>
        <span aria-hidden="true">i</span>
      </button>
    </div>
  );
}
