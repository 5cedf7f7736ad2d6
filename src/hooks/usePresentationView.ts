import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { CardFilters } from '../model/cardFilters';
import type { SavedView } from '../model/types';
import { openJourney } from '../sync/route';
import { useBoardSession } from './useBoardSession';
import { useCurrentJourney } from './useCurrentJourney';
import { useFilters } from './useFilters';

/** Frames to wait for the view's journey to be drawn (after switching journey). */
const WAIT_FRAMES = 60;
/** Frames left to the canvas after its journey is drawn, so its own first view comes before ours. */
const SETTLE_FRAMES = 3;

/**
 * Shows a saved view while presenting: its journey opened, the canvas fitted to its rectangle,
 * its filters applied. The filters this person had are put back when the views end, so
 * presenting never leaves someone else's way of looking behind.
 */
export function usePresentationView(view: SavedView | null): void {
  const flow = useReactFlow();
  const { reader } = useBoardSession();
  const journey = useCurrentJourney();
  const { filters, setFilters } = useFilters();
  const stages = useSyncExternalStore(reader.subscribe, () => reader.getSnapshot().stages);
  const current = useRef(filters);
  current.current = filters;
  const before = useRef<CardFilters | null>(null);

  // The view's filters while views are shown; the person's own again after.
  useEffect(() => {
    if (!view) {
      if (before.current) setFilters(before.current);
      before.current = null;
      return;
    }
    if (!before.current) before.current = current.current;
    setFilters(view.filters);
  }, [view, setFilters]);

  const onItsJourney = !!view && journey?.id === view.journeyId;
  useEffect(() => {
    if (view && !onItsJourney) openJourney(view.journeyId);
  }, [view, onItsJourney]);

  const stageIds = stages.filter((s) => s.journeyId === view?.journeyId).map((s) => `stages:${s.id}`);
  const firstStage = stageIds[0] ?? null;
  useEffect(() => {
    if (!view || !onItsJourney) return;
    let frames = 0;
    let settled = 0;
    let handle = 0;
    const fit = () => {
      // A journey without stages has nothing to wait for.
      const drawn = firstStage === null || flow.getInternalNode(firstStage) !== undefined;
      if (!drawn && ++frames < WAIT_FRAMES) {
        handle = requestAnimationFrame(fit);
        return;
      }
      if (++settled < SETTLE_FRAMES) {
        handle = requestAnimationFrame(fit);
        return;
      }
      void flow.fitBounds(view.rect, { padding: 0, duration: 400 });
    };
    fit();
    return () => cancelAnimationFrame(handle);
  }, [flow, view, onItsJourney, firstStage]);
}
