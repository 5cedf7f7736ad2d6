import { memo, useDeferredValue } from 'react';
import type { NodeProps } from '@xyflow/react';
import { drawnWhole } from '../../../canvas/cardDetail';
import type { TouchpointFlowNode } from '../../../canvas/matrixNodes';
import { useNearView } from '../../../hooks/useNearView';
import { useTouchpoint } from '../../../hooks/useTouchpoint';
import { useZoomedOut } from '../../../hooks/useZoomedOut';
import { useUiStore } from '../../../store';
import { LiveTouchpointCard } from '../LiveTouchpointCard';
import { TouchpointBlock } from '../TouchpointBlock';

/**
 * Whether a card shows the same: its place (and so its position, size, stacking) is React
 * Flow's to draw, its content comes from its own record, so only these props matter. A card
 * that moves, or whose neighbours do, is not rendered again.
 */
function sameCard(a: NodeProps<TouchpointFlowNode>, b: NodeProps<TouchpointFlowNode>): boolean {
  return (
    a.data.touchpoint.id === b.data.touchpoint.id &&
    a.data.editing === b.data.editing &&
    a.data.change === b.data.change &&
    a.selected === b.selected
  );
}

/**
 * A touchpoint card on the canvas: drawn whole when it can be read (in or near a readable
 * view, or edited), else as a plain block, so a board of thousands of cards draws only the few
 * that are looked at.
 */
export const TouchpointNode = memo(function TouchpointNode({ data, selected }: NodeProps<TouchpointFlowNode>) {
  const id = data.touchpoint.id;
  // The node only places the card: its text and evaluation come from its own record, so an
  // edit re-renders this card alone. (A deleted card's node goes in the same render.)
  const touchpoint = useTouchpoint(id) ?? { ...data.touchpoint, text: '' };
  // Others editing this card show as an outline in their colours.
  const editors = useUiStore((s) => s.peerEditing[id]);
  const zoomedOut = useZoomedOut();
  const nearView = useNearView(id);
  // Cards change their drawing in a deferred render, which React spreads over several frames:
  // panning a row of cards into view never stalls a frame (the zoom comes in a transition
  // already). Opening the editor is at once.
  const whole = useDeferredValue(drawnWhole({ zoomedOut, nearView })) || data.editing;
  return (
    <div
      className="touchpoint-frame"
      style={editors ? { boxShadow: editors.map((c, i) => `0 0 0 ${3 * (i + 1)}px ${c}`).join(', ') } : undefined}
    >
      {whole ? (
        <LiveTouchpointCard touchpoint={touchpoint} selected={!!selected} editing={data.editing} change={data.change} />
      ) : (
        <TouchpointBlock touchpoint={touchpoint} selected={!!selected} change={data.change} />
      )}
    </div>
  );
}, sameCard);
