import { useEffect, useRef } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useUiStore } from '../store';
import { setActivity } from '../sync/presence';
import { summonToApply } from '../sync/summon';
import { useBoardSession } from './useBoardSession';
import { useCurrentJourney } from './useCurrentJourney';
import { usePeerActivity } from './usePeerActivity';
import { measureClockOffset, relayNow } from '../sync/relayClock';
import { openJourney } from '../sync/route';

const SEND_EVERY_MS = 50;
/** Views are shared at about 10 Hz: enough to follow someone, light on the room. */
const VIEW_EVERY_MS = 100;

/**
 * Shares this client's pointer, view, edited card and journey through awareness, and applies
 * what others share: whom we follow, and a facilitator's "bring everyone here".
 * Must be used inside the React Flow provider. Returns the pointer handlers for the canvas.
 */
export function useLivePresence(): { onPointerMove(e: React.PointerEvent): void; onPointerLeave(): void } {
  const { connection } = useBoardSession();
  const awareness = connection.awareness;
  const flow = useReactFlow();
  const store = useStoreApi();
  const peers = usePeerActivity();
  const editing = useUiStore((s) => s.editing);
  const following = useUiStore((s) => s.following);
  const journey = useCurrentJourney();
  const lastSent = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Summons are compared on the relay's clock: from when this page joined, then the last applied.
  const joinedAt = useRef(Date.now());
  const lastSummon = useRef<number | null>(null);
  const followedView = useRef('');

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

  // Others editing cards: one map for all nodes.
  useEffect(() => {
    const map: Record<string, string[]> = {};
    for (const p of peers) if (!p.isSelf && p.editing) (map[p.editing] ??= []).push(p.color);
    useUiStore.getState().setPeerEditing(map);
  }, [peers]);

  // Following someone: take their view and journey as they move.
  useEffect(() => {
    if (following === null) return;
    const target = peers.find((p) => p.clientId === following);
    if (!target) {
      useUiStore.getState().setFollowing(null);
      return;
    }
    if (target.journeyId && target.journeyId !== journey?.id) openJourney(target.journeyId, true);
    const v = target.viewport;
    const key = v ? `${Math.round(v.x)},${Math.round(v.y)},${v.zoom.toFixed(3)}` : '';
    if (v && key !== followedView.current) {
      followedView.current = key;
      void flow.setViewport(v, { duration: 150 });
    }
  }, [following, peers, flow, journey?.id]);

  // A facilitator's summon, newer than the last one applied.
  useEffect(() => {
    void measureClockOffset();
  }, []);
  useEffect(() => {
    const now = relayNow();
    const summon = summonToApply(peers, now, lastSummon.current ?? joinedAt.current + (now - Date.now()));
    if (!summon) return;
    lastSummon.current = summon.at;
    if (summon.journeyId) openJourney(summon.journeyId, true);
    void flow.setViewport(summon.viewport, { duration: 300 });
  }, [peers, flow]);

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
