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
