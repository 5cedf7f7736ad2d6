import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { addLane } from '../../../doc/commands';
import { useBoardSession } from '../../../hooks/useBoardSession';
import type { AddLaneFlowNode } from '../../../canvas/matrixNodes';
import { useCapabilities } from '../../../hooks/useCapabilities';
import { useT } from '../../../hooks/useT';
import { useUiStore } from '../../../store';

/** The "+" at the end of the stage headers or of the channel headers. */
export const AddLaneNode = memo(function AddLaneNode({ data }: NodeProps<AddLaneFlowNode>) {
  const t = useT();
  const { doc } = useBoardSession();
  const { canEditStructure } = useCapabilities();
  const isStage = data.kind === 'stages';
  const label = t(isStage ? 'stage.add' : 'channel.add');
  if (!canEditStructure) return null;
  return (
    <button
      type="button"
      className={`add-lane add-lane--${data.kind}`}
      aria-label={label}
      title={label}
      onClick={() => {
        const id = addLane(doc, data.kind, data.journeyId, t(isStage ? 'stage.newName' : 'channel.newName'));
        useUiStore.getState().startEditing({ kind: data.kind, id });
      }}
    >
      <span aria-hidden="true">+</span>
      {!isStage && <span className="add-lane__text">{label}</span>}
    </button>
  );
});
