import { useEffect, useRef, useState } from 'react';
import { useT } from '../../hooks/useT';
import { forgetBoard, loadRecentBoards, rememberBoard, type RecentBoard } from '../../sync/recentBoards';
import { RecentBoardItem } from './RecentBoardItem';
import './home.css';

/** The boards this browser opened, newest first; forgetting one can be undone, and only touches this browser's list. */
export function RecentBoards() {
  const t = useT();
  const [recent, setRecent] = useState(() => loadRecentBoards());
  const [forgotten, setForgotten] = useState<RecentBoard | null>(null);
  const undo = useRef<HTMLButtonElement>(null);
  // The forget button went away with its row: the keyboard lands on « Annuler » rather than on the page's top.
  useEffect(() => {
    if (forgotten) undo.current?.focus();
  }, [forgotten]);
  return (
    <section aria-labelledby="recent-title" className="home__section">
      <h2 id="recent-title">{t('home.recent')}</h2>
      {forgotten && (
        <p className="recent__forgotten" role="status">
          <span>{t('home.forgotten', { title: forgotten.title || t('home.untitled') })}</span>{' '}
          <button
            ref={undo}
            type="button"
            className="button"
            onClick={() => {
              setRecent(rememberBoard(forgotten));
              setForgotten(null);
            }}
          >
            {t('home.undoForget')}
          </button>
        </p>
      )}
      {recent.length === 0 ? (
        <p className="muted">{t('home.recentEmpty')}</p>
      ) : (
        <>
          <ul className="recent">
            {recent.map((b) => (
              <RecentBoardItem
                key={b.id}
                board={b}
                onForget={() => {
                  setRecent(forgetBoard(b.id));
                  setForgotten(b);
                }}
              />
            ))}
          </ul>
          <p className="muted recent__note">{t('home.recentNote')}</p>
        </>
      )}
    </section>
  );
}
