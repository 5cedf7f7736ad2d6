import { Trash2 } from 'lucide-react';
import { useId } from 'react';
import { deleteKpi, updateKpi, type KpiFields } from '../../doc/commands';
import { useBoardSession } from '../../hooks/useBoardSession';
import { useT } from '../../hooks/useT';
import { REFRESH_CHOICES, parseNumber, type KpiDirection } from '../../model/kpi';
import { TEXT_LIMITS } from '../../model/limits';
import type { Kpi } from '../../model/types';
import { useUiStore } from '../../store';
import { KpiChip } from '../kpis/KpiChip';
import { CommitField } from '../ui/CommitField';

/** One KPI of a stage: its definition (name, target, unit, which way is better, how often it is refreshed) and its latest value. */
export function KpiRow({ kpi, autoFocus, onDeleted }: { kpi: Kpi; autoFocus?: boolean; onDeleted(): void }) {
  const t = useT();
  const uid = useId();
  const { doc } = useBoardSession();
  const askConfirm = useUiStore((s) => s.askConfirm);
  const setKpiDialog = useUiStore((s) => s.setKpiDialog);
  const name = kpi.name || t('panel.stage.kpiUnnamed');
  const save = (patch: Partial<KpiFields>) => updateKpi(doc, kpi.id, patch);
  const blank = !kpi.name && !kpi.current && !kpi.target && !kpi.unit;
  const remove = () => {
    deleteKpi(doc, kpi.id);
    onDeleted();
  };
  const refreshChoices = REFRESH_CHOICES.includes(kpi.refreshDays)
    ? REFRESH_CHOICES
    : [...REFRESH_CHOICES, kpi.refreshDays].sort((a, b) => a - b);
  // A value typed before the history that is not a number stays in the document, shown as written.
  const legacyText = kpi.current.trim() && parseNumber(kpi.current) === null ? kpi.current : '';
  return (
    <li className="kpi-row" aria-label={t('panel.stage.kpiRow', { name })}>
      <div className="panel-row">
        <CommitField
          className="panel-row__grow"
          label={t('panel.stage.kpiName')}
          value={kpi.name}
          maxLength={TEXT_LIMITS.kpiField}
          placeholder={t('panel.stage.kpiNamePlaceholder')}
          onCommit={(v) => save({ name: v })}
          autoFocus={autoFocus}
        />
        <button
          type="button"
          className="icon-button icon-button--danger kpi-row__delete"
          aria-label={t('panel.stage.kpiDelete', { name })}
          title={t('panel.stage.kpiDelete', { name })}
          // A KPI with nothing in it goes at once; anything written is confirmed first.
          onClick={() => (blank ? remove() : askConfirm({ message: t('panel.stage.kpiConfirmDelete', { name }), onConfirm: remove }))}
        >
          <Trash2 className="icon" size={15} aria-hidden="true" />
        </button>
      </div>
      <div className="panel-row">
        <CommitField
          className="panel-row__grow"
          label={t('panel.stage.kpiTarget')}
          value={kpi.target}
          maxLength={TEXT_LIMITS.kpiField}
          placeholder={t('panel.stage.kpiTargetPlaceholder')}
          onCommit={(v) => save({ target: v })}
        />
        <CommitField
          className="panel-row__grow"
          label={t('panel.stage.kpiUnit')}
          value={kpi.unit}
          maxLength={TEXT_LIMITS.kpiField}
          placeholder={t('panel.stage.kpiUnitPlaceholder')}
          onCommit={(v) => save({ unit: v })}
        />
      </div>
      <div className="panel-row">
        <div className="commit-field panel-row__grow">
          <label htmlFor={`${uid}-direction`} className="commit-field__label">
            {t('kpi.direction')}
          </label>
          <select
            id={`${uid}-direction`}
            className="commit-field__control"
            value={kpi.direction}
            onChange={(e) => save({ direction: e.target.value as KpiDirection })}
          >
            <option value="up">{t('kpi.direction.up')}</option>
            <option value="down">{t('kpi.direction.down')}</option>
          </select>
        </div>
        <div className="commit-field panel-row__grow">
          <label htmlFor={`${uid}-refresh`} className="commit-field__label">
            {t('kpi.refresh')}
          </label>
          <select
            id={`${uid}-refresh`}
            className="commit-field__control"
            value={kpi.refreshDays}
            onChange={(e) => save({ refreshDays: Number(e.target.value) })}
          >
            {refreshChoices.map((days) => (
              <option key={days} value={days}>
                {REFRESH_CHOICES.includes(days) ? t(`kpi.refresh.${days}` as 'kpi.refresh.1') : t.plural('kpi.refresh.days', days)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="panel-row panel-row--wrap stage-details kpi-row__latest">
        <KpiChip kpi={kpi} />
        <button type="button" className="button button--small" onClick={() => setKpiDialog({ kind: 'history', kpiId: kpi.id })}>
          {t('kpi.openHistory')}
        </button>
      </div>
      {legacyText && <p className="panel-empty">{t('kpi.legacy', { value: legacyText })}</p>}
    </li>
  );
}
