import { useEffect, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';

/** Canvas units between two dots, and the largest zoom (BoardCanvas's), for the room kept around. */
const GAP = 24;
const MAX_ZOOM = 2;
/** How far the layer reaches past the canvas's top and left edges: one gap at the largest zoom. */
const ROOM = GAP * MAX_ZOOM;
/** Dots closer than this on screen would only grey the paper: then there are none. */
const MIN_SCREEN_GAP = 6;
/** How far the zoom may go from the one the dots were drawn at before they are drawn again. */
const MAX_STRETCH = 2;
/** Once the zoom has rested this long, the dots are drawn again at it, crisp. */
const REST_MS = 200;

const wrap = (value: number, by: number) => ((value % by) + by) % by;

/**
 * The dotted paper under the board. React Flow's own background redraws its pattern over the
 * whole screen at every frame; this one is a layer of its own (twice the canvas's size, so it
 * still covers it shrunk by half), drawn at one zoom: a pan only slides it, by less than one
 * gap, and a pinch only scales it, until the zoom rests or strays too far and it is drawn again.
 * Set from the view directly: no React render per frame.
 */
export function CanvasDots() {
  const dots = useRef<HTMLDivElement>(null);
  const store = useStoreApi();
  useEffect(() => {
    const el = dots.current;
    if (!el) return;
    let drawnAt = 0;
    let rest: ReturnType<typeof setTimeout> | null = null;
    const draw = (zoom: number) => {
      drawnAt = zoom;
      const gap = GAP * zoom;
      el.style.backgroundImage =
        gap < MIN_SCREEN_GAP
          ? 'none'
          : `radial-gradient(circle, #cbd5e1 ${Math.max(0.5, zoom / 2)}px, transparent ${Math.max(0.5, zoom / 2) + 0.6}px)`;
      el.style.backgroundSize = `${gap}px ${gap}px`;
    };
    const place = ([x, y, zoom]: [number, number, number]) => {
      const stretch = zoom / drawnAt;
      if (!drawnAt || stretch > MAX_STRETCH || stretch < 1 / MAX_STRETCH) draw(zoom);
      const gap = GAP * zoom;
      // Slid by the view's offset modulo one gap, counted from the layer's edge: dots stay on the canvas's grid.
      el.style.transform = `translate(${wrap(x + ROOM, gap)}px, ${wrap(y + ROOM, gap)}px) scale(${zoom / drawnAt})`;
    };
    const settle = () => {
      rest = null;
      const view = store.getState().transform;
      if (view[2] === drawnAt) return;
      draw(view[2]);
      place(view);
    };
    let placed = store.getState().transform;
    place(placed);
    const unsubscribe = store.subscribe(({ transform }) => {
      // The store changes for many reasons besides the view (every node update): only a new view moves the dots.
      if (transform === placed) return;
      placed = transform;
      place(transform);
      if (transform[2] === drawnAt) return;
      if (rest) clearTimeout(rest);
      rest = setTimeout(settle, REST_MS);
    });
    return () => {
      unsubscribe();
      if (rest) clearTimeout(rest);
    };
  }, [store]);
  return (
    <div
      ref={dots}
      className="canvas-dots export-exclude"
      style={{ left: -ROOM, top: -ROOM, width: `calc(200% + ${2 * ROOM}px)`, height: `calc(200% + ${2 * ROOM}px)` }}
      aria-hidden="true"
    />
  );
}
