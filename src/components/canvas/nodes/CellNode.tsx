import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { addTouchpoint } from '../../../doc/commands';
import { useBoardSession } from '../../../hooks/useBoardSession';
import type { CellFlowNode } from '../../../canvas/matrixNodes';
import { useCapabilities } from '../../../hooks/useCapabilities';
import { useT } from '../../../hooks/useT';
import { useUiStore } from '../../../store';

/** One cell of the matrix: double-click (or click with the add tool) to add a touchpoint. */
export const CellNode = memo(function CellNode({ data }: NodeProps<CellFlowNode>) {
  const t = useT();
  const { doc } = useBoardSession();
  const tool = useUiStore((s) => s.tool);
  const { canEdit } = useCapabilities();
  const add = () => {
    if (!canEdit) return;
    const id = addTouchpoint(doc, { journeyId: data.journeyId, stageId: data.stageId, channelId: data.channelId });
    const ui = useUiStore.getState();
    ui.setTool('select');
    ui.select(id);
    ui.startEditing({ kind: 'touchpoint', id });
  };
  const names = { stage: data.stageName, channel: data.channelName };
  return (
    <div
      className={`cell${data.isDropTarget ? ' cell--drop' : ''}${tool === 'addTouchpoint' ? ' cell--armed' : ''}`}
      role="group"
      aria-label={t('cell.label', names)}
      onDoubleClick={(e) => {
        e.stopPropagation();
        add();
      }}
      onClick={() => {
        if (useUiStore.getState().tool === 'addTouchpoint') add();
      }}
    >
      {canEdit && (
        <button
          type="button"
          className="cell__add export-exclude"
          aria-label={t('cell.add', names)}
          title={t('cell.hint')}
          onClick={(e) => {
            e.stopPropagation();
            add();
          }}
        >
          +
        </button>
      )}
    </div>
  );
});
