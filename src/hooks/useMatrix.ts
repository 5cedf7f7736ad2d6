import { useMemo, useRef } from 'react';
import { layoutMatrix, type MatrixLayout } from '../model/layout';
import { journeyMatrix, type JourneyMatrix } from '../model/matrix';
import { useUiStore } from '../store';
import { buildMatrixNodes, reuseUnchanged, type MatrixNode } from './matrixNodes';
import { useBoard } from './useBoard';
import { useCurrentJourney } from './useCurrentJourney';

export interface DragState {
  id: string;
  x: number;
  y: number;
}

export interface MatrixView {
  journeyId: string | null;
  matrix: JourneyMatrix | null;
  layout: MatrixLayout | null;
  nodes: MatrixNode[];
}

/** The open journey's matrix, its layout and its React Flow nodes (unchanged nodes keep their identity). */
export function useMatrix(drag: DragState | null): MatrixView {
  const board = useBoard();
  const editing = useUiStore((s) => s.editing);
  const selectedId = useUiStore((s) => s.selectedId);
  const dropCellId = useUiStore((s) => s.dropCellId);
  const cache = useRef(new Map<string, MatrixNode>());
  const journeyId = useCurrentJourney()?.id ?? null;
  const matrix = useMemo(() => (journeyId ? journeyMatrix(board, journeyId) : null), [board, journeyId]);
  const layout = useMemo(
    () => (matrix ? layoutMatrix(matrix.stages, matrix.channels, matrix.cellCards, matrix.unplaced) : null),
    [matrix],
  );
  const nodes = useMemo(() => {
    if (!matrix || !layout || !journeyId) return [];
    const editingKey = editing && 'id' in editing ? editing : null;
    const next = reuseUnchanged(
      cache.current,
      buildMatrixNodes({ title: board.meta.title, journeyId, matrix, layout, editing: editingKey, selectedId, dropCellId, drag }),
    );
    cache.current = new Map(next.map((n) => [n.id, n]));
    return next;
  }, [board.meta.title, journeyId, matrix, layout, editing, selectedId, dropCellId, drag]);
  return { journeyId, matrix, layout, nodes };
}
