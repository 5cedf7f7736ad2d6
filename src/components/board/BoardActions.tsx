import { useState } from 'react';
import { useT } from '../../hooks/useT';
import { boardShortcut } from '../../model/boardShortcuts';
import { useUiStore } from '../../store';
import { keysLabel } from '../canvas/keyLabel';
import { OnDemand } from '../ui/OnDemand';
import { onDemand } from '../ui/onDemand';

const ShareDialog = onDemand(() => import('../sharing/ShareDialog').then((m) => m.ShareDialog));
// The report's dialog brings the PDF engine with it; its font is fetched when a report is made.
const ReportDialog = onDemand(() => import('../report/ReportDialog').then((m) => m.ReportDialog));

/** What is done with the whole board, in the top bar: the poster, its data, sharing, the list of keys. */
export function BoardActions() {
  const t = useT();
  const setExportOpen = useUiStore((s) => s.setExportOpen);
  const setDataDialog = useUiStore((s) => s.setDataDialog);
  const setShortcutsOpen = useUiStore((s) => s.setShortcutsOpen);
  const [sharing, setSharing] = useState(false);
  const [reporting, setReporting] = useState(false);
  return (
    <div className="board-actions" role="toolbar" aria-label={t('toolbar.boardActions')}>
      <button
        type="button"
        className="button"
        aria-label={t('toolbar.poster')}
        title={t('toolbar.poster')}
        onClick={() => setExportOpen(true)}
      >
        {t('toolbar.posterShort')}
      </button>
      <button
        type="button"
        className="button"
        aria-label={t('toolbar.report')}
        title={t('toolbar.report')}
        onClick={() => setReporting(true)}
      >
        {t('toolbar.reportShort')}
      </button>
      <button type="button" className="button" onClick={() => setDataDialog('menu')}>
        {t('toolbar.data')}
      </button>
      <button type="button" className="button" onClick={() => setSharing(true)}>
        {t('share.open')}
      </button>
      <button
        type="button"
        className="icon-button"
        onClick={() => setShortcutsOpen(true)}
        aria-label={t('toolbar.shortcuts')}
        title={`${t('toolbar.shortcuts')} (${keysLabel(boardShortcut('help').keys, t)})`}
      >
        ?
      </button>
      {reporting && (
        <OnDemand onClose={() => setReporting(false)}>
          <ReportDialog onClose={() => setReporting(false)} />
        </OnDemand>
      )}
      {sharing && (
        <OnDemand onClose={() => setSharing(false)}>
          <ShareDialog onClose={() => setSharing(false)} />
        </OnDemand>
      )}
    </div>
  );
}
