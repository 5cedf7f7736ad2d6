/** Bringing a part of the canvas into view with the smallest move, at the same zoom. */
import type { Rect } from '../model/layout';
import type { FlowViewport } from './stickyHeaders';

/**
 * The view that shows `rect` (canvas units) inside a screen of `width` × `height` px, with
 * `margin` px around it, moving as little as it can; null when it is already in view. A rect
 * larger than the screen is shown from its top-left corner.
 */
export function revealRect(viewport: FlowViewport, width: number, height: number, rect: Rect, margin = 24): FlowViewport | null {
  const { zoom } = viewport;
  const axis = (offset: number, size: number, start: number, length: number) => {
    const from = start * zoom + offset;
    const to = (start + length) * zoom + offset;
    if (from >= margin && to <= size - margin) return offset;
    // Too long to fit, or cut at the start: align its start; cut at the end: align its end.
    if (to - from > size - 2 * margin || from < margin) return margin - start * zoom;
    return size - margin - (start + length) * zoom;
  };
  const x = axis(viewport.x, width, rect.x, rect.width);
  const y = axis(viewport.y, height, rect.y, rect.height);
  return x === viewport.x && y === viewport.y ? null : { x, y, zoom };
}

/** Below this zoom a card's text is too small to read (14 px type shown under 8.5 px). */
export const READABLE_ZOOM = 0.6;

/** The zoom at which `bounds` fits a `width` × `height` screen with `padding` around, at most 1. */
function fitZoom(bounds: Rect, width: number, height: number, padding: number): number {
  return Math.min(1, width / (bounds.width * (1 + 2 * padding)), height / (bounds.height * (1 + 2 * padding)));
}

/**
 * The first view of a map on a screen of `width` × `height` px: all of it (`map`) when it can be
 * read so; else the whole matrix (`matrix`: title, headers and rows, without the bands below)
 * from the top; else the matrix's full width from the top, never smaller than readable, so a
 * very wide map opens on its first stages. The rest is a scroll away.
 */
export function initialView(map: Rect, matrix: Rect, width: number, height: number, padding = 0.08): FlowViewport {
  const all = fitZoom(map, width, height, padding);
  if (all >= READABLE_ZOOM)
    return { zoom: all, x: (width - map.width * all) / 2 - map.x * all, y: (height - map.height * all) / 2 - map.y * all };
  const whole = fitZoom(matrix, width, height, padding);
  const zoom = whole >= READABLE_ZOOM ? whole : Math.max(READABLE_ZOOM, Math.min(1, width / (matrix.width * (1 + 2 * padding))));
  const margin = matrix.width * padding * zoom;
  const left = matrix.width * zoom + 2 * margin <= width ? (width - matrix.width * zoom) / 2 : margin;
  return { zoom, x: left - matrix.x * zoom, y: 16 - matrix.y * zoom };
}
