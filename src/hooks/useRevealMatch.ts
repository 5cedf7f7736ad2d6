import { useCallback } from 'react';
import { useReactFlow } from '@xyflow/react';
import { touchpointNodeId, touchpointOfNode } from '../canvas/nodeIds';
import type { SearchHit } from '../model/search';
import { useUiStore } from '../store';
import { openJourney } from '../sync/route';
import { useCurrentJourney } from './useCurrentJourney';

/** Frames to wait for a match's node to be drawn after switching journey (about a second). */
const WAIT_FRAMES = 60;
/** Zoom at which a card can be read, when the view is further out. */
const READABLE_ZOOM = 0.9;

/** The canvas node that shows a match, if it is on the canvas at all. */
function nodeOf(hit: SearchHit): string | null {
  const kind = hit.kind === 'comment' ? hit.targetKind : hit.kind;
  const cardId = hit.kind === 'comment' ? hit.targetId : hit.id;
  if (kind === 'painPoint' && hit.stageId) return `pain:${hit.stageId}`;
  if (hit.kind === 'laneCard' && hit.stageId) return `stages:${hit.stageId}`;
  return kind === 'touchpoint' && cardId ? touchpointNodeId(cardId) : null;
}

/**
 * Goes to a search match: switches to its journey if it is in another one, then centres the
 * canvas on it; a persona or an action opens its panel, a comment its thread.
 */
export function useRevealMatch(): (hit: SearchHit) => void {
  const flow = useReactFlow();
  const journey = useCurrentJourney();
  const journeyId = journey?.id ?? null;
  return useCallback(
    (hit: SearchHit) => {
      const ui = useUiStore.getState();
      if (hit.kind === 'persona') return ui.openPanel('personas');
      if (hit.kind === 'action') return ui.openPanel('actions');
      if (hit.kind === 'comment' && hit.targetId) ui.openComments(hit.targetId);
      if (hit.journeyId && hit.journeyId !== journeyId) openJourney(hit.journeyId);
      if (hit.kind === 'touchpoint') ui.select(hit.id);
      const nodeId = nodeOf(hit);
      if (!nodeId) return;
      let frames = 0;
      const centre = () => {
        const node = flow.getInternalNode(nodeId);
        if (!node) {
          if (++frames < WAIT_FRAMES) requestAnimationFrame(centre);
          return;
        }
        const { x, y } = node.internals.positionAbsolute;
        const width = node.measured.width ?? node.width ?? 0;
        const height = node.measured.height ?? node.height ?? 0;
        // A pain-point band or a stage header is tall: its top is where the text starts.
        const cy = touchpointOfNode(nodeId) ? y + height / 2 : y + Math.min(height, 120) / 2;
        void flow.setCenter(x + width / 2, cy, { zoom: Math.max(flow.getZoom(), READABLE_ZOOM), duration: 300 });
      };
      centre();
    },
    [flow, journeyId],
  );
}
