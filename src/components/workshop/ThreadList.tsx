import { useEffect, useMemo, useState } from 'react';
import { useBoard } from '../../hooks/useBoard';
import { useMentions } from '../../hooks/useMentions';
import { useT } from '../../hooks/useT';
import { useWorkshop } from '../../hooks/useWorkshop';
import { threadSummaries } from '../../model/comments';
import { useUiStore } from '../../store';
import { commentTarget } from './commentTarget';
import { MentionList } from './MentionList';

type Filter = 'open' | 'resolved' | 'all' | 'mentions';
const FILTERS: readonly Filter[] = ['open', 'resolved', 'all', 'mentions'];

/** Every comment thread on the board, open or resolved, and the comments that mention this person. */
export function ThreadList() {
  const t = useT();
  const board = useBoard();
  const { comments, threads } = useWorkshop();
  const { mine, unread, markSeen } = useMentions();
  const openComments = useUiStore((s) => s.openComments);
  // Someone with new mentions lands on them.
  const [filter, setFilter] = useState<Filter>(() => (unread.length > 0 ? 'mentions' : 'open'));
  // What was new when the list opened stays marked new while it is read.
  const [fresh] = useState(() => new Set(unread.map((c) => c.id)));
  const all = useMemo(() => threadSummaries(comments, threads), [comments, threads]);
  const counts: Record<Filter, number> = {
    open: all.filter((s) => !s.resolved).length,
    resolved: all.filter((s) => s.resolved).length,
    all: all.length,
    mentions: mine.length,
  };
  const shownMentions = filter === 'mentions' ? mine : null;
  useEffect(() => {
    if (shownMentions) markSeen(shownMentions.map((c) => c.id));
  }, [shownMentions, markSeen]);
  const list = all.filter((s) => filter === 'all' || (filter === 'resolved') === s.resolved);
  return (
    <section className="panel-section" aria-labelledby="threads-title">
      <h2 id="threads-title" className="panel-title">
        {t('comments.allThreads')}
      </h2>
      <div className="thread-filters" role="group" aria-label={t('comments.filter')}>
        {FILTERS.map((f) => (
          <button
            key={f}
            type="button"
            className={`chip${filter === f ? ' chip--active' : ''}`}
            aria-pressed={filter === f}
            onClick={() => setFilter(f)}
          >
            {t(`comments.filter.${f}`)} ({counts[f]})
          </button>
        ))}
      </div>
      {shownMentions ? (
        <MentionList mentions={shownMentions} fresh={fresh} />
      ) : list.length === 0 ? (
        <p className="muted">{all.length === 0 ? t('comments.noThreads') : t(`comments.none.${filter as 'open' | 'resolved'}`)}</p>
      ) : (
        <ul className="threads" aria-label={t(`comments.filter.${filter}`)}>
          {list.map((s) => {
            const about = commentTarget(board, s.targetId);
            return (
              <li key={s.targetId}>
                <button
                  type="button"
                  className={`thread-item${s.resolved ? ' thread-item--resolved' : ''}`}
                  onClick={() => openComments(s.targetId)}
                >
                  <span className="thread-item__about">
                    <span className="muted">{about ? t(`comments.kind.${about.kind}`) : ''}</span>{' '}
                    <strong>{about?.text || t('comments.goneTarget')}</strong>
                  </span>
                  <span className="thread-item__meta">
                    {t.plural('comments.count', s.count)} · {s.resolved ? t('comments.resolved') : t('comments.openThread')}
                  </span>
                  <span className="thread-item__last muted">{t('comments.lastBy', { name: s.last.authorName, text: s.last.text })}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
