import { useCallback, useRef, useSyncExternalStore } from 'react';
import { useBoardSession } from './useBoardSession';

export interface UndoState {
  canUndo: boolean;
  canRedo: boolean;
}

/** Whether there is something of mine to undo or redo. */
export function useUndoState(): UndoState {
  const { undo } = useBoardSession();
  const cache = useRef<UndoState>({ canUndo: false, canRedo: false });
  const subscribe = useCallback(
    (onChange: () => void) => {
      const events = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const;
      for (const e of events) undo.on(e, onChange);
      return () => {
        for (const e of events) undo.off(e, onChange);
      };
    },
    [undo],
  );
  const getSnapshot = useCallback(() => {
    const next = { canUndo: undo.canUndo(), canRedo: undo.canRedo() };
    if (next.canUndo !== cache.current.canUndo || next.canRedo !== cache.current.canRedo) cache.current = next;
    return cache.current;
  }, [undo]);
  return useSyncExternalStore(subscribe, getSnapshot);
}
