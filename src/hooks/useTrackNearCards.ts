import { useEffect, useMemo, useState } from 'react';
import { useStoreApi } from '@xyflow/react';
import { createNearCards, indexCards, type NearCards } from '../canvas/nearCards';
import type { MatrixLayout } from '../model/layout';

/**
 * The cards near the canvas's view, kept up to date from the view and the layout, for the
 * canvas to provide to its cards (NearCardsContext). One subscription to the view for the whole
 * canvas; each card is told only when it comes near or goes away. Must be used inside the React
 * Flow provider.
 */
export function useTrackNearCards(layout: MatrixLayout | null): NearCards {
  const store = useStoreApi();
  const [near] = useState(createNearCards);
  const index = useMemo(() => indexCards(layout?.cards ?? new Map()), [layout]);
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
