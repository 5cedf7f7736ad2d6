import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { TitleFlowNode } from '../../../canvas/matrixNodes';
import { Legend } from '../Legend';

/** The band above the matrix: the board's title and the colour legend (also on the exported image). */
export const TitleNode = memo(function TitleNode({ data }: NodeProps<TitleFlowNode>) {
  return (
    <div className="title-band">
      <p className="title-band__title">{data.title}</p>
      <Legend />
    </div>
  );
});
