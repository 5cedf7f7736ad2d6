import { useSyncExternalStore } from 'react';
import type { WorkshopSnapshot } from '../model/workshop';
import { useBoardSession } from './useBoardSession';

/** The workshop state (comments, votes, timer, lock), re-read after every change. */
export function useWorkshop(): WorkshopSnapshot {
  const { workshop } = useBoardSession();
  return useSyncExternalStore(workshop.subscribe, workshop.getSnapshot);
}
