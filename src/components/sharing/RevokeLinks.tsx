import { useState } from 'react';
import { useT } from '../../hooks/useT';
import type { ShareLinks } from '../../hooks/useShareLinks';
import { Modal } from '../ui/Modal';
import { relayErrorText } from '../ui/relayErrorText';
import { LinkField } from './LinkField';

/**
 * Revoking every link of a board: a confirmation that says what it does and that it is final,
 * then the facilitator's new link. `onRevoked` runs once the relay revoked them.
 */
export function RevokeLinks({ share, onRevoked }: { share: ShareLinks; onRevoked(): void }) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [newToken, setNewToken] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const revoke = () => {
    setBusy(true);
    setError(null);
    share.revoke().then(
      (facilitatorToken) => {
        setBusy(false);
        setAsking(false);
        setNewToken(facilitatorToken);
        onRevoked();
      },
      (failure: unknown) => {
        setBusy(false);
        setAsking(false);
        setError(relayErrorText(t, failure, 'share.failed'));
      },
    );
  };
  return (
    <>
      {newToken && (
        <div className="share-revoked">
          <p role="status">{t('share.revoked')}</p>
          <LinkField label={t('share.newFacilitatorLink')} url={share.urlOf(newToken)} />
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="modal__actions share-revoke">
        <button type="button" className="button button--danger" onClick={() => setAsking(true)}>
          {t('share.revoke')}…
        </button>
      </div>
      {asking && (
        <Modal title={t('share.revokeTitle')} role="alertdialog" onClose={() => !busy && setAsking(false)}>
          <p>{t('share.revokeConfirm')}</p>
          <p>
            <strong>{t('share.revokeFinal')}</strong>
          </p>
          <div className="modal__actions">
            <button type="button" className="button" data-autofocus disabled={busy} onClick={() => setAsking(false)}>
              {t('confirm.cancel')}
            </button>
            <button type="button" className="button button--danger" disabled={busy} onClick={revoke}>
              {t('share.revokeButton')}
            </button>
          </div>
        </Modal>
      )}
    </>
  );
}
