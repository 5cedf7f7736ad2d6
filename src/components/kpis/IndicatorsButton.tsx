import { useT } from '../../hooks/useT';
import { useUiStore } from '../../store';

/** The toolbar's « Indicateurs »: the review of every KPI of the journey. */
export function IndicatorsButton() {
  const t = useT();
  const dialog = useUiStore((s) => s.kpiDialog);
  const setKpiDialog = useUiStore((s) => s.setKpiDialog);
  const open = dialog?.kind === 'indicators';
  return (
    <button
      type="button"
      className={`button${open ? ' button--active' : ''}`}
      aria-pressed={open}
      title={t('kpi.view.hint')}
      onClick={() => setKpiDialog(open ? null : { kind: 'indicators' })}
    >
      {t('kpi.view.button')}
    </button>
  );
}
