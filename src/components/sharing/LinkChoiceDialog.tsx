import { useT } from '../../hooks/useT';
import type { LinkChoice } from '../../hooks/useBoardAccess';
import { Modal } from '../ui/Modal';

/** Asked when a share link gives less than the access this browser already has to the board. */
export function LinkChoiceDialog({ choice }: { choice: LinkChoice }) {
  const t = useT();
  return (
    <Modal title={t('access.linkQuestionTitle')} onClose={() => choice.choose(false)} role="alertdialog">
      <p>{t('access.linkQuestion', { link: t(`role.${choice.linkRole}`), held: t(`role.${choice.heldRole}`) })}</p>
      <div className="modal__actions">
        <button type="button" className="button button--primary" data-autofocus onClick={() => choice.choose(false)}>
          {t('access.keepMine')}
        </button>
        <button type="button" className="button" onClick={() => choice.choose(true)}>
          {t('access.useLink')}
        </button>
      </div>
    </Modal>
  );
}
