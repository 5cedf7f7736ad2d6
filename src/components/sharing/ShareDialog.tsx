import { useState } from 'react';
import { useBoardSession } from '../../hooks/useBoardSession';
import { useCapabilities } from '../../hooks/useCapabilities';
import { useT } from '../../hooks/useT';
import { mintLink, revokeLinks, shareUrl, type ShareLink } from '../../sync/access';
import type { Role } from '../../sync/presence';
import { useUiStore } from '../../store';
import { Modal } from '../ui/Modal';
import { relayErrorText } from '../ui/relayErrorText';

const ROLES: Role[] = ['participant', 'viewer', 'facilitator'];
const EXPIRIES = [1, 7, 30, 0];

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Share links per role, with an expiry, and revoking them all (facilitators only). */
export function ShareDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const { boardId, token, role: myRole, reopen } = useBoardSession();
  const locale = useUiStore((s) => s.locale);
  const askConfirm = useUiStore((s) => s.askConfirm);
  const [role, setRole] = useState<Role>('participant');
  const [days, setDays] = useState(7);
  const [links, setLinks] = useState<ShareLink[]>([]);
  const [copied, setCopied] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const { canFacilitate: facilitator } = useCapabilities();
  return (
    <Modal title={t('share.title')} onClose={onClose}>
      {facilitator ? (
        <>
          <p className="muted">{t('share.intro')}</p>
          <form
            className="share-form"
            onSubmit={(e) => {
              e.preventDefault();
              setMessage(null);
              mintLink(boardId, token, role, days).then(
                (link) => setLinks((l) => [link, ...l]),
                (error: unknown) => setMessage(relayErrorText(t, error, 'share.failed')),
              );
            }}
          >
            <fieldset className="field">
              <legend>{t('share.role')}</legend>
              {ROLES.map((r) => (
                <label key={r} className="radio">
                  <input type="radio" name="role" value={r} checked={role === r} onChange={() => setRole(r)} /> <strong>{t(`role.${r}`)}</strong>{' '}
                  <span className="muted">— {t(`share.roleHelp.${r}`)}</span>
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
              {links.map((link) => {
                const url = shareUrl(window.location.origin, boardId, link.token);
                return (
                  <li key={link.token}>
                    <label className="field">
                      <span>
                        {t('share.linkFor', { role: t(`role.${link.role}`) })}
                        {link.expiresAt > 0 && <span className="muted"> · {t('share.expires', { date: date.format(link.expiresAt) })}</span>}
                      </span>
                      <input readOnly value={url} onFocus={(e) => e.currentTarget.select()} aria-label={t('share.linkFor', { role: t(`role.${link.role}`) })} />
                    </label>
                    <button
                      type="button"
                      className="button"
                      onClick={() => {
                        void copy(url).then((ok) => (ok ? setCopied(link.token) : window.prompt(t('share.copy'), url)));
                      }}
                    >
                      {copied === link.token ? t('share.copied') : t('share.copy')}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          <div className="modal__actions share-revoke">
            <button
              type="button"
              className="button button--danger"
              onClick={() =>
                askConfirm({
                  message: t('share.revokeConfirm'),
                  onConfirm: () => {
                    revokeLinks(boardId, token).then(
                      () => {
                        setLinks([]);
                        setMessage(t('share.revoked'));
                        reopen();
                      },
                      (error: unknown) => setMessage(relayErrorText(t, error, 'share.failed')),
                    );
                  },
                })
              }
            >
              {t('share.revoke')}
            </button>
          </div>
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
