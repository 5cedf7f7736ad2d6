import { useBoardSession } from '../../hooks/useBoardSession';
import { useT } from '../../hooks/useT';
import { useUndoState } from '../../hooks/useUndoState';
import { boardShortcut } from '../../model/boardShortcuts';
import { keysLabel } from '../canvas/keyLabel';

/**
 * Undo and redo, on their own: whether there is something to undo changes at a person's first
 * edit (a drop, say), and only these two buttons are drawn again then, not the toolbar.
 */
export function UndoButtons() {
  const t = useT();
  const { undo } = useBoardSession();
  const { canUndo, canRedo } = useUndoState();
  return (
    <>
      <button
        type="button"
        className="icon-button"
        disabled={!canUndo}
        onClick={() => undo.undo()}
        aria-label={t('toolbar.undo')}
        title={`${t('toolbar.undo')} (${keysLabel(boardShortcut('undo').keys, t)})`}
      >
        ↶
      </button>
      <button
        type="button"
        className="icon-button"
        disabled={!canRedo}
        onClick={() => undo.redo()}
        aria-label={t('toolbar.redo')}
        title={`${t('toolbar.redo')} (${keysLabel(boardShortcut('redo').keys, t)})`}
      >
        ↷
      </button>
    </>
  );
}
