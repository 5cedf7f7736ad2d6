import { useCallback, useRef, useSyncExternalStore } from 'react';
import { presentationLead, type PresentationLead } from '../model/presentation';
import { useBoardSession } from './useBoardSession';

/** The facilitator presenting on this board right now (not ourselves), if anyone. */
export function usePresentationLead(): PresentationLead | null {
  const { connection } = useBoardSession();
  const awareness = connection.awareness;
  const last = useRef<{ key: string; lead: PresentationLead | null }>({ key: '', lead: null });
  const subscribe = useCallback(
    (onChange: () => void) => {
      awareness.on('change', onChange);
      return () => awareness.off('change', onChange);
    },
    [awareness],
  );
  // The same object while the lead is the same, so a cursor moving elsewhere re-renders nothing.
  const getSnapshot = useCallback(() => {
    const lead = presentationLead(awareness.getStates(), awareness.clientID);
    const key = lead
      ? `${lead.clientId}:${lead.name}:${lead.step.journeyId}:${lead.step.stage}:${lead.step.viewId ?? ''}:${lead.step.at}`
      : '';
    if (key !== last.current.key) last.current = { key, lead };
    return last.current.lead;
  }, [awareness]);
  return useSyncExternalStore(subscribe, getSnapshot);
}
