import { useState } from 'react';
import { addComment, deleteComment, setThreadResolved } from '../../doc/commands';
import { useBoardSession } from '../../hooks/useBoardSession';
import { useBoard } from '../../hooks/useBoard';
import { useCapabilities } from '../../hooks/useCapabilities';
import { usePeers } from '../../hooks/usePeers';
import { useT } from '../../hooks/useT';
import { useWorkshop } from '../../hooks/useWorkshop';
import { useUiStore } from '../../store';

/** The comment thread of one touchpoint, pain point or action: read, write (@mentions), resolve. */
export function CommentsPanel() {
  const t = useT();
  const { doc } = useBoardSession();
  // Someone who may not edit reads the threads, and writes nothing.
  const { canEdit: canWrite } = useCapabilities();
  const board = useBoard();
  const workshop = useWorkshop();
  const peers = usePeers();
  const me = useUiStore((s) => s.identity);
  const locale = useUiStore((s) => s.locale);
  const target = useUiStore((s) => s.commentTarget ?? s.selectedId);
  const [draft, setDraft] = useState('');
  if (!target) return <p className="muted">{t('comments.pick')}</p>;
  const label =
    board.touchpoints.find((x) => x.id === target)?.text ?? board.painPoints.find((x) => x.id === target)?.text ?? board.actions.find((x) => x.id === target)?.title ?? '…';
  const comments = workshop.comments.filter((c) => c.targetId === target);
  const resolved = workshop.threads.find((th) => th.targetId === target)?.resolved ?? false;
  const names = [...new Set([...peers.map((p) => p.name), ...workshop.comments.map((c) => c.authorName)])];
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  const send = () => {
    if (addComment(doc, target, me, draft, names)) setDraft('');
  };
  return (
    <section className="panel-section" aria-label={t('comments.on', { text: label })}>
      <h2 className="panel-title">{t('comments.on', { text: label })}</h2>
      {resolved && <p className="kind-badge kind-badge--existing">{t('comments.resolved')}</p>}
      {comments.length === 0 ? (
        <p className="muted">{t('comments.empty')}</p>
      ) : (
        <ol className="comments">
          {comments.map((c) => (
            <li key={c.id} className="comment">
              <span className="avatar avatar--small" style={{ background: c.authorColor }} aria-hidden="true">
                {c.authorName.slice(0, 1).toUpperCase()}
              </span>
              <div className="comment__body">
                <p className="comment__meta">
                  <strong>{c.authorName}</strong> <span className="muted">{date.format(c.createdAt)}</span>
                  {c.mentions.length > 0 && <span className="muted"> · {t('comments.mentioned', { names: c.mentions.join(', ') })}</span>}
                </p>
                <p className="comment__text">{c.text}</p>
              </div>
              {c.authorId === me.id && canWrite && (
                <button type="button" className="icon-button icon-button--danger" aria-label={t('comments.delete')} title={t('comments.delete')} onClick={() => deleteComment(doc, c.id)}>
                  ✕
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {canWrite && (
        <form
          className="comment-form"
          onSubmit={(e) => {
            e.preventDefault();
            send();
          }}
        >
          <textarea
            aria-label={t('comments.placeholder')}
            placeholder={t('comments.placeholder')}
            value={draft}
            maxLength={2000}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) send();
            }}
          />
          <div className="mention-chips" aria-label="@">
            {names
              .filter((n) => n !== me.name)
              .slice(0, 6)
              .map((n) => (
                <button key={n} type="button" className="chip" onClick={() => setDraft((d) => `${d}${d && !d.endsWith(' ') ? ' ' : ''}@${n} `)}>
                  @{n}
                </button>
              ))}
          </div>
          <div className="modal__actions">
            {comments.length > 0 && (
              <button type="button" className="button" onClick={() => setThreadResolved(doc, target, !resolved)}>
                {resolved ? t('comments.reopen') : t('comments.resolve')}
              </button>
            )}
            <button type="submit" className="button button--primary" disabled={!draft.trim()}>
              {t('comments.send')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
