import { useUiStore } from '../../store';
import { KpiDialog } from './KpiDialog';
import './kpis.css';

/** The KPI dialog open on this screen, if any. */
export function KpiDialogs() {
  const dialog = useUiStore((s) => s.kpiDialog);
  const setKpiDialog = useUiStore((s) => s.setKpiDialog);
  const close = () => setKpiDialog(null);
  if (dialog?.kind === 'history') return <KpiDialog kpiId={dialog.kpiId} onClose={close} />;
  return null;
}
