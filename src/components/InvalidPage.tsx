import { navigate } from '../hooks/useRoute';
import { useT } from '../hooks/useT';

/** Shown for an address that is not a board: says so, and leads home. */
export function InvalidPage() {
  const t = useT();
  return (
    <main className="invalid-page">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
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
