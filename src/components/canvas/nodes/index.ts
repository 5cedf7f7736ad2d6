import type { NodeTypes } from '@xyflow/react';
import { AddLaneNode } from './AddLaneNode';
import { BandHeaderNode } from './BandHeaderNode';
import { CompareSummaryNode } from './CompareSummaryNode';
import { EmotionNode } from './EmotionNode';
import { GhostNode } from './GhostNode';
import { LaneCellNode } from './LaneCellNode';
import { PainCellNode } from './PainCellNode';
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
  bandHeader: BandHeaderNode,
  emotions: EmotionNode,
  painCell: PainCellNode,
  laneCell: LaneCellNode,
  ghost: GhostNode,
  compareSummary: CompareSummaryNode,
};
