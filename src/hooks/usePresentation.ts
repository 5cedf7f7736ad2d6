import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { clampStage, PRESENTATION_FIELD } from '../model/presentation';
import { byOrder } from '../model/order';
import type { SavedView } from '../model/types';
import { presentableViews } from '../model/views';
import { useUiStore } from '../store';
import { openJourney } from '../sync/route';
import { useBoardSession } from './useBoardSession';
import { useCurrentJourney } from './useCurrentJourney';
import { usePresentationLead } from './usePresentationLead';
import { usePresentationView } from './usePresentationView';
import { useStageFocus } from './useStageFocus';

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);

export interface PresentationState {
  /** The journey's stages (stage by stage), or the saved views shown (views), in order. */
  stages: { id: string; name: string }[];
  /** The step shown among them, or -1. */
  stage: number;
  /** Whether the steps are saved views. */
  views: boolean;
  /** Saved views left out because their journey was deleted (views only). */
  skipped: SavedView[];
}

/**
 * Runs presentation mode while it is on: full screen where the browser allows it (the page alone
 * otherwise), the journey shown stage by stage, or the saved views one after the other, with the
 * arrow keys, Escape to leave. The presenter's step goes out through presence; someone following
 * applies the facilitator's steps.
 */
export function usePresentation(): PresentationState {
  const { reader, connection } = useBoardSession();
  const awareness = connection.awareness;
  const presenting = useUiStore((s) => s.presenting);
  const stage = useUiStore((s) => s.presentStage);
  const presentViews = useUiStore((s) => s.presentViews) && presenting !== null;
  const journey = useCurrentJourney();
  const lead = usePresentationLead();
  const allStages = useSyncExternalStore(reader.subscribe, () => reader.getSnapshot().stages);
  const allViews = useSyncExternalStore(reader.subscribe, () => reader.getSnapshot().views);
  const journeys = useSyncExternalStore(reader.subscribe, () => reader.getSnapshot().journeys);
  const stages = useMemo(() => allStages.filter((s) => s.journeyId === journey?.id).sort(byOrder), [allStages, journey]);
  const views = useMemo(() => presentableViews(allViews, journeys), [allViews, journeys]);
  const steps = presentViews ? views.shown : stages;
  const shown = presenting && steps.length > 0 ? clampStage(stage, steps.length) : -1;
  const view = presentViews && shown >= 0 ? views.shown[shown]! : null;
  useStageFocus(!presentViews && shown >= 0 ? stages[shown]!.id : null);
  usePresentationView(view);

  // The presenter tells the others what is on screen, and stops telling when done.
  useEffect(() => {
    if (presenting !== 'leading' || !journey) return;
    const step = view ? { journeyId: view.journeyId, viewId: view.id } : { journeyId: journey.id };
    awareness.setLocalStateField(PRESENTATION_FIELD, { ...step, stage: Math.max(0, shown), at: Date.now() });
  }, [awareness, presenting, journey, shown, view]);
  useEffect(() => {
    if (presenting !== 'leading') return;
    return () => awareness.setLocalStateField(PRESENTATION_FIELD, null);
  }, [awareness, presenting]);

  // Someone following goes where the presenter goes; when the presenter stops, so do they.
  useEffect(() => {
    if (presenting !== 'following') return;
    const ui = useUiStore.getState();
    if (!lead) return ui.stopPresentation();
    const viewId = lead.step.viewId;
    if (viewId !== undefined) {
      // A view is found by its id: the list is the same document's, but may be a frame behind.
      const index = views.shown.findIndex((v) => v.id === viewId);
      ui.setPresentViews(true);
      ui.setPresentStage(Math.max(0, index));
      return;
    }
    ui.setPresentViews(false);
    if (lead.step.journeyId !== journey?.id) openJourney(lead.step.journeyId);
    ui.setPresentStage(lead.step.stage);
  }, [presenting, lead, journey, views]);

  // Full screen, and the page without its editing chrome.
  useEffect(() => {
    if (!presenting) return;
    document.body.classList.add('presenting');
    const root = document.documentElement;
    // Refused outside a user gesture or by the browser: the page still fills its window.
    if (root.requestFullscreen && !document.fullscreenElement) root.requestFullscreen().catch(() => {});
    // Leaving full screen the browser's way (its own Escape) leaves the presentation too.
    const onFullscreenChange = () => {
      if (!document.fullscreenElement) useUiStore.getState().stopPresentation();
    };
    document.addEventListener('fullscreenchange', onFullscreenChange);
    return () => {
      document.removeEventListener('fullscreenchange', onFullscreenChange);
      document.body.classList.remove('presenting');
      if (document.fullscreenElement) document.exitFullscreen?.().catch(() => {});
    };
  }, [presenting]);

  // The keys belong to the presentation while it runs, before the canvas sees them.
  useEffect(() => {
    if (!presenting) return;
    const onKeyDown = (e: KeyboardEvent) => {
      const ui = useUiStore.getState();
      if (e.key === 'Escape') ui.stopPresentation();
      else if (ui.presenting === 'leading' && NEXT.has(e.key)) ui.setPresentStage(clampStage(ui.presentStage + 1, steps.length));
      else if (ui.presenting === 'leading' && PREVIOUS.has(e.key)) ui.setPresentStage(clampStage(ui.presentStage - 1, steps.length));
      else return;
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [presenting, steps.length]);

  return { stages: steps, stage: shown, views: presentViews, skipped: presentViews ? views.skipped : [] };
}
