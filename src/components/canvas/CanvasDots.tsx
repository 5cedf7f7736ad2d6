import { useEffect, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';

/** Canvas units between two dots, and the largest zoom (BoardCanvas's), for the room kept around. */
const GAP = 24;
const MAX_ZOOM = 2;
/** How far the layer reaches past each edge of the canvas: one gap at the largest zoom. */
const ROOM = GAP * MAX_ZOOM;
/** Dots closer than this on screen would only grey the paper: then there are none. */
const MIN_SCREEN_GAP = 6;

const wrap = (value: number, by: number) => ((value % by) + by) % by;

/**
 * The dotted paper under the board. React Flow's own background redraws its pattern over the
 * whole screen at every frame of a pan; this one is a layer of its own that a pan only slides
 * (by less than one gap, so it never runs out), and that is drawn again only when the zoom
 * changes. Set from the view directly: no React render per frame.
 */
export function CanvasDots() {
  const dots = useRef<HTMLDivElement>(null);
  const store = useStoreApi();
  useEffect(() => {
    const el = dots.current;
    if (!el) return;
    let zoom = -1;
    const apply = ([x, y, z]: [number, number, number]) => {
      const gap = GAP * z;
      if (z !== zoom) {
        zoom = z;
        // The dots grow with the zoom, as the board's cards do.
        const r = Math.max(0.5, z / 2);
        el.style.backgroundImage = gap < MIN_SCREEN_GAP ? 'none' : `radial-gradient(circle, #cbd5e1 ${r}px, transparent ${r + 0.6}px)`;
        el.style.backgroundSize = `${gap}px ${gap}px`;
      }
      // Slid by the view's offset modulo one gap, counted from the layer's edge: dots stay on the canvas's grid.
      el.style.transform = `translate(${wrap(x + ROOM, gap)}px, ${wrap(y + ROOM, gap)}px)`;
    };
    apply(store.getState().transform);
    return store.subscribe((s) => apply(s.transform));
  }, [store]);
  return <div ref={dots} className="canvas-dots export-exclude" style={{ inset: -ROOM }} aria-hidden="true" />;
}
