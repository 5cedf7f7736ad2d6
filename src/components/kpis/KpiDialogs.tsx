import { useUiStore } from '../../store';
import { CrmImportDialog } from './CrmImportDialog';
import { FeedsDialog } from './FeedsDialog';
import { IndicatorsDialog } from './IndicatorsDialog';
import { KpiDialog } from './KpiDialog';
import { MetricsImportDialog } from './MetricsImportDialog';
import './kpis.css';

/** The KPI dialog open on this screen, if any: a KPI's history, the import of a metrics file or of a CRM export, or the data feeds. */
export function KpiDialogs() {
  const dialog = useUiStore((s) => s.kpiDialog);
  const setKpiDialog = useUiStore((s) => s.setKpiDialog);
  const close = () => setKpiDialog(null);
  if (dialog?.kind === 'history') return <KpiDialog kpiId={dialog.kpiId} onClose={close} />;
  if (dialog?.kind === 'import') return <MetricsImportDialog onClose={close} />;
  if (dialog?.kind === 'crm') return <CrmImportDialog onClose={close} />;
  if (dialog?.kind === 'feeds') return <FeedsDialog onClose={close} />;
  if (dialog?.kind === 'indicators') return <IndicatorsDialog onClose={close} />;
  return null;
}
