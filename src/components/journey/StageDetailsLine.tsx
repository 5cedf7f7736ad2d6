import type { StageDetails } from '../../canvas/matrixNodes';
import { useT } from '../../hooks/useT';
import { EVALUATIONS } from '../../model/types';
import { useUiStore } from '../../store';

/** Under a stage's name: its owner, its first KPIs, the colours of its touchpoints, and a warning. */
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
        <p className="stage-details__kpis">
          {details.kpis.slice(0, 2).map((k) => (
            <span key={k.id} className="kpi-chip" title={`${k.name} ${t.measure(k.current, k.unit) || '—'} → ${t.measure(k.target, k.unit) || '—'}`}>
              {k.name} {t.measure(k.current, k.unit) || '—'}
              {k.target ? ` → ${t.measure(k.target, k.unit)}` : ''}
            </span>
          ))}
          {details.kpis.length > 2 && <span className="kpi-chip">+{details.kpis.length - 2}</span>}
        </p>
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
