import { useT } from '../../hooks/useT';
import type { OpenBoardNotice as Notice } from '../../hooks/useOpenBoard';

const TEXT = { refused: 'sync.refused', linkInvalid: 'access.linkInvalid', linkUnchecked: 'access.linkUnchecked' } as const;

/** What happened while opening the board (a link not taken, a refused change undone), until dismissed. */
export function OpenBoardNotice({ notice, onDismiss }: { notice: Notice; onDismiss(): void }) {
  const t = useT();
  return (
    <div className={`banner banner--notice banner--${notice}`} role={notice === 'refused' ? 'alert' : 'status'}>
      <span>{t(TEXT[notice])}</span>
      <button type="button" className="icon-button" aria-label={t('notice.close')} title={t('notice.close')} onClick={onDismiss}>
        ✕
      </button>
    </div>
  );
}
