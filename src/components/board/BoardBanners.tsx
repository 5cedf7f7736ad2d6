import { Lock, LockOpen } from 'lucide-react';
import { setStructureLock } from '../../doc/commands';
import { useBoardSession } from '../../hooks/useBoardSession';
import { useCapabilities } from '../../hooks/useCapabilities';
import { useConnection } from '../../hooks/useConnection';
import { useT } from '../../hooks/useT';
import { useWorkshop } from '../../hooks/useWorkshop';
import { useUiStore } from '../../store';
import { MassDeletionNotice } from './MassDeletionNotice';

/** Lines under the toolbar that say why something cannot be done: offline, read-only, locked. */
export function BoardBanners() {
  const t = useT();
  const { status } = useConnection();
  const { canEdit } = useCapabilities();
  const { lock } = useWorkshop();
  return (
    <>
      {status === 'offline' && (
        <p className="banner banner--offline" role="status">
          {t('offline.banner')}
        </p>
      )}
      {!canEdit && (
        <p className="banner banner--readonly" role="status">
          {t('readonly.banner')}
        </p>
      )}
      {lock && (
        <p className="banner banner--locked" role="status">
          <Lock className="icon" size={15} aria-hidden="true" /> {t('lock.banner', { name: lock.name })}
        </p>
      )}
      <MassDeletionNotice />
    </>
  );
}

/** The facilitator's switch to lock the structure for everyone else. */
export function LockToggle() {
  const t = useT();
  const { doc } = useBoardSession();
  const { lock } = useWorkshop();
  const me = useUiStore((s) => s.identity);
  const { canFacilitate, lockedBy } = useCapabilities();
  if (!canFacilitate || lockedBy) return null;
  return (
    <button
      type="button"
      className={`button${lock ? ' button--active' : ''}`}
      aria-pressed={!!lock}
      aria-label={t(lock ? 'lock.unlock' : 'lock.lock')}
      title={t(lock ? 'lock.unlock' : 'lock.lock')}
      onClick={() => setStructureLock(doc, lock ? null : { by: me.id, name: me.name })}
    >
      {lock ? <Lock className="icon" size={15} aria-hidden="true" /> : <LockOpen className="icon" size={15} aria-hidden="true" />}{' '}
      {lock ? t('lock.unlockShort') : t('lock.lockShort')}
    </button>
  );
}
