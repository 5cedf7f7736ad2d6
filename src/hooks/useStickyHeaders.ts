import { useEffect, type RefObject } from 'react';
import { useStoreApi } from '@xyflow/react';
import { STICKY_NODES, stickyOffset } from '../canvas/stickyHeaders';
import type { MatrixLayout } from '../model/layout';

/**
 * Keeps the stage and channel headers in sight: on every change of the view, in the same frame,
 * sets the offsets the canvas stylesheet moves the headers by (--sticky-x, --sticky-y) and
 * whether they are pulled away from their place (data-stuck: top, left). Both are set on the
 * header nodes themselves, never on the canvas: a custom property or a class changed there
 * would reach every card, and the browser would restyle the whole board at each frame of a
 * pan. No React render per frame either; headers added later get them as they appear.
 */
export function useStickyHeaders(
  host: RefObject<HTMLElement | null>,
  layout: Pick<MatrixLayout, 'width' | 'height'> | null,
  /** Whether React Flow is drawn in `host` yet (it is drawn once the canvas knows its size). */
  drawn: boolean,
): void {
  const store = useStoreApi();
  useEffect(() => {
    const el = host.current;
    const nodes = el?.querySelector('.react-flow__nodes');
    if (!el || !nodes || !layout || !drawn) return;
    let offset = { dx: 0, dy: 0 };
    let last = '';
    const place = (headers: Iterable<HTMLElement>) => {
      const stuck = [offset.dy > 0 ? 'top' : '', offset.dx > 0 ? 'left' : ''].join(' ').trim();
      for (const h of headers) {
        h.style.setProperty('--sticky-x', `${offset.dx}px`);
        h.style.setProperty('--sticky-y', `${offset.dy}px`);
        if (h.dataset.stuck !== stuck) h.dataset.stuck = stuck;
      }
    };
    const apply = ([x, y, zoom]: [number, number, number]) => {
      offset = stickyOffset(layout, { x, y, zoom });
      const key = `${offset.dx},${offset.dy}`;
      if (key === last) return;
      last = key;
      place(nodes.querySelectorAll<HTMLElement>(STICKY_NODES));
    };
    const added = new MutationObserver((records) => {
      const headers = records
        .flatMap((r) => [...r.addedNodes])
        .filter((n): n is HTMLElement => n instanceof HTMLElement && n.matches(STICKY_NODES));
      place(headers);
    });
    added.observe(nodes, { childList: true });
    apply(store.getState().transform);
    const unsubscribe = store.subscribe((state) => apply(state.transform));
    return () => {
      unsubscribe();
      added.disconnect();
    };
  }, [host, layout, store, drawn]);
}
