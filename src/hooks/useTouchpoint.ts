import { useCallback, useSyncExternalStore } from 'react';
import type { Touchpoint } from '../model/types';
import { useBoardSession } from './useBoardSession';

/** One touchpoint as it is now, re-read when that touchpoint changes and only then; null once deleted. */
export function useTouchpoint(id: string): Touchpoint | null {
  const { reader } = useBoardSession();
  const subscribe = useCallback((onChange: () => void) => reader.subscribeRecord('touchpoints', id, onChange), [reader, id]);
  return useSyncExternalStore(subscribe, () => reader.getRecord('touchpoints', id));
}
