import { useEffect } from 'react';
import { cellNodeId, touchpointNodeId } from '../canvas/nodeIds';
import { getRecord, readTouchpoint } from '../doc/read';
import { isShortcut } from '../model/boardShortcuts';
import { actionForKey } from '../model/touchpointActions';
import { useUiStore } from '../store';
import { useBoardSession } from './useBoardSession';
import { useCapabilities } from './useCapabilities';
import { runTouchpointAction } from './useTouchpointActions';

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable)
  );
}

/** The canvas node (card, cell) that holds the focus, if any. */
function focusedNode(): HTMLElement | null {
  return document.activeElement instanceof HTMLElement ? document.activeElement.closest<HTMLElement>('.react-flow__node') : null;
}

function focusNodeById(id: string): void {
  document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`)?.focus({ preventScroll: true });
}

/**
 * Keyboard shortcuts of a board page, from the board's shortcut table and the card action table:
 * undo/redo (own edits only), N, ?, Escape, and every card action on the selected card. Nothing
 * that edits runs for a viewer.
 */
export function useBoardShortcuts(): void {
  const { doc, undo } = useBoardSession();
  const { canEdit } = useCapabilities();
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      // Handled where it happened (a cell of the canvas, a dialog).
      if (e.defaultPrevented) return;
      const ui = useUiStore.getState();
      // Single-line fields keep the browser's own undo; the live card editor uses the board's.
      if ((isShortcut('undo', e) || isShortcut('redo', e)) && !(e.target instanceof HTMLInputElement)) {
        e.preventDefault();
        if (!canEdit) return;
        if (isShortcut('redo', e)) undo.redo();
        else undo.undo();
        return;
      }
      if (isTyping(e.target) || ui.confirm) return;
      if (isShortcut('escape', e)) {
        // Back to the card the focus was in (its toolbar goes away), not to the top of the page.
        focusedNode()?.focus({ preventScroll: true });
        ui.setTool('select');
        ui.select(null);
        return;
      }
      if (isShortcut('help', e)) {
        ui.setShortcutsOpen(true);
        return;
      }
      if (isShortcut('add', e)) {
        if (canEdit) ui.setTool(ui.tool === 'addTouchpoint' ? 'select' : 'addTouchpoint');
        return;
      }
      const id = ui.selectedId;
      const record = id ? getRecord(doc, 'touchpoints', id) : null;
      const action = actionForKey(e);
      if (!id || !record || !action) return;
      // A button keeps its own Enter and Space; one outside the card keeps every key.
      const inCard = focusedNode()?.dataset.id === touchpointNodeId(id);
      const onControl = e.target instanceof HTMLElement && e.target.closest('button, a[href], summary') !== null;
      if (onControl && (e.key === 'Enter' || e.key === ' ' || !inCard)) return;
      const touchpoint = readTouchpoint(id, record);
      if (!runTouchpointAction(action, { doc, undo, touchpoint }, canEdit)) return;
      e.preventDefault();
      // A deleted card leaves the focus in its cell, where the arrows carry on.
      if (action.name === 'delete' && inCard) focusNodeById(cellNodeId(touchpoint.stageId, touchpoint.channelId));
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [doc, undo, canEdit]);
}
