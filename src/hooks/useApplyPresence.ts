import { useEffect, useRef } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useUiStore } from '../store';
import { measureClockOffset, relayNow } from '../sync/relayClock';
import { openJourney } from '../sync/route';
import { summonToApply } from '../sync/summon';
import { useCurrentJourney } from './useCurrentJourney';
import { usePeerActivity } from './usePeerActivity';

/**
 * Applies what the others share through awareness: the cards they edit (outlined in their
 * colours), whom this person follows, and a facilitator's "bring everyone here". It re-renders
 * with every move of anyone, so it belongs in a small component (the cursors layer), never in
 * the canvas itself. Must be used inside the React Flow provider.
 */
export function useApplyPresence(): void {
  const flow = useReactFlow();
  const peers = usePeerActivity();
  const following = useUiStore((s) => s.following);
  const journey = useCurrentJourney();
  // Summons are compared on the relay's clock: from when this page joined, then the last applied.
  const joinedAt = useRef(Date.now());
  const lastSummon = useRef<number | null>(null);
  const followedView = useRef('');

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
}
