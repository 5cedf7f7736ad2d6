import { useSyncExternalStore } from 'react';
import { useBoardSession } from './useBoardSession';

/** Whether the board is connected to the relay right now; a plain boolean, so only a change re-renders. */
export function useOnline(): boolean {
  const { connection } = useBoardSession();
  return useSyncExternalStore(connection.subscribe, () => connection.getState().status === 'connected');
}
