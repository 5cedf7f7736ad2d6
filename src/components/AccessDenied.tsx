import { navigate } from '../hooks/useRoute';
import { useT } from '../hooks/useT';
import type { AccessError } from '../sync/access';

/** Shown when the relay refuses this browser's link to a board: says why, and what to do. */
export function AccessDenied({ error }: { error: AccessError }) {
  const t = useT();
  const expired = error.status === 403;
  return (
    <main className="invalid-page" role="alert">
      <h1>{t(expired ? 'access.expiredTitle' : 'access.neededTitle')}</h1>
      <p>{t(expired ? 'access.expiredBody' : 'access.neededBody')}</p>
      <a
        className="button button--primary"
        href="/"
        onClick={(e) => {
          e.preventDefault();
          navigate('/');
        }}
      >
        {t('notFound.home')}
      </a>
    </main>
  );
}
