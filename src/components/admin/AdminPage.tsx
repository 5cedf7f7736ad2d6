import { useEffect, useState } from 'react';
import { useT } from '../../hooks/useT';
import { AdminError, heldAdminSecret, holdAdminSecret, listAdminBoards, type AdminBoardPage } from '../../sync/admin';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { AdminBoards } from './AdminBoards';
import { AdminSignIn } from './AdminSignIn';
import { adminErrorText } from './adminErrorText';
import './admin.css';

type Session = { secret: string; first: AdminBoardPage } | null;

/**
 * The self-hoster's way back in (`/admin`): with the relay's administrator secret, every board
 * on the relay and a facilitator link for any of them.
 */
export function AdminPage() {
  const t = useT();
  const [session, setSession] = useState<Session>(null);
  const [checking, setChecking] = useState(() => heldAdminSecret() !== null);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    document.title = `${t('admin.title')} · Parcours`;
  }, [t]);
  // A secret kept by this tab (a reload): check it again, it may have been rotated.
  useEffect(() => {
    const held = heldAdminSecret();
    if (held === null) return;
    let alive = true;
    listAdminBoards(held).then(
      (first) => alive && (setSession({ secret: held, first }), setChecking(false)),
      (error: unknown) => {
        if (!alive) return;
        if (error instanceof AdminError && error.status === 401) holdAdminSecret(null);
        else setNotice(adminErrorText(t, error));
        setChecking(false);
      },
    );
    return () => {
      alive = false;
    };
    // Once, on opening the page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const signOut = (message: string | null = null) => {
    holdAdminSecret(null);
    setSession(null);
    setNotice(message);
  };
  return (
    <div className="admin">
      <header className="home__header">
        <div>
          <p className="home__brand">{t('app.name')}</p>
        </div>
        <LanguageSwitch />
      </header>
      <main className="admin__main">
        <h1>{t('admin.title')}</h1>
        <p className="muted">{t('admin.intro')}</p>
        {checking ? (
          <p role="status">{t('admin.loading')}</p>
        ) : session ? (
          <>
            <div className="admin__bar">
              <button type="button" className="button" onClick={() => signOut()}>
                {t('admin.signOut')}
              </button>
            </div>
            <AdminBoards
              secret={session.secret}
              first={session.first}
              onRefused={(error) => {
                // The secret was rotated meanwhile: ask for the new one.
                if (error instanceof AdminError && error.status === 401) signOut(t('admin.wrongSecret'));
              }}
            />
          </>
        ) : (
          <AdminSignIn key={notice ?? ''} notice={notice} onSignedIn={(secret, first) => setSession({ secret, first })} />
        )}
      </main>
    </div>
  );
}
