import { useEffect, useMemo } from 'react';
import { deleteComment, setThreadResolved } from '../../doc/commands';
import { useBoardSession } from '../../hooks/useBoardSession';
import { useBoard } from '../../hooks/useBoard';
import { useCapabilities } from '../../hooks/useCapabilities';
import { useMentions } from '../../hooks/useMentions';
import { useT } from '../../hooks/useT';
import { useWorkshop } from '../../hooks/useWorkshop';
import { useUiStore } from '../../store';
import { commentTarget } from './commentTarget';
import { CommentForm } from './CommentForm';

/** The comment thread of one touchpoint, pain point or action: read, write (@mentions), resolve. */
export function CommentThread({ targetId }: { targetId: string }) {
  const t = useT();
  const { doc } = useBoardSession();
  // Someone who may not edit reads the threads, and writes nothing.
  const { canEdit: canWrite } = useCapabilities();
  const board = useBoard();
  const workshop = useWorkshop();
  const { mine, markSeen } = useMentions();
  const me = useUiStore((s) => s.identity);
  const locale = useUiStore((s) => s.locale);
  const openPanel = useUiStore((s) => s.openPanel);
  const label = commentTarget(board, targetId)?.text || t('comments.goneTarget');
  const comments = workshop.comments.filter((c) => c.targetId === targetId);
  const resolved = workshop.threads.find((th) => th.targetId === targetId)?.resolved ?? false;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  const mentionsHere = useMemo(() => mine.filter((c) => c.targetId === targetId).map((c) => c.id), [mine, targetId]);
  // Reading the thread is seeing the mentions in it.
  useEffect(() => markSeen(mentionsHere), [mentionsHere, markSeen]);
  return (
    <section className="panel-section" aria-label={t('comments.on', { text: label })}>
      <button type="button" className="link-button" onClick={() => openPanel('comments')}>
        ← {t('comments.allThreads')}
      </button>
      <h2 className="panel-title">{t('comments.on', { text: label })}</h2>
      {resolved && <p className="kind-badge kind-badge--existing">{t('comments.resolved')}</p>}
      {comments.length === 0 ? (
        <p className="muted">{t('comments.empty')}</p>
      ) : (
        <ol className="comments">
          {comments.map((c) => (
            <li key={c.id} className={`comment${mentionsHere.includes(c.id) ? ' comment--mentions-me' : ''}`}>
              <span className="avatar avatar--small" style={{ background: c.authorColor }} aria-hidden="true">
                {c.authorName.slice(0, 1).toUpperCase()}
              </span>
              <div className="comment__body">
                <p className="comment__meta">
                  <strong>{c.authorName}</strong> <span className="muted">{date.format(c.createdAt)}</span>
                  {c.mentions.length > 0 && <span className="muted"> · {t('comments.mentioned', { names: t.list(c.mentions) })}</span>}
                </p>
                <p className="comment__text">{c.text}</p>
              </div>
              {c.authorId === me.id && canWrite && (
                <button
                  type="button"
                  className="icon-button icon-button--danger"
                  aria-label={t('comments.delete')}
                  title={t('comments.delete')}
                  onClick={() => deleteComment(doc, c.id)}
                >
                  ✕
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {canWrite && (
        <CommentForm targetId={targetId}>
          {comments.length > 0 && (
            <button type="button" className="button" onClick={() => setThreadResolved(doc, targetId, !resolved)}>
              {resolved ? t('comments.reopen') : t('comments.resolve')}
            </button>
          )}
        </CommentForm>
      )}
    </section>
  );
}
