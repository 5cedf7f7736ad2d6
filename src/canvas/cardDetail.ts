/**
 * How much of a card the canvas draws. Zoomed out past the readable zoom its text could not be
 * read anyway: a plain block in its evaluation's colour says as much, for a fraction of the
 * cost. Its editor is always drawn whole, at any zoom.
 */
import { READABLE_ZOOM } from './reveal';

/** Whether cards are drawn as blocks at `zoom`. */
export function isZoomedOut(zoom: number): boolean {
  return zoom < READABLE_ZOOM;
}

/** A card is drawn whole when the view is readable and the card is in or near it (and while edited). */
export function drawnWhole(card: { zoomedOut: boolean; nearView: boolean }): boolean {
  return !card.zoomedOut && card.nearView;
}
