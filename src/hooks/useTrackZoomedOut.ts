import { startTransition, useEffect, useState } from 'react';
import { useStoreApi } from '@xyflow/react';
import { isZoomedOut } from '../canvas/cardDetail';

/**
 * Whether the canvas's zoom is past the readable zoom, for the canvas to provide to its cards
 * (ZoomedOutContext). One subscription to the view for the whole canvas; the flag changes only
 * when the zoom crosses the line, and in a transition, so the thousand cards that then change
 * their drawing are rendered over several frames, never in the frame of the pinch. Must be used
 * inside the React Flow provider.
 */
export function useTrackZoomedOut(firstZoom?: number): boolean {
  const store = useStoreApi();
  // The zoom the canvas opens at, when known before React Flow's store has it.
  const [zoomedOut, setZoomedOut] = useState(() => isZoomedOut(firstZoom ?? store.getState().transform[2]));
  useEffect(() => {
    const apply = (zoom: number) => startTransition(() => setZoomedOut(isZoomedOut(zoom)));
    apply(store.getState().transform[2]);
    return store.subscribe((s) => apply(s.transform[2]));
  }, [store]);
  return zoomedOut;
}
