import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { addLaneCard, deleteLaneCard, setLaneCardText } from '../../../doc/commands';
import type { LaneCellFlowNode } from '../../../canvas/bandNodes';
import { useBoardSession } from '../../../hooks/useBoardSession';
import { useCapabilities } from '../../../hooks/useCapabilities';
import { useT } from '../../../hooks/useT';
import type { ExtraRowKind } from '../../../model/types';
import { TEXT_LIMITS } from '../../../model/limits';
import { CardTextEditor } from '../CardTextEditor';

/** The short cards of one extra row (does / thinks / needs / opportunities) under one stage. */
export const LaneCellNode = memo(function LaneCellNode({ data }: NodeProps<LaneCellFlowNode>) {
  const t = useT();
  const { doc } = useBoardSession();
  const { canEdit } = useCapabilities();
  const row = data.row as ExtraRowKind;
  const rowName = t(`band.${row}`);
  return (
    <div className={`band-cell band-cell--${row}`} role="group" aria-label={`${rowName} — ${data.stageName}`}>
      {data.cards.map((card) => (
        <div key={card.id} className={`lane-card lane-card--${row}`}>
          <CardTextEditor
            value={card.text}
            label={t('laneCard.text')}
            placeholder={t('laneCard.placeholder')}
            autoEdit={!card.text}
            readOnly={!canEdit}
            maxLength={TEXT_LIMITS.laneCardText}
            onCommit={(text) => setLaneCardText(doc, card.id, text)}
          />
          {canEdit && (
            <button
              type="button"
              className="icon-button icon-button--danger lane-card__delete export-exclude nodrag"
              aria-label={t('laneCard.delete')}
              title={t('laneCard.delete')}
              onClick={() => deleteLaneCard(doc, card.id)}
            >
              ✕
            </button>
          )}
        </div>
      ))}
      {canEdit && (
        <button
          type="button"
          className="band-cell__add export-exclude nodrag"
          aria-label={t('laneCard.add', { row: rowName, stage: data.stageName })}
          title={t('laneCard.add', { row: rowName, stage: data.stageName })}
          onClick={() => addLaneCard(doc, data.journeyId, data.stageId, row)}
        >
          +
        </button>
      )}
    </div>
  );
});
