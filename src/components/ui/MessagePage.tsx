import { navigate } from '../../sync/route';
import { useT } from '../../hooks/useT';

/** A whole page that explains a dead end (bad address, refused link) and leads home. */
export function MessagePage({ title, body, alert = false }: { title: string; body: string; alert?: boolean }) {
  const t = useT();
  return (
    <main className="invalid-page" role={alert ? 'alert' : undefined}>
      <h1>{title}</h1>
      <p>{body}</p>
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
