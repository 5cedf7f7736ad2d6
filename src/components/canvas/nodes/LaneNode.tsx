import { Trash2 } from 'lucide-react';
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { deleteLane, moveLane, renameLane } from '../../../doc/commands';
import { useBoardSession } from '../../../hooks/useBoardSession';
import type { LaneFlowNode } from '../../../canvas/matrixNodes';
import { useCapabilities } from '../../../hooks/useCapabilities';
import { useT } from '../../../hooks/useT';
import { useUiStore } from '../../../store';
import { TEXT_LIMITS } from '../../../model/limits';
import { InlineNameEditor } from '../../ui/InlineNameEditor';
import { StageDetailsLine } from '../../journey/StageDetailsLine';

/** A stage header (column) or channel header (row): rename, reorder, delete. */
export const LaneNode = memo(function LaneNode({ data }: NodeProps<LaneFlowNode>) {
  const t = useT();
  const { doc, boardId } = useBoardSession();
  const { canEditStructure } = useCapabilities();
  const startEditing = useUiStore((s) => s.startEditing);
  const stopEditing = useUiStore((s) => s.stopEditing);
  const askConfirm = useUiStore((s) => s.askConfirm);
  const { kind, lane, index, isLast, cardCount } = data;
  const name = lane.name;
  const isStage = kind === 'stages';
  const p = { name };
  const remove = () => {
    if (cardCount === 0) deleteLane(doc, kind, lane.id);
    else
      askConfirm({
        message: t.plural(isStage ? 'stage.confirmDelete' : 'channel.confirmDelete', cardCount, p),
        onConfirm: () => deleteLane(doc, kind, lane.id),
      });
  };
  return (
    <div className={`lane lane--${kind}`} role="group" aria-label={`${t(isStage ? 'stage.label' : 'channel.label')} ${name}`}>
      {data.editing && canEditStructure ? (
        <InlineNameEditor
          value={name}
          label={t('lane.nameLabel')}
          maxLength={TEXT_LIMITS.laneName}
          keepDraft={{ boardId, target: { kind: 'lane', lane: kind, id: lane.id } }}
          onCommit={(v) => {
            renameLane(doc, kind, lane.id, v);
            stopEditing();
          }}
          onCancel={stopEditing}
        />
      ) : (
        <h2 className="lane__name" onDoubleClick={() => canEditStructure && startEditing({ kind, id: lane.id })} title={name}>
          {name}
        </h2>
      )}
      {data.details && <StageDetailsLine owner={lane.owner} details={data.details} name={name} stageId={lane.id} />}
      {canEditStructure && (
        <div className="lane__actions export-exclude">
          <button
            type="button"
            className="icon-button"
            disabled={index === 0}
            aria-label={t(isStage ? 'stage.moveLeft' : 'channel.moveUp', p)}
            title={t(isStage ? 'stage.moveLeft' : 'channel.moveUp', p)}
            onClick={() => moveLane(doc, kind, lane.id, index - 1)}
          >
            {isStage ? '◀' : '▲'}
          </button>
          <button
            type="button"
            className="icon-button"
            disabled={isLast}
            aria-label={t(isStage ? 'stage.moveRight' : 'channel.moveDown', p)}
            title={t(isStage ? 'stage.moveRight' : 'channel.moveDown', p)}
            onClick={() => moveLane(doc, kind, lane.id, index + 1)}
          >
            {isStage ? '▶' : '▼'}
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={t(isStage ? 'stage.rename' : 'channel.rename', p)}
            title={t(isStage ? 'stage.rename' : 'channel.rename', p)}
            onClick={() => startEditing({ kind, id: lane.id })}
          >
            ✎
          </button>
          <button
            type="button"
            className="icon-button icon-button--danger"
            aria-label={t(isStage ? 'stage.delete' : 'channel.delete', p)}
            title={t(isStage ? 'stage.delete' : 'channel.delete', p)}
            onClick={remove}
          >
            <Trash2 className="icon" size={15} aria-hidden="true" />
          </button>
        </div>
      )}
    </div>
  );
});
