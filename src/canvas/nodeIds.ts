/**
 * The ids of the React Flow nodes that stand for a touchpoint or a cell, built and read back in
 * one place (the canvas, the keyboard shortcuts and the paste target all find nodes by them).
 */
import { cellId, parseCellId, type CellKey } from '../model/layout';

const TOUCHPOINT = 'tp:';
const CELL = 'cell:';

/** The node id of a touchpoint's card. */
export function touchpointNodeId(touchpointId: string): string {
  return TOUCHPOINT + touchpointId;
}

/** The touchpoint a node stands for, or null for any other node. */
export function touchpointOfNode(nodeId: string): string | null {
  return nodeId.startsWith(TOUCHPOINT) && nodeId.length > TOUCHPOINT.length ? nodeId.slice(TOUCHPOINT.length) : null;
}

/** The node id of a cell of the matrix. */
export function cellNodeId(stageId: string, channelId: string): string {
  return CELL + cellId(stageId, channelId);
}

/** The cell a node stands for, or null for any other node. */
export function cellOfNode(nodeId: string): CellKey | null {
  return nodeId.startsWith(CELL) ? parseCellId(nodeId.slice(CELL.length)) : null;
}
