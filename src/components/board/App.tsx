import { useEffect } from 'react';
import { useRoute } from '../../hooks/useRoute';
import { useUiStore } from '../../store';
import { BoardPage } from './BoardPage';
import { HomePage } from '../home/HomePage';
import { InvalidPage } from '../ui/InvalidPage';
import { VersionPage } from '../versions/VersionPage';

/** The app: home page, a board, or an invalid address. */
export function App() {
  const route = useRoute();
  const locale = useUiStore((s) => s.locale);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  if (route.page === 'board') return <BoardPage key={route.boardId} boardId={route.boardId} />;
  if (route.page === 'version') return <VersionPage key={route.versionId} boardId={route.boardId} versionId={route.versionId} />;
  if (route.page === 'invalid') return <InvalidPage />;
  return <HomePage />;
}
