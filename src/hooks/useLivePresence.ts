import { useEffect, useRef } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useUiStore } from '../store';
import { setActivity } from '../sync/presence';
import { useBoardSession } from './useBoardSession';
import { useCurrentJourney } from './useCurrentJourney';

const SEND_EVERY_MS = 50;
/** Views are shared at about 10 Hz: enough to follow someone, light on the room. */
const VIEW_EVERY_MS = 100;

/**
 * Shares this client's pointer, view, edited card and journey through awareness (what others
 * share is applied by useApplyPresence). It reads nobody's presence, so the canvas that uses it
 * does not re-render when someone moves. Must be used inside the React Flow provider. Returns
 * the pointer handlers for the canvas.
 */
export function useLivePresence(): { onPointerMove(e: React.PointerEvent): void; onPointerLeave(): void } {
  const { connection } = useBoardSession();
  const awareness = connection.awareness;
  const flow = useReactFlow();
  const store = useStoreApi();
  const editing = useUiStore((s) => s.editing);
  const journey = useCurrentJourney();
  const lastSent = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);

  // My edited card and journey.
  useEffect(() => {
    setActivity(awareness, 'editing', editing && editing.kind === 'touchpoint' ? editing.id : null);
  }, [awareness, editing]);
  useEffect(() => {
    setActivity(awareness, 'journeyId', journey?.id ?? null);
  }, [awareness, journey?.id]);

  // My view, at most VIEW_EVERY_MS apart (panning changes it every frame; the last one is always sent).
  useEffect(() => {
    let last = '';
    let sentAt = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const send = () => {
      timer = null;
      sentAt = Date.now();
      const [x, y, zoom] = store.getState().transform;
      setActivity(awareness, 'viewport', { x, y, zoom });
    };
    const unsubscribe = store.subscribe((s) => {
      const [x, y, zoom] = s.transform;
      const key = `${Math.round(x)},${Math.round(y)},${zoom.toFixed(3)}`;
      if (key === last) return;
      last = key;
      const wait = VIEW_EVERY_MS - (Date.now() - sentAt);
      if (wait <= 0) send();
      else timer ??= setTimeout(send, wait);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [awareness, store]);

  return {
    onPointerMove(e) {
      const send = () => {
        pending.current = null;
        lastSent.current = Date.now();
        const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
        setActivity(awareness, 'cursor', { x: Math.round(p.x), y: Math.round(p.y) });
      };
      const wait = SEND_EVERY_MS - (Date.now() - lastSent.current);
      if (wait <= 0) send();
      else if (!pending.current) pending.current = setTimeout(send, wait);
    },
    onPointerLeave() {
      if (pending.current) clearTimeout(pending.current);
      pending.current = null;
      setActivity(awareness, 'cursor', null);
    },
  };
}
