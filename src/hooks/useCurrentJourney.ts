import { useEffect, useSyncExternalStore } from 'react';
import type { Journey } from '../model/types';
import { useBoardSession } from './useBoardSession';
import { openJourney } from '../sync/route';
import { useJourneyParam } from './useJourneyParam';

/**
 * The journey on screen: the one in the address if it exists, else the board's first. The
 * address is corrected (without a history entry) when it names no journey of this board.
 */
export function useCurrentJourney(): Journey | null {
  const { reader } = useBoardSession();
  // The list of journeys alone, which stays the same object while other records change.
  const journeys = useSyncExternalStore(reader.subscribe, () => reader.getSnapshot().journeys);
  const wanted = useJourneyParam();
  const journey = journeys.find((j) => j.id === wanted) ?? journeys[0] ?? null;
  useEffect(() => {
    if (!journey || journey.id === wanted) return;
    // Every reader of the journey corrects the address in the same commit: the first one does,
    // the others find it done (each history call costs the page a few milliseconds).
    if (new URL(window.location.href).searchParams.get('j') === journey.id) return;
    if (wanted === null) {
      // An address without a journey already shows the first one: writing it down changes
      // nothing on screen, so the readers of the address are not told (that re-rendered the
      // whole board right after it first appeared).
      const url = new URL(window.location.href);
      url.searchParams.set('j', journey.id);
      window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
      return;
    }
    openJourney(journey.id, true);
  }, [journey, wanted]);
  return journey;
}
