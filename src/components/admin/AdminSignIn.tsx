import { useState } from 'react';
import { useT } from '../../hooks/useT';
import { AdminError, holdAdminSecret, listAdminBoards, type AdminBoardPage } from '../../sync/admin';
import { adminErrorText } from './adminErrorText';

/** Asks for the administrator secret and checks it with the relay (by listing the first page of boards). */
export function AdminSignIn({ onSignedIn, notice }: { onSignedIn(secret: string, first: AdminBoardPage): void; notice?: string | null }) {
  const t = useT();
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | null>(notice ?? null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="admin-sign-in"
      onSubmit={(e) => {
        e.preventDefault();
        const given = secret.trim();
        if (!given) return;
        setBusy(true);
        setError(null);
        listAdminBoards(given).then(
          (first) => {
            holdAdminSecret(given);
            onSignedIn(given, first);
          },
          (failure: unknown) => {
            setBusy(false);
            setError(failure instanceof AdminError && failure.status === 401 ? t('admin.wrongSecret') : adminErrorText(t, failure));
          },
        );
      }}
    >
      <label className="field">
        <span>{t('admin.secret')}</span>
        <input
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
          aria-invalid={error !== null}
          aria-describedby={error ? 'admin-error' : undefined}
        />
      </label>
      <div className="modal__actions">
        <button type="submit" className="button button--primary" disabled={busy || !secret.trim()}>
          {t('admin.signIn')}
        </button>
      </div>
      {error && (
        <p id="admin-error" role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
