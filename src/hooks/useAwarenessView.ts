import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { useBoardSession } from './useBoardSession';

/**
 * A view of the board's awareness (presence), re-read on every change but handed out as the
 * same object while its JSON stays the same, so components re-render only on real changes.
 */
export function useAwarenessView<T>(read: (awareness: Awareness) => T): T {
  const { connection } = useBoardSession();
  const awareness = connection.awareness;
  const cache = useRef<{ json: string; value: T } | null>(null);
  const subscribe = useCallback(
    (onChange: () => void) => {
      awareness.on('change', onChange);
      return () => awareness.off('change', onChange);
    },
    [awareness],
  );
  const getSnapshot = useCallback(() => {
    const next = read(awareness);
    const json = JSON.stringify(next);
    if (cache.current?.json !== json) cache.current = { json, value: next };
    return cache.current.value;
  }, [awareness, read]);
  return useSyncExternalStore(subscribe, getSnapshot);
}
