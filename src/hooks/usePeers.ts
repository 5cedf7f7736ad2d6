import { useCallback, useRef, useSyncExternalStore } from 'react';
import { readPeers, type Peer } from '../sync/presence';
import { useBoardSession } from './boardContext';

function samePeers(a: Peer[], b: Peer[]): boolean {
  return a.length === b.length && a.every((p, i) => p.clientId === b[i]?.clientId && p.name === b[i]?.name && p.color === b[i]?.color && p.role === b[i]?.role);
}

/** Everyone on the board right now (this client first). */
export function usePeers(): Peer[] {
  const { connection } = useBoardSession();
  const awareness = connection.awareness;
  const cache = useRef<Peer[]>([]);
  const subscribe = useCallback(
    (onChange: () => void) => {
      awareness.on('change', onChange);
      return () => awareness.off('change', onChange);
    },
    [awareness],
  );
  const getSnapshot = useCallback(() => {
    const next = readPeers(awareness);
    if (!samePeers(cache.current, next)) cache.current = next;
    return cache.current;
  }, [awareness]);
  return useSyncExternalStore(subscribe, getSnapshot);
}
