import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { setTouchpointText } from '../../../doc/commands';
import { useBoardSession } from '../../../hooks/useBoardSession';
import type { TouchpointFlowNode } from '../../../canvas/matrixNodes';
import { useCapabilities } from '../../../hooks/useCapabilities';
import { useTouchpoint } from '../../../hooks/useTouchpoint';
import { useTouchpointActions } from '../../../hooks/useTouchpointActions';
import { useUiStore } from '../../../store';
import { CardWorkshopBadges } from '../CardWorkshopBadges';
import { TouchpointCard } from '../TouchpointCard';

/**
 * Whether a card shows the same: its place (and so its position, size, stacking) is React
 * Flow's to draw, its content comes from its own record, so only these props matter. A card
 * that moves, or whose neighbours do, is not rendered again.
 */
function sameCard(a: NodeProps<TouchpointFlowNode>, b: NodeProps<TouchpointFlowNode>): boolean {
  return a.data.touchpoint.id === b.data.touchpoint.id && a.data.editing === b.data.editing && a.data.change === b.data.change && a.selected === b.selected;
}

/** A touchpoint card on the canvas, wired to the board's commands and to the card actions. */
export const TouchpointNode = memo(function TouchpointNode({ data, selected }: NodeProps<TouchpointFlowNode>) {
  const { doc } = useBoardSession();
  const { canEdit } = useCapabilities();
  const startEditing = useUiStore((s) => s.startEditing);
  const stopEditing = useUiStore((s) => s.stopEditing);
  const select = useUiStore((s) => s.select);
  const id = data.touchpoint.id;
  // The node only places the card: its text and evaluation come from its own record, so an
  // edit re-renders this card alone. (A deleted card's node goes in the same render.)
  const touchpoint = useTouchpoint(id) ?? { ...data.touchpoint, text: '' };
  const actions = useTouchpointActions(touchpoint);
  // Others editing this card show as an outline in their colours.
  const editors = useUiStore((s) => s.peerEditing[id]);
  return (
    <div className="touchpoint-frame" style={editors ? { boxShadow: editors.map((c, i) => `0 0 0 ${3 * (i + 1)}px ${c}`).join(', ') } : undefined}>
      <TouchpointCard
        touchpoint={touchpoint}
        selected={!!selected}
        editing={data.editing}
        canEdit={canEdit}
        onTextChange={(text) => setTouchpointText(doc, id, text)}
        onStartEditing={() => {
          select(id);
          startEditing({ kind: 'touchpoint', id });
        }}
        onStopEditing={stopEditing}
        actions={actions}
        change={data.change}
        footer={<CardWorkshopBadges targetId={id} kind="touchpoints" journeyId={touchpoint.journeyId} text={touchpoint.text} />}
      />
    </div>
  );
}, sameCard);
