/**
 * Stage and channel headers that stay in sight: how far the header row must come down and the
 * header column come right so that, zoomed in and scrolled, they sit at the top and left edges
 * of the view, as a spreadsheet's frozen panes do, without leaving the matrix.
 */
import { LAYOUT, type MatrixLayout } from '../model/layout';

/** The nodes that stay in sight (stage, channel and row headers, their corner, the add buttons), as a selector. */
export const STICKY_NODES =
  ".react-flow__node:is([data-id^='stages:'], [data-id='add:stages'], [data-id^='channels:'], [data-id^='band:'], [data-id='add:channels'], [data-id='corner'])";

export interface FlowViewport {
  x: number;
  y: number;
  zoom: number;
}

export interface StickyOffset {
  /** How far right the channel headers (and the band headers) move, in canvas units. */
  dx: number;
  /** How far down the stage headers move, in canvas units. */
  dy: number;
}

const clamp = (v: number, max: number) => Math.min(Math.max(v, 0), Math.max(max, 0));

/** The headers' offset for the view `viewport` (React Flow's: screen = canvas × zoom + x, y). */
export function stickyOffset(layout: Pick<MatrixLayout, 'width' | 'height'>, viewport: FlowViewport): StickyOffset {
  const top = -viewport.y / viewport.zoom;
  const left = -viewport.x / viewport.zoom;
  return {
    // The header row rides down to the last row under the matrix, never past it.
    dy: clamp(top, layout.height - LAYOUT.stageHeaderHeight),
    dx: clamp(left, layout.width - LAYOUT.addLaneSize - LAYOUT.channelHeaderWidth),
  };
}
