import { useState } from 'react';
import { useT } from '../../hooks/useT';
import { mintAdminLink, type AdminBoard } from '../../sync/admin';
import { shareUrl } from '../../sync/access';
import { LinkField } from '../sharing/LinkField';
import { adminErrorText } from './adminErrorText';

/** How long a facilitator link made here stays valid: long enough to get back in and make one's own. */
export const ADMIN_LINK_DAYS = 7;

/** One board of the administrator's list, and the facilitator link made for it. */
export function AdminBoardRow({ board, secret, onRefused }: { board: AdminBoard; secret: string; onRefused(error: unknown): void }) {
  const t = useT();
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const title = board.title || t('admin.untitled');
  const when = new Intl.DateTimeFormat(t.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(board.lastActivity);
  const size = t.number(board.bytes / 1024, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: board.bytes < 10_240 ? 1 : 0 });
  return (
    <>
      <tr>
        <th scope="row">{title}</th>
        <td>
          <time dateTime={new Date(board.lastActivity).toISOString()}>{when}</time>
        </td>
        <td>{size}</td>
        <td>{board.protected ? t('admin.protected') : t('admin.open')}</td>
        <td>
          <button
            type="button"
            className="button"
            aria-label={t('admin.mintFor', { title })}
            onClick={() => {
              setError(null);
              mintAdminLink(secret, board.boardId, ADMIN_LINK_DAYS).then(
                ({ token }) => setLink(shareUrl(window.location.origin, board.boardId, token)),
                (failure: unknown) => {
                  setError(adminErrorText(t, failure));
                  onRefused(failure);
                },
              );
            }}
          >
            {t('admin.mint')}
          </button>
        </td>
      </tr>
      {(link || error) && (
        <tr className="admin-boards__link">
          <td colSpan={5}>
            {link && <LinkField label={t('admin.mintedFor', { title })} url={link} />}
            {error && (
              <p role="alert" className="error">
                {error}
              </p>
            )}
          </td>
        </tr>
      )}
    </>
  );
}
