import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { deleteTouchpoint, painPointFromTouchpoint, setMomentOfTruth, setTouchpointEvaluation, setTouchpointText } from '../../doc/commands';
import { useBoardSession } from '../../hooks/boardContext';
import type { TouchpointNode as TouchpointNodeType } from '../../hooks/matrixNodes';
import { useUiStore } from '../../store';
import { TouchpointCard } from '../TouchpointCard';

/** A touchpoint card on the canvas, wired to the board's commands. */
export const TouchpointNode = memo(function TouchpointNode({ data, selected }: NodeProps<TouchpointNodeType>) {
  const { doc } = useBoardSession();
  const startEditing = useUiStore((s) => s.startEditing);
  const stopEditing = useUiStore((s) => s.stopEditing);
  const select = useUiStore((s) => s.select);
  const id = data.touchpoint.id;
  return (
    <TouchpointCard
      touchpoint={data.touchpoint}
      selected={!!selected}
      editing={data.editing}
      onTextChange={(text) => setTouchpointText(doc, id, text)}
      onEvaluate={(evaluation) => setTouchpointEvaluation(doc, id, evaluation)}
      onStartEditing={() => {
        select(id);
        startEditing({ kind: 'touchpoint', id });
      }}
      onStopEditing={stopEditing}
      onDelete={() => {
        select(null);
        deleteTouchpoint(doc, id);
      }}
      onToggleMoment={() => setMomentOfTruth(doc, id, !data.touchpoint.momentOfTruth)}
      onMakePainPoint={() => painPointFromTouchpoint(doc, id)}
      change={data.change}
    />
  );
});
