import { Meh } from 'lucide-react';
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { setExtraRow } from '../../../doc/commands';
import type { BandHeaderFlowNode } from '../../../canvas/bandNodes';
import { useBoardSession } from '../../../hooks/useBoardSession';
import { useCapabilities } from '../../../hooks/useCapabilities';
import { useT } from '../../../hooks/useT';
import { EMOTION_ICON, scoreToY } from '../../journey/emotionScale';

/** The label of a row under the matrix; for emotions, the emoji scale; extra rows can be hidden. */
export const BandHeaderNode = memo(function BandHeaderNode({ data }: NodeProps<BandHeaderFlowNode>) {
  const t = useT();
  const { doc } = useBoardSession();
  const { canEditStructure } = useCapabilities();
  const name = t(`band.${data.kind}`);
  const extra = data.kind !== 'emotions' && data.kind !== 'painPoints';
  return (
    <div className={`band-header band-header--${data.kind}`}>
      <h2 className="band-header__name">{name}</h2>
      {data.kind === 'emotions' && (
        <ul className="emotion-scale" aria-hidden="true">
          {[2, 1, 0, -1, -2].map((level) => {
            const Face = EMOTION_ICON[level] ?? Meh;
            return (
              <li key={level} style={{ top: scoreToY(level) - 10 }}>
                <Face className="icon" size={15} aria-hidden="true" /> {t(`emotion.scale.${level}` as 'emotion.scale.0')}
              </li>
            );
          })}
        </ul>
      )}
      {extra && canEditStructure && (
        <button
          type="button"
          className="icon-button export-exclude band-header__hide"
          aria-label={t('band.hide', { name })}
          title={t('band.hide', { name })}
          onClick={() => setExtraRow(doc, data.journeyId, data.kind as 'does', false)}
        >
          ✕
        </button>
      )}
    </div>
  );
});
