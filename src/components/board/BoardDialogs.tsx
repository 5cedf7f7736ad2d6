import { useUiStore } from '../../store';
import { NewBoardLinks } from '../sharing/NewBoardLinks';
import { OnDemand } from '../ui/OnDemand';
import { onDemand } from '../ui/onDemand';

// Each is downloaded the first time it opens: the poster export (its renderer and PNG worker),
// the open-data dialogs (board files, CSV) and the list of shortcuts.
const ExportDialog = onDemand(() => import('../export/ExportDialog').then((m) => m.ExportDialog));
const DataDialogs = onDemand(() => import('../data/DataDialogs').then((m) => m.DataDialogs));
const ShortcutsDialog = onDemand(() => import('./ShortcutsDialog').then((m) => m.ShortcutsDialog));
// A KPI's history carries the chart library; a metrics file import, the spreadsheet readers.
const KpiDialogs = onDemand(() => import('../kpis/KpiDialogs').then((m) => m.KpiDialogs));

/** The board's dialogs opened from the toolbar or a shortcut, each rendered only while open; a new board's links for its creator. */
export function BoardDialogs() {
  const exportOpen = useUiStore((s) => s.exportOpen);
  const setExportOpen = useUiStore((s) => s.setExportOpen);
  const dataDialog = useUiStore((s) => s.dataDialog);
  const setDataDialog = useUiStore((s) => s.setDataDialog);
  const shortcutsOpen = useUiStore((s) => s.shortcutsOpen);
  const setShortcutsOpen = useUiStore((s) => s.setShortcutsOpen);
  const kpiDialog = useUiStore((s) => s.kpiDialog);
  const setKpiDialog = useUiStore((s) => s.setKpiDialog);
  return (
    <>
      {exportOpen && (
        <OnDemand onClose={() => setExportOpen(false)}>
          <ExportDialog />
        </OnDemand>
      )}
      {dataDialog !== null && (
        <OnDemand onClose={() => setDataDialog(null)}>
          <DataDialogs />
        </OnDemand>
      )}
      {shortcutsOpen && (
        <OnDemand onClose={() => setShortcutsOpen(false)}>
          <ShortcutsDialog />
        </OnDemand>
      )}
      {kpiDialog !== null && (
        <OnDemand onClose={() => setKpiDialog(null)}>
          <KpiDialogs />
        </OnDemand>
      )}
      <NewBoardLinks />
    </>
  );
}
