/**
 * A card being dragged: where it is drawn and where it would land. The highlight of the drop
 * cell while dragging and the move made on release both come from `dropTarget`, so what is
 * shown is what happens.
 */
import { LAYOUT, cellAt, cellId, indexInCell, type CellKey, type MatrixLayout } from '../model/layout';

/** The dragged card and the canvas position of its top-left corner. */
export interface DragState {
  id: string;
  x: number;
  y: number;
}

export interface DropTarget extends CellKey {
  /** The cell's id, as its cards are grouped under. */
  cellId: string;
  /** The place the card takes in that cell's list, the other cards counted without it. */
  index: number;
}

/** Where a card dragged to `drag` lands: the cell under its centre, at the height it was let go. */
export function dropTarget(
  layout: MatrixLayout,
  cellCards: ReadonlyMap<string, readonly { id: string }[]>,
  drag: DragState,
): DropTarget | null {
  const cell = cellAt(layout, drag.x + LAYOUT.cardWidth / 2, drag.y + LAYOUT.cardHeight / 2);
  if (!cell) return null;
  const id = cellId(cell.stageId, cell.channelId);
  const others = (cellCards.get(id) ?? []).filter((c) => c.id !== drag.id).length;
  return { stageId: cell.stageId, channelId: cell.channelId, cellId: id, index: indexInCell(cell, drag.y, others) };
}
