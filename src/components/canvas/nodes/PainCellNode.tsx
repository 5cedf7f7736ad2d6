import { Link2, Trash2 } from 'lucide-react';
import { memo, useState } from 'react';
import type { NodeProps } from '@xyflow/react';
import { addPainPoint, deletePainPoint, updatePainPoint } from '../../../doc/commands';
import type { PainCellFlowNode } from '../../../canvas/bandNodes';
import { useBoardSession } from '../../../hooks/useBoardSession';
import { useCapabilities } from '../../../hooks/useCapabilities';
import { useT } from '../../../hooks/useT';
import type { PainPoint, Severity } from '../../../model/types';
import { TEXT_LIMITS } from '../../../model/limits';
import { CardTextEditor } from '../CardTextEditor';
import { CardWorkshopBadges } from '../CardWorkshopBadges';
import { PainLinkList } from '../PainLinkList';
import { PainSuggestionList } from '../PainSuggestionList';
import { CommentsButton } from '../../workshop/CommentsButton';

const SEVERITY_ICON: Record<Severity, string> = { 1: '▁', 2: '▃', 3: '▇' };

/** The pain points (irritants) of one stage; red touchpoints are offered as pain points. */
export const PainCellNode = memo(function PainCellNode({ data }: NodeProps<PainCellFlowNode>) {
  const t = useT();
  const { doc } = useBoardSession();
  const { canEdit } = useCapabilities();
  const [offering, setOffering] = useState(false);
  return (
    <div className="band-cell band-cell--pain" role="group" aria-label={`${t('band.painPoints')} — ${data.stageName}`}>
      {data.painPoints.map((p) => (
        <PainCard key={p.id} pain={p} stageId={data.stageId} journeyId={data.journeyId} />
      ))}
      {canEdit && data.suggestions.length > 0 && (
        <div className="pain-suggest export-exclude">
          <button type="button" className="pain-suggest__toggle nodrag" aria-expanded={offering} onClick={() => setOffering(!offering)}>
            {t('pain.suggest', { count: data.suggestions.length })}
          </button>
          {offering && <PainSuggestionList touchpointIds={data.suggestions.map((s) => s.id)} />}
        </div>
      )}
      {canEdit && (
        <button
          type="button"
          className="band-cell__add export-exclude nodrag"
          aria-label={t('pain.add', { stage: data.stageName })}
          title={t('pain.add', { stage: data.stageName })}
          onClick={() => addPainPoint(doc, data.journeyId, data.stageId)}
        >
          +
        </button>
      )}
    </div>
  );
});

function PainCard({ pain, stageId, journeyId }: { pain: PainPoint; stageId: string; journeyId: string }) {
  const t = useT();
  const { doc } = useBoardSession();
  const { canEdit } = useCapabilities();
  const [linking, setLinking] = useState(false);
  const next = ((pain.severity % 3) + 1) as Severity;
  const severity = `${t('pain.severity')} : ${t(`pain.severity.${pain.severity}`)}`;
  return (
    <div className={`pain-card pain-card--${pain.severity}`}>
      {canEdit ? (
        <button
          type="button"
          className="pain-card__severity nodrag"
          aria-label={severity}
          title={severity}
          onClick={() => updatePainPoint(doc, pain.id, { severity: next })}
        >
          <span aria-hidden="true">{SEVERITY_ICON[pain.severity]}</span> {t(`pain.severity.${pain.severity}`)}
        </button>
      ) : (
        <p className="pain-card__severity" title={severity}>
          <span aria-hidden="true">{SEVERITY_ICON[pain.severity]}</span> <span className="visually-hidden">{t('pain.severity')} : </span>
          {t(`pain.severity.${pain.severity}`)}
        </p>
      )}
      <CardTextEditor
        value={pain.text}
        label={t('band.painPoints')}
        placeholder={t('pain.placeholder')}
        autoEdit={!pain.text}
        readOnly={!canEdit}
        maxLength={TEXT_LIMITS.painPointText}
        onCommit={(text) => updatePainPoint(doc, pain.id, { text })}
      />
      <CardWorkshopBadges targetId={pain.id} kind="painPoints" journeyId={journeyId} text={pain.text} />
      <div className="pain-card__meta export-exclude">
        <CommentsButton targetId={pain.id} />
        {canEdit && (
          <>
            <button
              type="button"
              className="icon-button nodrag"
              aria-expanded={linking}
              onClick={() => setLinking(!linking)}
              title={t.plural('pain.links', pain.touchpointIds.length)}
            >
              <Link2 className="icon" size={15} aria-hidden="true" /> {pain.touchpointIds.length}
            </button>
            <button
              type="button"
              className="icon-button icon-button--danger nodrag"
              aria-label={t('pain.delete')}
              title={t('pain.delete')}
              onClick={() => deletePainPoint(doc, pain.id)}
            >
              <Trash2 className="icon" size={15} aria-hidden="true" />
            </button>
          </>
        )}
      </div>
      {canEdit && linking && <PainLinkList pain={pain} stageId={stageId} journeyId={journeyId} />}
    </div>
  );
}
