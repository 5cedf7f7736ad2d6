import { useBoard } from '../../hooks/useBoard';
import { useT } from '../../hooks/useT';
import type { Comment } from '../../model/workshop';
import { useUiStore } from '../../store';
import { commentTarget } from './commentTarget';

/** The comments that mention this person, newest first, each opening its thread. */
export function MentionList({ mentions, fresh }: { mentions: readonly Comment[]; fresh: ReadonlySet<string> }) {
  const t = useT();
  const board = useBoard();
  const openComments = useUiStore((s) => s.openComments);
  if (mentions.length === 0) return <p className="muted">{t('comments.noMentions')}</p>;
  return (
    <ul className="threads" aria-label={t('comments.filter.mentions')}>
      {mentions.map((c) => (
        <li key={c.id}>
          <button
            type="button"
            className={`thread-item${fresh.has(c.id) ? ' thread-item--new' : ''}`}
            onClick={() => openComments(c.targetId)}
          >
            <span className="thread-item__meta">
              {fresh.has(c.id) && <span className="badge-new">{t('comments.new')}</span>}{' '}
              {t('comments.mentionedBy', { name: c.authorName, text: commentTarget(board, c.targetId)?.text || t('comments.goneTarget') })}
            </span>
            <span className="thread-item__last">{c.text}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
