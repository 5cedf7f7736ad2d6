import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { TrayFlowNode } from '../../../canvas/matrixNodes';
import { useT } from '../../../hooks/useT';

/** Where touchpoints whose stage or channel was deleted wait to be placed again. */
export const TrayNode = memo(function TrayNode({ data }: NodeProps<TrayFlowNode>) {
  const t = useT();
  return (
    <div className="tray" role="region" aria-label={t.plural('tray.title', data.count)}>
      <p className="tray__title">{t.plural('tray.title', data.count)}</p>
    </div>
  );
});
