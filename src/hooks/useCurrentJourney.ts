import { useEffect } from 'react';
import type { Journey } from '../model/types';
import { useBoard } from './useBoard';
import { openJourney } from '../sync/route';
import { useJourneyParam } from './useJourneyParam';

/**
 * The journey on screen: the one in the address if it exists, else the board's first. The
 * address is corrected (without a history entry) when it names no journey of this board.
 */
export function useCurrentJourney(): Journey | null {
  const board = useBoard();
  const wanted = useJourneyParam();
  const journey = board.journeys.find((j) => j.id === wanted) ?? board.journeys[0] ?? null;
  useEffect(() => {
    if (journey && journey.id !== wanted) openJourney(journey.id, true);
  }, [journey, wanted]);
  return journey;
}
