import { useMemo, useSyncExternalStore } from 'react';
import { activeFilterCount, filtersReadText, matchingCards } from '../model/cardFilters';
import { useBoardSession } from './useBoardSession';
import { useCurrentJourney } from './useCurrentJourney';
import { useFilters } from './useFilters';

export interface CardMatches {
  /** Whether any filter is set. */
  active: boolean;
  /** The cards of the journey on screen that pass the filters. */
  matching: ReadonlySet<string>;
  /** How many cards the journey has. */
  total: number;
}

/** Which cards of the journey on screen pass this person's filters, re-read as the board changes. */
export function useCardMatches(): CardMatches {
  const { reader, workshop } = useBoardSession();
  const { filters } = useFilters();
  // Unless a filter reads the cards' texts, typing in a card changes no match: no re-render then.
  const readsText = filtersReadText(filters);
  const board = useSyncExternalStore(
    readsText ? reader.subscribe : reader.subscribeStructure,
    readsText ? reader.getSnapshot : reader.getStructureSnapshot,
  );
  const shared = useSyncExternalStore(workshop.subscribe, workshop.getSnapshot);
  const journey = useCurrentJourney();
  return useMemo(() => {
    const journeyId = journey?.id ?? '';
    const total = board.touchpoints.filter((t) => t.journeyId === journeyId).length;
    const active = activeFilterCount(filters) > 0;
    return { active, matching: active ? matchingCards(board, shared, journeyId, filters) : new Set<string>(), total };
  }, [board, shared, journey, filters]);
}
