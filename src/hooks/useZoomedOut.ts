import { createContext, useContext } from 'react';

/** Whether the canvas is zoomed out past the readable zoom: provided by the canvas (useTrackZoomedOut). */
export const ZoomedOutContext = createContext(false);

/** Whether the canvas this component is drawn in is zoomed out past where a card can be read. */
export function useZoomedOut(): boolean {
  return useContext(ZoomedOutContext);
}
