import { useSyncExternalStore } from 'react';
import type { BoardSnapshot } from '../model/types';
import { useBoardSession } from './useBoardSession';

/** The board as plain objects, re-read after every change (local or remote). */
export function useBoard(): BoardSnapshot {
  const { reader } = useBoardSession();
  return useSyncExternalStore(reader.subscribe, reader.getSnapshot);
}
