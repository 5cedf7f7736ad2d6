import { deleteKpi, updateKpi, type KpiFields } from '../../doc/commands';
import { useBoardSession } from '../../hooks/useBoardSession';
import { useT } from '../../hooks/useT';
import type { Kpi } from '../../model/types';
import { useUiStore } from '../../store';
import { TEXT_LIMITS } from '../../model/limits';
import { CommitField } from '../ui/CommitField';

/** One KPI of a stage: its name, current value, target and unit, each edited in place. */
export function KpiRow({ kpi, autoFocus, onDeleted }: { kpi: Kpi; autoFocus?: boolean; onDeleted(): void }) {
  const t = useT();
  const { doc } = useBoardSession();
  const askConfirm = useUiStore((s) => s.askConfirm);
  const name = kpi.name || t('panel.stage.kpiUnnamed');
  const save = (patch: Partial<KpiFields>) => updateKpi(doc, kpi.id, patch);
  const blank = !kpi.name && !kpi.current && !kpi.target && !kpi.unit;
  const remove = () => {
    deleteKpi(doc, kpi.id);
    onDeleted();
  };
  return (
    <li className="kpi-row" aria-label={t('panel.stage.kpiRow', { name })}>
      <div className="panel-row">
        <CommitField className="panel-row__grow" label={t('panel.stage.kpiName')} value={kpi.name} maxLength={TEXT_LIMITS.kpiField} placeholder={t('panel.stage.kpiNamePlaceholder')} onCommit={(v) => save({ name: v })} autoFocus={autoFocus} />
        <button
          type="button"
          className="icon-button icon-button--danger kpi-row__delete"
          aria-label={t('panel.stage.kpiDelete', { name })}
          title={t('panel.stage.kpiDelete', { name })}
          // A KPI with nothing in it goes at once; anything written is confirmed first.
          onClick={() => (blank ? remove() : askConfirm({ message: t('panel.stage.kpiConfirmDelete', { name }), onConfirm: remove }))}
        >
          🗑
        </button>
      </div>
      <div className="panel-row">
        <CommitField className="panel-row__grow" label={t('panel.stage.kpiCurrent')} value={kpi.current} maxLength={TEXT_LIMITS.kpiField} placeholder={t('panel.stage.kpiCurrentPlaceholder')} onCommit={(v) => save({ current: v })} />
        <CommitField className="panel-row__grow" label={t('panel.stage.kpiTarget')} value={kpi.target} maxLength={TEXT_LIMITS.kpiField} placeholder={t('panel.stage.kpiTargetPlaceholder')} onCommit={(v) => save({ target: v })} />
        <CommitField className="panel-row__grow" label={t('panel.stage.kpiUnit')} value={kpi.unit} maxLength={TEXT_LIMITS.kpiField} placeholder={t('panel.stage.kpiUnitPlaceholder')} onCommit={(v) => save({ unit: v })} />
      </div>
    </li>
  );
}
