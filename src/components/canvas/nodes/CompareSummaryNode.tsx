import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { CompareSummaryFlowNode } from '../../../canvas/matrixNodes';
import { useT } from '../../../hooks/useT';
import { CHANGE_KINDS, countChanges, hasChange, type ChangeKind } from '../../../model/compare';
import { EVALUATION_STYLE } from '../evaluationStyle';

/** The order of the figures over the list: what appeared and went first, then what changed. */
const COUNT_ORDER: readonly ChangeKind[] = ['added', 'removed', 'reevaluated', 'reworded'];

/** The list of what changed between the two compared journeys (on screen and on the export). */
export const CompareSummaryNode = memo(function CompareSummaryNode({ data }: NodeProps<CompareSummaryFlowNode>) {
  const t = useT();
  const counts = countChanges(data.changes);
  const first = (kinds: readonly ChangeKind[]) => CHANGE_KINDS.indexOf(kinds[0]!);
  const sorted = [...data.changes].sort((a, b) => first(a.kinds) - first(b.kinds));
  const evaluation = (e: keyof typeof EVALUATION_STYLE) => `${EVALUATION_STYLE[e].icon} ${t(EVALUATION_STYLE[e].label)}`;
  return (
    <section className="compare-summary nowheel" aria-label={t('compare.title', { base: data.baseName, other: data.otherName })}>
      <h2>{t('compare.title', { base: data.baseName, other: data.otherName })}</h2>
      <p className="muted">{COUNT_ORDER.map((k) => t.plural(`compare.count.${k}`, counts[k])).join(' · ')}</p>
      {sorted.length === 0 ? (
        <p>{t('compare.empty')}</p>
      ) : (
        <ul>
          {sorted.map((c) => (
            <li key={`${c.kinds[0]}:${c.touchpoint.id}`}>
              {c.kinds.map((k) => (
                <span key={k} className={`change-badge change-badge--${k}`}>
                  {t(`compare.${k}`)}
                </span>
              ))}{' '}
              <span className="compare-summary__text">{c.touchpoint.text || '…'}</span>
              <span className="compare-summary__where muted"> — {t('compare.where', { stage: c.stageName, channel: c.channelName })}</span>
              {c.before && hasChange(c, 'reworded') && (
                <span className="compare-summary__detail">
                  {t('compare.textChange', { before: c.before.text, after: c.touchpoint.text })}
                </span>
              )}
              {c.before && hasChange(c, 'reevaluated') && (
                <span className="compare-summary__detail">
                  {t('compare.evaluationChange', {
                    before: evaluation(c.before.evaluation ?? 'none'),
                    after: evaluation(c.touchpoint.evaluation ?? 'none'),
                  })}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
