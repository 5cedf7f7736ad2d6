import { useT } from '../../hooks/useT';
import { Modal } from './Modal';

/** Says that a part of the app could not be downloaded, and offers the remedy: a reload (the board itself is safe). */
export function CodeLoadFailed({ onClose }: { onClose?: () => void }) {
  const t = useT();
  return (
    <Modal title={t('onDemand.title')} onClose={onClose} role="alertdialog">
      <p>{t('onDemand.body')}</p>
      <div className="modal__actions">
        {onClose && (
          <button type="button" className="button" onClick={onClose}>
            {t('onDemand.close')}
          </button>
        )}
        <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
          {t('onDemand.reload')}
        </button>
      </div>
    </Modal>
  );
}
