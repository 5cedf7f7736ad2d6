import { useSyncExternalStore } from 'react';
import type { BoardSnapshot } from '../model/types';
import { useBoardSession } from './useBoardSession';

/**
 * The board as of its last change that was not only a card's text: what lays the board out
 * and counts it. It does not re-render while people type; a touchpoint's text in it may be
 * older than the card shows (read it with useTouchpoint).
 */
export function useBoardStructure(): BoardSnapshot {
  const { reader } = useBoardSession();
  return useSyncExternalStore(reader.subscribeStructure, reader.getStructureSnapshot);
}
