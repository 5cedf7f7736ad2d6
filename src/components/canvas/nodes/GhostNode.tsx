import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { GhostFlowNode } from '../../../canvas/matrixNodes';
import { useT } from '../../../hooks/useT';

/** In compare mode: a touchpoint of the compared journey that this journey no longer has. */
export const GhostNode = memo(function GhostNode({ data }: NodeProps<GhostFlowNode>) {
  const t = useT();
  return (
    <article className="touchpoint touchpoint--ghost" aria-label={t('ghost.label', { text: data.touchpoint.text })}>
      <div className="touchpoint__badge">
        <span className="change-badge change-badge--removed">{t('compare.removed')}</span>
      </div>
      <p className="touchpoint__text">{data.touchpoint.text}</p>
    </article>
  );
});
