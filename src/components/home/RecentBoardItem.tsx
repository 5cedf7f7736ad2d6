import { useT } from '../../hooks/useT';
import { useUiStore } from '../../store';
import { navigate } from '../../sync/route';
import type { RecentBoard } from '../../sync/recentBoards';
import { BoardThumbnail } from './BoardThumbnail';

/** One board of the recent list: enough to tell it from the others (title, size, when), and forgetting it here. */
export function RecentBoardItem({ board, onForget }: { board: RecentBoard; onForget(): void }) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const title = board.title || t('home.untitled');
  const opened = new Date(board.lastOpened);
  const facts = [
    board.journeys !== undefined && t.plural('count.journeys', board.journeys),
    board.touchpoints !== undefined && t.plural('count.touchpoints', board.touchpoints),
  ].filter((f): f is string => !!f);
  return (
    <li className="recent__item">
      {board.grid ? <BoardThumbnail grid={board.grid} /> : <span className="board-thumbnail" aria-hidden="true" />}
      <div className="recent__body">
        <a
          href={`/b/${board.id}`}
          onClick={(e) => {
            e.preventDefault();
            navigate(`/b/${board.id}`);
          }}
        >
          {title}
        </a>
        <p className="recent__facts muted">
          {facts.map((f) => (
            <span key={f}>{f} · </span>
          ))}
          <time
            dateTime={opened.toISOString()}
            title={t('home.lastOpenedOn', {
              date: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(opened),
            })}
          >
            {t('home.lastOpened', { when: t.relative(board.lastOpened) })}
          </time>
        </p>
      </div>
      <button
        type="button"
        className="button recent__forget"
        aria-label={t('home.forget', { title })}
        title={t('home.forgetHint')}
        onClick={onForget}
      >
        {t('home.forgetShort')}
      </button>
    </li>
  );
}
