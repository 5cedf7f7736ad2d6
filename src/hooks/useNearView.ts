import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { NearCards } from '../canvas/nearCards';

/** The cards near the canvas's view: provided by the canvas (useTrackNearCards). */
export const NearCardsContext = createContext<NearCards | null>(null);

const always = () => () => {};

/**
 * Whether card `id` is in or near the view of the canvas it is drawn in; re-rendered only when
 * that answer changes. Outside a canvas that tracks it (a test, a poster), every card is near.
 */
export function useNearView(id: string): boolean {
  const near = useContext(NearCardsContext);
  const subscribe = useCallback((onChange: () => void) => near?.subscribe(id, onChange) ?? (() => {}), [near, id]);
  return useSyncExternalStore(near ? subscribe : always, () => near?.isNear(id) ?? true);
}
