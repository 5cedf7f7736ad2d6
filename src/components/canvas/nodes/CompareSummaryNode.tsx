import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { CompareSummaryFlowNode } from '../../../canvas/matrixNodes';
import { useT } from '../../../hooks/useT';
import type { ChangeKind } from '../../../model/compare';
import { EVALUATION_STYLE } from '../evaluationStyle';

const ORDER: ChangeKind[] = ['added', 'reevaluated', 'reworded', 'removed'];

/** The list of what changed between the two compared journeys (on screen and on the export). */
export const CompareSummaryNode = memo(function CompareSummaryNode({ data }: NodeProps<CompareSummaryFlowNode>) {
  const t = useT();
  const counts = { added: 0, removed: 0, reevaluated: 0, reworded: 0 };
  for (const c of data.changes) counts[c.kind]++;
  const sorted = [...data.changes].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
  return (
    <section className="compare-summary nowheel" aria-label={t('compare.title', { base: data.baseName, other: data.otherName })}>
      <h2>{t('compare.title', { base: data.baseName, other: data.otherName })}</h2>
      <p className="muted">{t('compare.counts', counts)}</p>
      {sorted.length === 0 ? (
        <p>{t('compare.empty')}</p>
      ) : (
        <ul>
          {sorted.map((c) => (
            <li key={`${c.kind}:${c.touchpoint.id}`}>
              <span className={`change-badge change-badge--${c.kind}`}>{t(`compare.${c.kind}`)}</span>{' '}
              <span className="compare-summary__text">{c.touchpoint.text || '…'}</span>
              {c.kind === 'reevaluated' && c.before && (
                <span className="compare-summary__eval">
                  {' '}
                  ({EVALUATION_STYLE[c.before.evaluation ?? 'none'].icon} → {EVALUATION_STYLE[c.touchpoint.evaluation ?? 'none'].icon})
                </span>
              )}
              {c.kind === 'reworded' && c.before && <span className="compare-summary__before"> « {c.before.text} »</span>}
              <span className="compare-summary__where muted"> — {t('compare.where', { stage: c.stageName, channel: c.channelName })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
