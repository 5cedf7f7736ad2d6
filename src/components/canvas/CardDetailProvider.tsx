import type { ReactNode } from 'react';
import { NearCardsContext } from '../../hooks/useNearView';
import { useTrackNearCards, type FirstView } from '../../hooks/useTrackNearCards';
import { useTrackZoomedOut } from '../../hooks/useTrackZoomedOut';
import { ZoomedOutContext } from '../../hooks/useZoomedOut';
import type { MatrixLayout } from '../../model/layout';

/** Tells the canvas's cards how much of them to draw: how far out the view is, and which cards are near it. */
export function CardDetailProvider({
  layout,
  firstView,
  children,
}: {
  layout: MatrixLayout | null;
  /** The view the canvas opens on, when known before it is drawn. */
  firstView: FirstView | null;
  children: ReactNode;
}) {
  const zoomedOut = useTrackZoomedOut(firstView?.viewport.zoom);
  const near = useTrackNearCards(layout, firstView);
  return (
    <ZoomedOutContext.Provider value={zoomedOut}>
      <NearCardsContext.Provider value={near}>{children}</NearCardsContext.Provider>
    </ZoomedOutContext.Provider>
  );
}
