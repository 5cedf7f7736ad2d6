import { useState } from 'react';
import { useBoardData } from '../../hooks/useBoardData';
import { useCapabilities } from '../../hooks/useCapabilities';
import { useCurrentJourney } from '../../hooks/useCurrentJourney';
import { useT } from '../../hooks/useT';
import { useUiStore } from '../../store';
import { CsvImportDialog } from './CsvImportDialog';
import { ImportBoardDialog } from './ImportBoardDialog';
import { Modal } from '../ui/Modal';
import './data.css';

/** The open-data dialogs of a board: the menu of exports and imports, and the two imports. */
export function DataDialogs() {
  const t = useT();
  const dialog = useUiStore((s) => s.dataDialog);
  const setDialog = useUiStore((s) => s.setDataDialog);
  const journey = useCurrentJourney();
  const { exportJson, exportCsv } = useBoardData();
  const { canEdit } = useCapabilities();
  // The board file waiting for a decision because its KPI values could not be read.
  const [unreadable, setUnreadable] = useState<{ journeyId: string | null } | null>(null);
  const close = () => {
    setUnreadable(null);
    setDialog(null);
  };
  const exportFile = (journeyId: string | null) =>
    void exportJson(journeyId).then((result) => result === 'metricsUnreadable' && setUnreadable({ journeyId }));
  if (dialog === 'importBoard') return <ImportBoardDialog onClose={close} />;
  if (dialog === 'importCsv' && journey && canEdit) return <CsvImportDialog journeyId={journey.id} onClose={close} />;
  if (dialog !== 'menu') return null;
  if (unreadable)
    return (
      <Modal title={t('data.metricsUnreadable.title')} role="alertdialog" onClose={() => setUnreadable(null)}>
        <p>{t('data.metricsUnreadable')}</p>
        <div className="modal__actions">
          <button type="button" className="button" onClick={() => setUnreadable(null)}>
            {t('confirm.cancel')}
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              void exportJson(unreadable.journeyId, { withoutMetrics: true });
              setUnreadable(null);
            }}
          >
            {t('data.metricsUnreadable.confirm')}
          </button>
        </div>
      </Modal>
    );
  return (
    <Modal title={t('data.title')} onClose={close}>
      <div className="data-menu">
        <section>
          <h3>{t('data.export')}</h3>
          <ul>
            <li>
              <button type="button" className="button" onClick={() => exportFile(null)}>
                ⇩ {t('data.exportBoard')}
              </button>
            </li>
            {journey && (
              <>
                <li>
                  <button type="button" className="button" onClick={() => exportFile(journey.id)}>
                    ⇩ {t('data.exportJourney')}
                  </button>
                </li>
                <li>
                  <button type="button" className="button" onClick={() => exportCsv(journey.id)}>
                    ⇩ {t('data.exportCsv')}
                  </button>
                </li>
              </>
            )}
          </ul>
        </section>
        <section>
          <h3>{t('data.import')}</h3>
          <ul>
            <li>
              <button type="button" className="button" onClick={() => setDialog('importBoard')}>
                ⇧ {t('data.importBoard')}
              </button>
            </li>
            {journey && canEdit && (
              <li>
                <button type="button" className="button" onClick={() => setDialog('importCsv')}>
                  ⇧ {t('data.importCsv')}
                </button>
              </li>
            )}
          </ul>
        </section>
        {canEdit && <p className="data-hint">{t('data.pasteHint')}</p>}
      </div>
      <div className="modal__actions">
        <button type="button" className="button button--primary" onClick={close}>
          {t('data.close')}
        </button>
      </div>
    </Modal>
  );
}
