import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { clampStage, PRESENTATION_FIELD } from '../model/presentation';
import { byOrder } from '../model/order';
import { useUiStore } from '../store';
import { openJourney } from '../sync/route';
import { useBoardSession } from './useBoardSession';
import { useCurrentJourney } from './useCurrentJourney';
import { usePresentationLead } from './usePresentationLead';
import { useStageFocus } from './useStageFocus';

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);

/**
 * Runs presentation mode while it is on: full screen where the browser allows it (the page alone
 * otherwise), the journey shown stage by stage with the arrow keys, Escape to leave. The presenter's
 * step goes out through presence; someone following applies the facilitator's steps.
 */
export function usePresentation(): { stages: { id: string; name: string }[]; stage: number } {
  const { reader, connection } = useBoardSession();
  const awareness = connection.awareness;
  const presenting = useUiStore((s) => s.presenting);
  const stage = useUiStore((s) => s.presentStage);
  const journey = useCurrentJourney();
  const lead = usePresentationLead();
  const allStages = useSyncExternalStore(reader.subscribe, () => reader.getSnapshot().stages);
  const stages = useMemo(() => allStages.filter((s) => s.journeyId === journey?.id).sort(byOrder), [allStages, journey]);
  const shown = presenting && stages.length > 0 ? clampStage(stage, stages.length) : -1;
  useStageFocus(shown >= 0 ? stages[shown]!.id : null);

  // The presenter tells the others what is on screen, and stops telling when done.
  useEffect(() => {
    if (presenting !== 'leading' || !journey) return;
    awareness.setLocalStateField(PRESENTATION_FIELD, { journeyId: journey.id, stage: Math.max(0, shown), at: Date.now() });
  }, [awareness, presenting, journey, shown]);
  useEffect(() => {
    if (presenting !== 'leading') return;
    return () => awareness.setLocalStateField(PRESENTATION_FIELD, null);
  }, [awareness, presenting]);

  // Someone following goes where the presenter goes; when the presenter stops, so do they.
  useEffect(() => {
    if (presenting !== 'following') return;
    const ui = useUiStore.getState();
    if (!lead) return ui.stopPresentation();
    if (lead.step.journeyId !== journey?.id) openJourney(lead.step.journeyId);
    ui.setPresentStage(lead.step.stage);
  }, [presenting, lead, journey]);

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
      else if (ui.presenting === 'leading' && NEXT.has(e.key)) ui.setPresentStage(clampStage(ui.presentStage + 1, stages.length));
      else if (ui.presenting === 'leading' && PREVIOUS.has(e.key)) ui.setPresentStage(clampStage(ui.presentStage - 1, stages.length));
      else return;
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [presenting, stages.length]);

  return { stages, stage: shown };
}
