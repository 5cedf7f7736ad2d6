import { useEffect, type ReactNode } from 'react';
import { usePageCode } from '../../hooks/usePageCode';
import { useRoute } from '../../hooks/useRoute';
import { useT } from '../../hooks/useT';
import { useUiStore } from '../../store';
import { HomePage } from '../home/HomePage';
import { CodeLoadFailed } from '../ui/CodeLoadFailed';
import { InvalidPage } from '../ui/InvalidPage';
import { OnDemand } from '../ui/OnDemand';
import { onDemand } from '../ui/onDemand';

// The canvas (React Flow, Yjs, the sync) is not needed on the home page.
const loadBoardPage = () => import('./BoardPage').then((m) => m.BoardPage);
const VersionPage = onDemand(() => import('../versions/VersionPage').then((m) => m.VersionPage));
const AdminPage = onDemand(() => import('../admin/AdminPage').then((m) => m.AdminPage));

/** The app: home page, a board, a saved version, the administrator page, or an invalid address. */
export function App() {
  const t = useT();
  const route = useRoute();
  const locale = useUiStore((s) => s.locale);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const loading = (
    <p className="loading" role="status">
      {t('board.loading')}
    </p>
  );
  if (route.page === 'board') {
    return <BoardRoute key={route.boardId} boardId={route.boardId} loading={loading} />;
  }
  if (route.page === 'version') {
    return (
      <OnDemand key={route.versionId} loading={loading}>
        <VersionPage boardId={route.boardId} versionId={route.versionId} />
      </OnDemand>
    );
  }
  if (route.page === 'admin') {
    return (
      <OnDemand loading={loading}>
        <AdminPage />
      </OnDemand>
    );
  }
  if (route.page === 'invalid') return <InvalidPage />;
  return <HomePage />;
}

/** A board's page, shown as soon as its code is there (not through Suspense, see usePageCode). */
function BoardRoute({ boardId, loading }: { boardId: string; loading: ReactNode }) {
  const { code: BoardPage, failed } = usePageCode(loadBoardPage);
  if (failed) return <CodeLoadFailed />;
  return BoardPage ? <BoardPage boardId={boardId} /> : loading;
}
