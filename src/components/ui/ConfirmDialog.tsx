import { useT } from '../../hooks/useT';
import { useUiStore } from '../../store';
import { Modal } from './Modal';

/** Asks before a destructive action; the action itself stays undoable. */
export function ConfirmDialog() {
  const t = useT();
  const confirm = useUiStore((s) => s.confirm);
  const close = useUiStore((s) => s.closeConfirm);
  if (!confirm) return null;
  return (
    <Modal title={t('confirm.title')} onClose={close} role="alertdialog">
      <p>{confirm.message}</p>
      <p className="muted">{t('confirm.undoHint')}</p>
      <div className="modal__actions">
        <button type="button" className="button" data-autofocus onClick={close}>
          {t('confirm.cancel')}
        </button>
        <button
          type="button"
          className="button button--danger"
          onClick={() => {
            confirm.onConfirm();
            close();
          }}
        >
          {t('confirm.confirm')}
        </button>
      </div>
    </Modal>
  );
}
