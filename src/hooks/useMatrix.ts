import { useMemo, useState, useSyncExternalStore } from 'react';
import { compareJourneys } from '../model/compare';
import { layoutMatrix, type BandSpec, type MatrixLayout } from '../model/layout';
import { journeyAround, journeyMatrix, type JourneyMatrix } from '../model/matrix';
import type { BoardSnapshot, Journey, Touchpoint } from '../model/types';
import { useUiStore } from '../store';
import { dropTarget, type DragState, type DropTarget } from '../canvas/drag';
import { createMatrixDerivation } from '../canvas/matrixDerivation';
import { withDrag, type CompareInput, type MatrixNode } from '../canvas/matrixNodes';
import { useBoardSession } from './useBoardSession';
import { useCurrentJourney } from './useCurrentJourney';

export type { DragState } from '../canvas/drag';

export interface MatrixView {
  journeyId: string | null;
  matrix: JourneyMatrix | null;
  layout: MatrixLayout | null;
  nodes: MatrixNode[];
  /** Where the card being dragged would land, highlighted on the canvas. */
  drop: DropTarget | null;
}

/** What changed from journey `baseId` to the one on screen, shaped for the canvas. */
function comparison(board: BoardSnapshot, baseId: string, journey: Journey, matrix: JourneyMatrix) {
  const base = board.journeys.find((j) => j.id === baseId);
  if (!base || base.id === journey.id) return null;
  const result = compareJourneys(board, base.id, journey.id);
  const cellCards = new Map<string, Touchpoint[]>(matrix.cellCards);
  const ghosts: Touchpoint[] = [];
  for (const [key, removed] of result.removedByCell) {
    cellCards.set(key, [...(cellCards.get(key) ?? []), ...removed]);
    ghosts.push(...removed);
  }
  // The base journey's emotion scores, placed under the matching stages of this journey.
  const baseStages = board.stages.filter((s) => s.journeyId === base.id);
  const scoreOf = new Map(board.emotions.filter((e) => e.journeyId === base.id).map((e) => [e.stageId, e.score]));
  const scores = matrix.stages.map((s) => {
    const match =
      baseStages.find((b) => b.id === s.sourceId) ?? baseStages.find((b) => b.name.trim().toLowerCase() === s.name.trim().toLowerCase());
    return match ? (scoreOf.get(match.id) ?? null) : null;
  });
  const input: CompareInput = {
    baseName: base.name,
    otherName: journey.name,
    changes: result.changes,
    byTouchpoint: result.byTouchpoint,
    ghosts,
    scores,
  };
  return { input, cellCards };
}

/**
 * The open journey's matrix, its layout and its React Flow nodes (unchanged nodes keep their
 * identity). It follows the board's structure, not what only a card shows: while people type,
 * the cards re-render themselves and nothing here runs. Comparing two journeys reads texts
 * (what was reworded), so then it follows every change.
 */
export function useMatrix(drag: DragState | null): MatrixView {
  const { reader } = useBoardSession();
  const compareWith = useUiStore((s) => s.compareWith);
  const board = useSyncExternalStore(
    compareWith ? reader.subscribe : reader.subscribeStructure,
    compareWith ? reader.getSnapshot : reader.getStructureSnapshot,
  );
  const editing = useUiStore((s) => s.editing);
  const selectedId = useUiStore((s) => s.selectedId);
  const [derive] = useState(createMatrixDerivation);
  const journey = useCurrentJourney();
  const journeyId = journey?.id ?? null;
  const matrix = useMemo(() => (journeyId ? journeyMatrix(board, journeyId) : null), [board, journeyId]);
  const around = useMemo(() => (matrix && journeyId ? journeyAround(board, journeyId, matrix.stages) : null), [board, journeyId, matrix]);
  const compare = useMemo(
    () => (compareWith && journey && matrix ? comparison(board, compareWith, journey, matrix) : null),
    [board, compareWith, journey, matrix],
  );
  const layout = useMemo(() => {
    if (!matrix || !around || !journey) return null;
    const count = (groups: Map<string, unknown[]>, prefix = '') =>
      new Map(matrix.stages.map((s) => [s.id, groups.get(`${prefix}${s.id}`)?.length ?? 0]));
    const bands: BandSpec[] = [
      { kind: 'emotions' },
      {
        kind: 'painPoints',
        counts: new Map(
          matrix.stages.map((s) => [
            s.id,
            (around.painByStage.get(s.id)?.length ?? 0) + Math.min(1, around.redUnlinked.get(s.id)?.length ?? 0),
          ]),
        ),
      },
      ...journey.extraRows.map((row) => ({ kind: row, counts: count(around.laneCards, `${row}|`) })),
    ];
    return layoutMatrix(matrix.stages, matrix.channels, compare?.cellCards ?? matrix.cellCards, matrix.unplaced, bands);
  }, [matrix, around, journey, compare]);
  const drop = useMemo(() => (drag && layout && matrix ? dropTarget(layout, matrix.cellCards, drag) : null), [drag, layout, matrix]);
  const dropCellId = drop?.cellId ?? null;
  const nodes = useMemo(() => {
    if (!matrix || !layout || !journeyId || !around) return [];
    const editingKey = editing && 'id' in editing ? editing : null;
    return derive({
      title: board.meta.title,
      journeyId,
      matrix,
      layout,
      editing: editingKey,
      selectedId,
      dropCellId,
      around,
      compare: compare?.input ?? null,
    });
  }, [derive, board.meta.title, journeyId, matrix, layout, editing, selectedId, dropCellId, around, compare]);
  const shown = useMemo(() => withDrag(nodes, drag), [nodes, drag]);
  return { journeyId, matrix, layout, nodes: shown, drop };
}
