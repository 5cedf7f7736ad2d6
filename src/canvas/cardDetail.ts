/**
 * How much of a card the canvas draws. Zoomed out past the readable zoom its text could not be
 * read anyway: a plain block in its evaluation's colour says as much, for a fraction of the
 * cost. Its editor is always drawn whole, at any zoom.
 */
import type { Rect } from '../model/layout';
import { READABLE_ZOOM } from './reveal';
import type { FlowViewport } from './stickyHeaders';

/** How far around the view a card counts as near it, in screens: a pan finds it drawn. */
export const NEAR_VIEW_MARGIN = 0.25;

/** Whether cards are drawn as blocks at `zoom`. */
export function isZoomedOut(zoom: number): boolean {
  return zoom < READABLE_ZOOM;
}

/** A card is drawn whole when the view is readable and the card is in or near it (and while edited). */
export function drawnWhole(card: { zoomedOut: boolean; nearView: boolean }): boolean {
  return !card.zoomedOut && card.nearView;
}

/**
 * Whether `rect` (canvas units) is in or near a `width` × `height` screen showing `viewport`:
 * within NEAR_VIEW_MARGIN of a screen of each edge. What the browser's intersection tracking
 * then keeps up to date as the view moves.
 */
export function nearView(viewport: FlowViewport, width: number, height: number, rect: Rect): boolean {
  const { x, y, zoom } = viewport;
  const mx = width * NEAR_VIEW_MARGIN;
  const my = height * NEAR_VIEW_MARGIN;
  const left = rect.x * zoom + x;
  const top = rect.y * zoom + y;
  return left + rect.width * zoom > -mx && left < width + mx && top + rect.height * zoom > -my && top < height + my;
}
