import { useEffect } from 'react';
import { deleteTouchpoint, moveTouchpoint, setMomentOfTruth, setTouchpointEvaluation } from '../doc/commands';
import { getRecord, readTouchpoint, cellTouchpoints } from '../doc/read';
import type { Evaluation } from '../model/types';
import { useUiStore } from '../store';
import { useBoardSession } from './useBoardSession';
import { useCapabilities } from './useCapabilities';

const EVALUATION_KEYS: Record<string, Evaluation | null> = { '1': 'delight', '2': 'improvable', '3': 'pain', '0': null };

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable);
}

/**
 * Keyboard shortcuts of a board page: undo/redo (own edits only), and on the selected card
 * Enter to edit, 1/2/3/0 to evaluate, Delete to remove, Alt+↑/↓ to reorder, Escape to leave.
 */
export function useBoardShortcuts(): void {
  const { doc, undo } = useBoardSession();
  const { canEdit } = useCapabilities();
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const ui = useUiStore.getState();
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      // Single-line fields keep the browser's own undo; the live card editor uses the board's.
      if (mod && (key === 'z' || key === 'y') && !(e.target instanceof HTMLInputElement)) {
        e.preventDefault();
        if (!canEdit) return;
        if (key === 'y' || e.shiftKey) undo.redo();
        else undo.undo();
        return;
      }
      if (isTyping(e.target) || mod || ui.confirm) return;
      // Someone who may not edit keeps only the keys that change nothing.
      if (!canEdit && e.key !== 'Escape' && e.key !== '?') return;
      if (e.key === 'Escape') {
        ui.setTool('select');
        ui.select(null);
        return;
      }
      if (e.key === '?') {
        ui.setShortcutsOpen(true);
        return;
      }
      if (key === 'n') {
        ui.setTool(ui.tool === 'addTouchpoint' ? 'select' : 'addTouchpoint');
        return;
      }
      const id = ui.selectedId;
      const record = id ? getRecord(doc, 'touchpoints', id) : null;
      if (!id || !record) return;
      if (e.key in EVALUATION_KEYS) {
        setTouchpointEvaluation(doc, id, EVALUATION_KEYS[e.key] ?? null);
      } else if (key === 'm') {
        setMomentOfTruth(doc, id, !readTouchpoint(id, record).momentOfTruth);
      } else if (e.key === 'Enter') {
        e.preventDefault();
        ui.startEditing({ kind: 'touchpoint', id });
      } else if (e.key === 'Delete' || e.key === 'Backspace') {
        e.preventDefault();
        ui.select(null);
        deleteTouchpoint(doc, id);
      } else if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
        e.preventDefault();
        const tp = readTouchpoint(id, record);
        const list = cellTouchpoints(doc, tp.journeyId, tp.stageId, tp.channelId);
        const index = list.findIndex((c) => c.id === id) + (e.key === 'ArrowUp' ? -1 : 1);
        if (index >= 0 && index < list.length) moveTouchpoint(doc, id, { stageId: tp.stageId, channelId: tp.channelId, index });
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [doc, undo, canEdit]);
}
