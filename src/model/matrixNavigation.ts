/**
 * Moving the keyboard focus around the matrix with the arrow keys: from cell to cell and, inside
 * a cell, from its own slot (where a card is added) down through its cards.
 */
import { cellId } from './layout';
import type { JourneyMatrix } from './matrix';

/** Where the focus is: a cell itself, or one of its cards. */
export type MatrixSpot = { stageId: string; channelId: string; cardId?: string };

export type Direction = 'up' | 'down' | 'left' | 'right';

const DIRECTIONS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

/** The direction an arrow key names, if it is one. */
export function directionOfKey(key: string): Direction | null {
  return DIRECTIONS[key] ?? null;
}

/** The spot one step from `from` in `direction`, or null at the edge of the matrix (or off it). */
export function nextSpot(
  matrix: Pick<JourneyMatrix, 'stages' | 'channels' | 'cellCards'>,
  from: MatrixSpot,
  direction: Direction,
): MatrixSpot | null {
  const col = matrix.stages.findIndex((s) => s.id === from.stageId);
  const row = matrix.channels.findIndex((c) => c.id === from.channelId);
  if (col < 0 || row < 0) return null;
  const cards = (stageId: string, channelId: string) => matrix.cellCards.get(cellId(stageId, channelId)) ?? [];
  const here = cards(from.stageId, from.channelId);
  const index = from.cardId === undefined ? -1 : here.findIndex((c) => c.id === from.cardId);
  const cell = (c: number, r: number): MatrixSpot | null => {
    const stage = matrix.stages[c];
    const channel = matrix.channels[r];
    return stage && channel ? { stageId: stage.id, channelId: channel.id } : null;
  };
  const card = (spot: MatrixSpot, i: number): MatrixSpot => {
    const list = cards(spot.stageId, spot.channelId);
    const chosen = list[Math.min(i, list.length - 1)];
    return chosen ? { ...spot, cardId: chosen.id } : spot;
  };
  switch (direction) {
    case 'down':
      if (index + 1 < here.length) return { stageId: from.stageId, channelId: from.channelId, cardId: here[index + 1]!.id };
      return cell(col, row + 1);
    case 'up': {
      if (index > 0) return { stageId: from.stageId, channelId: from.channelId, cardId: here[index - 1]!.id };
      if (index === 0) return { stageId: from.stageId, channelId: from.channelId };
      const above = cell(col, row - 1);
      return above && card(above, Number.MAX_SAFE_INTEGER);
    }
    case 'left':
    case 'right': {
      const beside = cell(col + (direction === 'left' ? -1 : 1), row);
      return beside && (index < 0 ? beside : card(beside, index));
    }
  }
}
