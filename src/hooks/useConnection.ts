import { useSyncExternalStore } from 'react';
import type { ConnectionState } from '../sync/connection';
import { useBoardSession } from './useBoardSession';

/** The live connection status of the current board. */
export function useConnection(): ConnectionState {
  const { connection } = useBoardSession();
  return useSyncExternalStore(connection.subscribe, connection.getState);
}
