import { useEffect, type RefObject } from 'react';
import { useStoreApi } from '@xyflow/react';
import { stickyOffset } from '../canvas/stickyHeaders';
import type { MatrixLayout } from '../model/layout';

/**
 * Keeps the stage and channel headers in sight: on every change of the view, in the same frame,
 * sets the offsets the canvas stylesheet moves the headers by (--sticky-x, --sticky-y on `host`).
 * No React render per frame: only two style properties change.
 */
export function useStickyHeaders(host: RefObject<HTMLElement | null>, layout: Pick<MatrixLayout, 'width' | 'height'> | null): void {
  const store = useStoreApi();
  useEffect(() => {
    const el = host.current;
    if (!el || !layout) return;
    let last = '';
    const apply = ([x, y, zoom]: [number, number, number]) => {
      const { dx, dy } = stickyOffset(layout, { x, y, zoom });
      const key = `${dx},${dy}`;
      if (key === last) return;
      last = key;
      el.style.setProperty('--sticky-x', `${dx}px`);
      el.style.setProperty('--sticky-y', `${dy}px`);
      el.classList.toggle('canvas--sticky-top', dy > 0);
      el.classList.toggle('canvas--sticky-left', dx > 0);
    };
    apply(store.getState().transform);
    return store.subscribe((state) => apply(state.transform));
  }, [host, layout, store]);
}
