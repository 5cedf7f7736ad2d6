import { useEffect } from 'react';
import { useBoardSession } from '../../hooks/useBoardSession';
import { useT } from '../../hooks/useT';
import { useUiStore } from '../../store';

const SHOWN_MS = 8000;

/**
 * « Carte supprimée — Annuler » after this person deletes a card. It undoes exactly that
 * deletion, so it goes away as soon as anything else becomes the last thing to undo.
 */
export function DeletedCardNotice() {
  const t = useT();
  const { undo } = useBoardSession();
  const deleted = useUiStore((s) => s.deletedCard);
  const setDeleted = useUiStore((s) => s.setDeletedCard);
  useEffect(() => {
    if (!deleted) return;
    const stillLast = () => {
      if (undo.undoStack[undo.undoStack.length - 1] !== deleted.undoStep) setDeleted(null);
    };
    const events = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const;
    for (const event of events) undo.on(event, stillLast);
    const timer = setTimeout(() => setDeleted(null), SHOWN_MS);
    return () => {
      for (const event of events) undo.off(event, stillLast);
      clearTimeout(timer);
    };
  }, [deleted, undo, setDeleted]);
  if (!deleted) return null;
  return (
    <div className="notice notice--info undo-notice" role="status">
      <span>{t('tpAction.deleted')}</span>
      <button
        type="button"
        className="button button--small"
        onClick={() => {
          if (undo.undoStack[undo.undoStack.length - 1] === deleted.undoStep) undo.undo();
          setDeleted(null);
          useUiStore.getState().select(deleted.touchpointId);
        }}
      >
        {t('tpAction.undoDelete')}
      </button>
    </div>
  );
}
