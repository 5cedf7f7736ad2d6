/** The React Flow nodes of a journey's matrix: types and the pure builder. */
import type { Node } from '@xyflow/react';
import { LAYOUT, cellId, parseCellId, type MatrixLayout } from '../model/layout';
import type { TouchpointChange } from '../model/compare';
import type { StageHealth } from '../model/health';
import type { JourneyAround, JourneyMatrix } from '../model/matrix';
import type { Channel, Kpi, LaneKind, Stage, Touchpoint } from '../model/types';
import { buildBandNodes, type BandNode } from './bandNodes';
import { cardNode, sized, type CardMemo, type TouchpointFlowNode } from './cardNodes';
import { cellNodeId, touchpointNodeId } from './nodeIds';

export type { CardPlace, TouchpointFlowNode } from './cardNodes';

export const TITLE_BAND_HEIGHT = 96;

export type TitleFlowNode = Node<{ title: string }, 'title'>;
export type CornerFlowNode = Node<Record<string, never>, 'corner'>;
export interface StageDetails {
  kpis: Kpi[];
  health: StageHealth | null;
}
export type LaneFlowNode = Node<
  {
    kind: LaneKind;
    lane: Stage | Channel;
    index: number;
    isLast: boolean;
    cardCount: number;
    editing: boolean;
    details: StageDetails | null;
  },
  'lane'
>;
export type CellFlowNode = Node<
  { journeyId: string; stageId: string; channelId: string; stageName: string; channelName: string; isDropTarget: boolean },
  'cell'
>;
/** A touchpoint of the compared journey that the journey on screen no longer has. */
export type GhostFlowNode = Node<{ touchpoint: Touchpoint }, 'ghost'>;
export type CompareSummaryFlowNode = Node<{ changes: TouchpointChange[]; baseName: string; otherName: string }, 'compareSummary'>;
export type AddLaneFlowNode = Node<{ kind: LaneKind; journeyId: string; count: number }, 'addLane'>;
export type TrayFlowNode = Node<{ count: number }, 'tray'>;

export type MatrixNode =
  | TitleFlowNode
  | CornerFlowNode
  | LaneFlowNode
  | CellFlowNode
  | TouchpointFlowNode
  | AddLaneFlowNode
  | TrayFlowNode
  | GhostFlowNode
  | CompareSummaryFlowNode
  | BandNode;

export interface CompareInput {
  baseName: string;
  otherName: string;
  changes: TouchpointChange[];
  byTouchpoint: Map<string, TouchpointChange>;
  /** Touchpoints of the compared journey that this one no longer has, shown as ghosts in their cells. */
  ghosts: Touchpoint[];
  scores: (number | null)[];
}

export interface BuildInput {
  title: string;
  journeyId: string;
  matrix: JourneyMatrix;
  layout: MatrixLayout;
  editing: { kind: string; id?: string } | null;
  selectedId: string | null;
  dropCellId: string | null;
  around: JourneyAround;
  compare: CompareInput | null;
  /** Where the card nodes of the previous build are kept, to be handed back when unchanged. */
  cards?: CardMemo;
}

/** Every node of the matrix, positioned by the layout. */
export function buildMatrixNodes(input: BuildInput): MatrixNode[] {
  const { matrix, layout, editing, journeyId } = input;
  const nodes: MatrixNode[] = [];
  const isEditing = (kind: string, id: string) => editing?.kind === kind && editing.id === id;
  nodes.push({
    id: 'title',
    type: 'title',
    ...sized(0, -TITLE_BAND_HEIGHT, Math.max(layout.width - LAYOUT.addLaneSize, 720), TITLE_BAND_HEIGHT - 16),
    data: { title: input.title },
    draggable: false,
    selectable: false,
  });
  nodes.push({
    id: 'corner',
    type: 'corner',
    ...sized(0, 0, LAYOUT.channelHeaderWidth, LAYOUT.stageHeaderHeight),
    data: {},
    draggable: false,
    selectable: false,
  });
  const stageCounts = new Map<string, number>();
  const channelCounts = new Map<string, number>();
  for (const [key, cards] of matrix.cellCards) {
    const cell = parseCellId(key);
    if (!cell) continue;
    stageCounts.set(cell.stageId, (stageCounts.get(cell.stageId) ?? 0) + cards.length);
    channelCounts.set(cell.channelId, (channelCounts.get(cell.channelId) ?? 0) + cards.length);
  }
  const lanes = (kind: LaneKind, rects: MatrixLayout['stages'] | MatrixLayout['channels'], counts: Map<string, number>) =>
    rects.forEach((r, index) => {
      const { x, y, width, height, ...lane } = r;
      nodes.push({
        id: `${kind}:${lane.id}`,
        type: 'lane',
        ...sized(x, y, width, height),
        data: {
          kind,
          lane,
          index,
          isLast: index === rects.length - 1,
          cardCount: counts.get(lane.id) ?? 0,
          editing: isEditing(kind, lane.id),
          details:
            kind === 'stages'
              ? { kpis: input.around.kpisByStage.get(lane.id) ?? [], health: input.around.health.get(lane.id) ?? null }
              : null,
        },
        draggable: false,
        selectable: false,
      });
    });
  lanes('stages', layout.stages, stageCounts);
  lanes('channels', layout.channels, channelCounts);
  const stageNames = new Map(matrix.stages.map((s) => [s.id, s.name]));
  const channelNames = new Map(matrix.channels.map((c) => [c.id, c.name]));
  for (const cell of layout.cells) {
    const id = cellId(cell.stageId, cell.channelId);
    nodes.push({
      id: cellNodeId(cell.stageId, cell.channelId),
      type: 'cell',
      ...sized(cell.x, cell.y, cell.width, cell.height),
      data: {
        journeyId,
        stageId: cell.stageId,
        channelId: cell.channelId,
        stageName: stageNames.get(cell.stageId) ?? '',
        channelName: channelNames.get(cell.channelId) ?? '',
        isDropTarget: input.dropCellId === id,
      },
      draggable: false,
      selectable: false,
      zIndex: 0,
    });
  }
  nodes.push({
    id: 'add:stages',
    type: 'addLane',
    ...sized(
      LAYOUT.channelHeaderWidth + layout.stages.length * LAYOUT.stageWidth + 8,
      8,
      LAYOUT.addLaneSize - 16,
      LAYOUT.stageHeaderHeight - 16,
    ),
    data: { kind: 'stages', journeyId, count: layout.stages.length },
    draggable: false,
    selectable: false,
    className: 'export-exclude',
  });
  nodes.push({
    id: 'add:channels',
    type: 'addLane',
    ...sized(8, layout.matrixBottom + 8, LAYOUT.channelHeaderWidth - 16, LAYOUT.addLaneSize - 16),
    data: { kind: 'channels', journeyId, count: layout.channels.length },
    draggable: false,
    selectable: false,
    className: 'export-exclude',
  });
  if (layout.tray) {
    nodes.push({
      id: 'tray',
      type: 'tray',
      ...sized(layout.tray.x, layout.tray.y, layout.tray.width, layout.tray.height),
      data: { count: matrix.unplaced.length },
      draggable: false,
      selectable: false,
      zIndex: 0,
    });
  }
  nodes.push(...buildBandNodes(layout, journeyId, matrix.stages, input.around, input.compare?.scores ?? null, sized));
  const compare = input.compare;
  if (compare) {
    nodes.push({
      id: 'compareSummary',
      type: 'compareSummary',
      ...sized(layout.width + 24, 0, 360, Math.max(LAYOUT.stageHeaderHeight + 200, layout.matrixBottom)),
      data: { changes: compare.changes, baseName: compare.baseName, otherName: compare.otherName },
      draggable: false,
      selectable: false,
    });
  }
  const card = input.cards?.node ?? cardNode;
  const addCards = (cards: readonly Touchpoint[]) =>
    cards.forEach((t) => {
      const rect = layout.cards.get(t.id);
      if (!rect) return;
      const change = compare?.byTouchpoint.get(t.id) ?? null;
      nodes.push(card({ touchpoint: t, rect, editing: isEditing('touchpoint', t.id), selected: input.selectedId === t.id, change }));
    });
  for (const cards of matrix.cellCards.values()) addCards(cards);
  addCards(matrix.unplaced);
  for (const t of compare?.ghosts ?? []) {
    const rect = layout.cards.get(t.id);
    if (rect)
      nodes.push({
        id: `ghost:${t.id}`,
        type: 'ghost',
        ...sized(rect.x, rect.y, rect.width, rect.height),
        data: { touchpoint: t },
        draggable: false,
        selectable: false,
        zIndex: 5,
      });
  }
  return nodes;
}

/** Equal values: the same, or plain objects / arrays whose members are equal (nodes hold small, acyclic data). */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  return isPlain(a) && isPlain(b) && shallowEqual(a, b);
}

function shallowEqual(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => sameValue(a[k], b[k]));
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Map) && !(v instanceof Set);
}

/**
 * Reuses the previous node object wherever nothing about it changed, so that one remote edit
 * re-renders one card rather than the whole board.
 */
export function reuseUnchanged(previous: ReadonlyMap<string, MatrixNode>, next: MatrixNode[]): MatrixNode[] {
  return next.map((node) => {
    const old = previous.get(node.id);
    return old && (old === node || shallowEqual(old as unknown as Record<string, unknown>, node as unknown as Record<string, unknown>))
      ? old
      : node;
  });
}

/**
 * The nodes with one card moved to where it is being dragged. Only that node changes, so a
 * drag costs one node update per pointer move, whatever the size of the board.
 */
export function withDrag(nodes: MatrixNode[], drag: { id: string; x: number; y: number } | null): MatrixNode[] {
  if (!drag) return nodes;
  const id = touchpointNodeId(drag.id);
  return nodes.map((n) => (n.id === id ? { ...n, position: { x: drag.x, y: drag.y }, zIndex: 1000 } : n));
}
