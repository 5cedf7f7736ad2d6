import { useEffect, useState } from 'react';
import { useBoardSession } from '../../hooks/useBoardSession';
import { useCapabilities } from '../../hooks/useCapabilities';
import { useT } from '../../hooks/useT';
import { useShareLinks } from '../../hooks/useShareLinks';
import type { Role } from '../../model/roles';
import { settleRevocation, type ShareLink } from '../../sync/access';
import { useUiStore } from '../../store';
import { Modal } from '../ui/Modal';
import { relayErrorText } from '../ui/relayErrorText';
import { LinkField } from './LinkField';
import { RevokeLinks } from './RevokeLinks';

const ROLES: Role[] = ['participant', 'viewer', 'facilitator'];
const EXPIRIES = [1, 7, 30, 0];

/** Share links per role, with an expiry, and revoking them all (facilitators only). */
export function ShareDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const { boardId, token, role: myRole, reopen } = useBoardSession();
  const locale = useUiStore((s) => s.locale);
  const [role, setRole] = useState<Role>('participant');
  const [days, setDays] = useState(7);
  const [links, setLinks] = useState<ShareLink[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  // After a revocation this copy's connection is cut: it reopens with the new token once the
  // facilitator has seen (and kept) their new link.
  const [revoked, setRevoked] = useState(false);
  const close = () => {
    onClose();
    if (revoked) reopen();
  };
  useEffect(() => () => settleRevocation(boardId), [boardId]);
  const share = useShareLinks(boardId, token);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const { canFacilitate: facilitator } = useCapabilities();
  return (
    <Modal title={t('share.title')} onClose={close}>
      {facilitator ? (
        <>
          <p className="muted">{t('share.intro')}</p>
          <form
            className="share-form"
            onSubmit={(e) => {
              e.preventDefault();
              setMessage(null);
              share.mint(role, days).then(
                (link) => setLinks((l) => [link, ...l]),
                (error: unknown) => setMessage(relayErrorText(t, error, 'share.failed')),
              );
            }}
          >
            <fieldset className="field">
              <legend>{t('share.role')}</legend>
              {ROLES.map((r) => (
                <label key={r} className="radio">
                  <input type="radio" name="role" value={r} checked={role === r} onChange={() => setRole(r)} />{' '}
                  <strong>{t(`role.${r}`)}</strong> <span className="muted">— {t(`share.roleHelp.${r}`)}</span>
                </label>
              ))}
            </fieldset>
            <label className="field">
              <span>{t('share.expiry')}</span>
              <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
                {EXPIRIES.map((d) => (
                  <option key={d} value={d}>
                    {d === 0 ? t('share.never') : t.plural('share.days', d)}
                  </option>
                ))}
              </select>
            </label>
            <div className="modal__actions">
              <button type="submit" className="button button--primary">
                {t('share.create')}
              </button>
            </div>
          </form>
          {links.length > 0 && (
            <ul className="share-links">
              {links.map((link) => (
                <li key={link.token}>
                  <LinkField
                    label={t('share.linkFor', { role: t(`role.${link.role}`) })}
                    url={share.urlOf(link.token)}
                    help={link.expiresAt > 0 ? t('share.expires', { date: date.format(link.expiresAt) }) : undefined}
                  />
                </li>
              ))}
            </ul>
          )}
          <RevokeLinks
            share={share}
            onRevoked={() => {
              setLinks([]);
              setRevoked(true);
            }}
          />
        </>
      ) : (
        <p>{t(`share.roleHelp.${myRole}`)}</p>
      )}
      {message && (
        <p role="status" className="muted">
          {message}
        </p>
      )}
    </Modal>
  );
}
