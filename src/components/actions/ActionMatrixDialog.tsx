import { useT } from '../../hooks/useT';
import type { Action } from '../../model/types';
import { Modal } from '../ui/Modal';
import { ActionMatrix } from './ActionMatrix';

/**
 * The impact / effort matrix with the room of the whole window, for the moment a workshop sorts
 * its actions together: every card and picker readable. Escape or « Close » returns to the panel.
 */
export function ActionMatrixDialog({ actions, onEdit, onClose }: { actions: Action[]; onEdit(id: string): void; onClose(): void }) {
  const t = useT();
  return (
    <Modal title={t('panel.actions.matrixTitle')} onClose={onClose}>
      <div className="action-matrix-dialog">
        <ActionMatrix actions={actions} onEdit={onEdit} wide />
      </div>
      <div className="modal__actions">
        <button type="button" className="button button--primary" onClick={onClose}>
          {t('panel.actions.close')}
        </button>
      </div>
    </Modal>
  );
}
