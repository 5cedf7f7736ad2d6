import { useState } from 'react';
import { useT } from '../../hooks/useT';
import { listAdminBoards, type AdminBoard, type AdminBoardPage } from '../../sync/admin';
import { AdminBoardRow } from './AdminBoardRow';
import { adminErrorText } from './adminErrorText';

/** The relay's boards, a page at a time, each with a way to make a facilitator link. */
export function AdminBoards({ secret, first, onRefused }: { secret: string; first: AdminBoardPage; onRefused(error: unknown): void }) {
  const t = useT();
  const [boards, setBoards] = useState<AdminBoard[]>(first.boards);
  const [next, setNext] = useState<string | null>(first.next);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (boards.length === 0) return <p className="muted">{t('admin.empty')}</p>;
  return (
    <section aria-labelledby="admin-boards-title">
      <h2 id="admin-boards-title">{t('admin.boards')}</h2>
      <table className="admin-boards">
        <thead>
          <tr>
            <th scope="col">{t('admin.column.title')}</th>
            <th scope="col">{t('admin.column.activity')}</th>
            <th scope="col">{t('admin.column.size')}</th>
            <th scope="col">{t('admin.column.access')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('admin.mint')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {boards.map((board) => (
            <AdminBoardRow key={board.boardId} board={board} secret={secret} onRefused={onRefused} />
          ))}
        </tbody>
      </table>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {next && (
        <div className="modal__actions">
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              setError(null);
              listAdminBoards(secret, next).then(
                (page) => {
                  setBusy(false);
                  // A board active again since the first page may come twice: keep its first place.
                  setBoards((shown) => [...shown, ...page.boards.filter((b) => !shown.some((s) => s.boardId === b.boardId))]);
                  setNext(page.next);
                },
                (failure: unknown) => {
                  setBusy(false);
                  setError(adminErrorText(t, failure));
                  onRefused(failure);
                },
              );
            }}
          >
            {t('admin.more')}
          </button>
        </div>
      )}
    </section>
  );
}
