import { useEffect, useMemo, useState } from 'react';
import { useStoreApi } from '@xyflow/react';
import { createNearCards, indexCards, type NearCards } from '../canvas/nearCards';
import type { MatrixLayout } from '../model/layout';
import type { FlowViewport } from '../canvas/stickyHeaders';

/** The view a canvas opens on, and its size in px, known before React Flow is drawn. */
export interface FirstView {
  viewport: FlowViewport;
  width: number;
  height: number;
}

/**
 * The cards near the canvas's view, kept up to date from the view and the layout, for the
 * canvas to provide to its cards (NearCardsContext). One subscription to the view for the whole
 * canvas; each card is told only when it comes near or goes away. Must be used inside the React
 * Flow provider.
 */
export function useTrackNearCards(layout: MatrixLayout | null, firstView: FirstView | null): NearCards {
  const store = useStoreApi();
  const index = useMemo(() => indexCards(layout?.cards ?? new Map()), [layout]);
  // The cards near the first view are known before any is drawn, so they are drawn whole at once
  // rather than as blocks first (the view is only in React Flow's store after its first render).
  const [near] = useState(() => {
    const made = createNearCards();
    if (firstView) made.update(index, firstView.viewport, firstView.width, firstView.height);
    return made;
  });
  useEffect(() => {
    let last = '';
    const apply = ({ transform: [x, y, zoom], width, height }: { transform: [number, number, number]; width: number; height: number }) => {
      const key = `${x},${y},${zoom},${width},${height}`;
      if (key === last) return;
      last = key;
      near.update(index, { x, y, zoom }, width, height);
    };
    apply(store.getState());
    return store.subscribe(apply);
  }, [store, near, index]);
  return near;
}
