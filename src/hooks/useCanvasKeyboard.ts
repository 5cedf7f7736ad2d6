import { useCallback, type KeyboardEvent } from 'react';
import { cellNodeId, cellOfNode, touchpointNodeId, touchpointOfNode } from '../canvas/nodeIds';
import { addTouchpoint } from '../doc/commands';
import { isShortcut } from '../model/boardShortcuts';
import type { JourneyMatrix } from '../model/matrix';
import { directionOfKey, nextSpot, type MatrixSpot } from '../model/matrixNavigation';
import { useUiStore } from '../store';
import { useBoardSession } from './useBoardSession';
import { useCapabilities } from './useCapabilities';

/** The cell or card a canvas node stands for. */
function spotOfNode(matrix: JourneyMatrix, nodeId: string): MatrixSpot | null {
  const cell = cellOfNode(nodeId);
  if (cell) return cell;
  const id = touchpointOfNode(nodeId);
  if (!id) return null;
  for (const cards of matrix.cellCards.values()) {
    const card = cards.find((c) => c.id === id);
    if (card) return { stageId: card.stageId, channelId: card.channelId, cardId: card.id };
  }
  return null;
}

/**
 * The keyboard on the canvas itself: the arrows go from cell to cell and card to card (a card
 * reached is selected, so its keys apply), Enter on a cell adds a card there. Keys pressed in a
 * field or on a button inside a node are theirs.
 */
export function useCanvasKeyboard(matrix: JourneyMatrix | null, journeyId: string | null) {
  const { doc } = useBoardSession();
  const { canEdit } = useCapabilities();
  return useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      const node = e.target instanceof HTMLElement && e.target.classList.contains('react-flow__node') ? e.target : null;
      const from = node && matrix ? spotOfNode(matrix, node.dataset.id ?? '') : null;
      if (!node || !from || !matrix) return;
      const direction = e.altKey || e.ctrlKey || e.metaKey || e.shiftKey ? null : directionOfKey(e.key);
      if (direction) {
        // Ours, not React Flow's: it would nudge a selected card by a few pixels.
        e.preventDefault();
        e.stopPropagation();
        const to = nextSpot(matrix, from, direction);
        if (!to) return;
        const id = to.cardId ? touchpointNodeId(to.cardId) : cellNodeId(to.stageId, to.channelId);
        document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`)?.focus();
        useUiStore.getState().select(to.cardId ?? null);
        return;
      }
      if (!from.cardId && isShortcut('addHere', e) && canEdit && journeyId) {
        e.preventDefault();
        const id = addTouchpoint(doc, { journeyId, stageId: from.stageId, channelId: from.channelId });
        const ui = useUiStore.getState();
        ui.setTool('select');
        ui.select(id);
        ui.startEditing({ kind: 'touchpoint', id });
      }
    },
    [matrix, journeyId, doc, canEdit],
  );
}
