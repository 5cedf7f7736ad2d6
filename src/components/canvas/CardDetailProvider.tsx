import type { ReactNode } from 'react';
import { NearCardsContext } from '../../hooks/useNearView';
import { useTrackNearCards } from '../../hooks/useTrackNearCards';
import { useTrackZoomedOut } from '../../hooks/useTrackZoomedOut';
import { ZoomedOutContext } from '../../hooks/useZoomedOut';
import type { MatrixLayout } from '../../model/layout';

/** Tells the canvas's cards how much of them to draw: how far out the view is, and which cards are near it. */
export function CardDetailProvider({ layout, children }: { layout: MatrixLayout | null; children: ReactNode }) {
  const zoomedOut = useTrackZoomedOut();
  const near = useTrackNearCards(layout);
  return (
    <ZoomedOutContext.Provider value={zoomedOut}>
      <NearCardsContext.Provider value={near}>{children}</NearCardsContext.Provider>
    </ZoomedOutContext.Provider>
  );
}
