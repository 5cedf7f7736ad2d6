import type { NodeTypes } from '@xyflow/react';
import { AddLaneNode } from './AddLaneNode';
import { CellNode } from './CellNode';
import { CornerNode } from './CornerNode';
import { LaneNode } from './LaneNode';
import { TitleNode } from './TitleNode';
import { TouchpointNode } from './TouchpointNode';
import { TrayNode } from './TrayNode';

/** Declared once at module level so React Flow never sees a new object. */
export const nodeTypes: NodeTypes = {
  title: TitleNode,
  corner: CornerNode,
  lane: LaneNode,
  cell: CellNode,
  touchpoint: TouchpointNode,
  addLane: AddLaneNode,
  tray: TrayNode,
};
