import { useCallback, useRef, useSyncExternalStore } from 'react';
import { readActivity, type PeerActivity } from '../sync/presence';
import { useBoardSession } from './boardContext';

/** What everyone is doing (cursors, views, edited cards); changes often: use it in few places. */
export function usePeerActivity(): PeerActivity[] {
  const { connection } = useBoardSession();
  const awareness = connection.awareness;
  const cache = useRef<{ json: string; value: PeerActivity[] }>({ json: '[]', value: [] });
  const subscribe = useCallback(
    (onChange: () => void) => {
      awareness.on('change', onChange);
      return () => awareness.off('change', onChange);
    },
    [awareness],
  );
  const getSnapshot = useCallback(() => {
    const next = readActivity(awareness);
    const json = JSON.stringify(next);
    if (json !== cache.current.json) cache.current = { json, value: next };
    return cache.current.value;
  }, [awareness]);
  return useSyncExternalStore(subscribe, getSnapshot);
}
