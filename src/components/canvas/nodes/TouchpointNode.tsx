import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { setTouchpointText } from '../../../doc/commands';
import { useBoardSession } from '../../../hooks/useBoardSession';
import type { TouchpointFlowNode } from '../../../canvas/matrixNodes';
import { useCapabilities } from '../../../hooks/useCapabilities';
import { useTouchpointActions } from '../../../hooks/useTouchpointActions';
import { useUiStore } from '../../../store';
import { CardWorkshopBadges } from '../CardWorkshopBadges';
import { TouchpointCard } from '../TouchpointCard';

/** A touchpoint card on the canvas, wired to the board's commands and to the card actions. */
export const TouchpointNode = memo(function TouchpointNode({ data, selected }: NodeProps<TouchpointFlowNode>) {
  const { doc } = useBoardSession();
  const { canEdit } = useCapabilities();
  const startEditing = useUiStore((s) => s.startEditing);
  const stopEditing = useUiStore((s) => s.stopEditing);
  const select = useUiStore((s) => s.select);
  const id = data.touchpoint.id;
  const actions = useTouchpointActions(data.touchpoint);
  // Others editing this card show as an outline in their colours.
  const editors = useUiStore((s) => s.peerEditing[id]);
  return (
    <div className="touchpoint-frame" style={editors ? { boxShadow: editors.map((c, i) => `0 0 0 ${3 * (i + 1)}px ${c}`).join(', ') } : undefined}>
      <TouchpointCard
        touchpoint={data.touchpoint}
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
        footer={<CardWorkshopBadges targetId={id} kind="touchpoints" journeyId={data.touchpoint.journeyId} text={data.touchpoint.text} />}
      />
    </div>
  );
});
