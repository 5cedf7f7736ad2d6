import { useMentions } from '../../hooks/useMentions';
import { useT } from '../../hooks/useT';
import { useUiStore } from '../../store';

/** The toolbar's way to every comment thread, with a badge when someone has mentioned this person. */
export function CommentsToolbarButton() {
  const t = useT();
  const panel = useUiStore((s) => s.panel);
  const openPanel = useUiStore((s) => s.openPanel);
  const { unread } = useMentions();
  const active = panel === 'comments';
  const label = unread.length > 0 ? `${t('comments.title')} — ${t.plural('comments.unreadMentions', unread.length)}` : t('comments.title');
  return (
    <button
      type="button"
      className={`button${active ? ' button--active' : ''}`}
      aria-pressed={active}
      aria-label={label}
      title={t('comments.hint')}
      onClick={() => openPanel(active ? null : 'comments')}
    >
      {t('comments.title')}
      {unread.length > 0 && (
        <span className="mention-badge" aria-hidden="true">
          @{unread.length}
        </span>
      )}
    </button>
  );
}
