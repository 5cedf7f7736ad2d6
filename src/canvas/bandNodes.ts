/** React Flow nodes of the rows under the matrix: emotions, pain points, extra rows. */
import type { Node } from '@xyflow/react';
import { LAYOUT, type BandKind, type MatrixLayout } from '../model/layout';
import { laneCardKey, type JourneyAround } from '../model/matrix';
import type { LaneCard, PainPoint, Stage, Touchpoint } from '../model/types';

export type BandHeaderFlowNode = Node<{ kind: BandKind; journeyId: string }, 'bandHeader'>;
export type EmotionFlowNode = Node<
  {
    journeyId: string;
    stages: Pick<Stage, 'id' | 'name'>[];
    scores: (number | null)[];
    words: string[];
    /** The compared journey's scores, matched by stage, when comparing. */
    compareScores: (number | null)[] | null;
  },
  'emotions'
>;
export type PainCellFlowNode = Node<
  { journeyId: string; stageId: string; stageName: string; painPoints: PainPoint[]; suggestions: Touchpoint[] },
  'painCell'
>;
export type LaneCellFlowNode = Node<
  { journeyId: string; stageId: string; stageName: string; row: BandKind; cards: LaneCard[] },
  'laneCell'
>;

export type BandNode = BandHeaderFlowNode | EmotionFlowNode | PainCellFlowNode | LaneCellFlowNode;

type Sized = (x: number, y: number, width: number, height: number) => Pick<Node, 'position' | 'width' | 'height' | 'measured' | 'style'>;

/** Nodes of every band of the layout. */
export function buildBandNodes(
  layout: MatrixLayout,
  journeyId: string,
  stages: readonly Stage[],
  around: JourneyAround,
  compareScores: (number | null)[] | null,
  sized: Sized,
): BandNode[] {
  const nodes: BandNode[] = [];
  const names = new Map(stages.map((s) => [s.id, s.name]));
  const fixed = { draggable: false, selectable: false } as const;
  for (const band of layout.bands) {
    nodes.push({
      id: `band:${band.kind}`,
      type: 'bandHeader',
      ...sized(0, band.y, LAYOUT.channelHeaderWidth, band.height),
      data: { kind: band.kind, journeyId },
      ...fixed,
    });
    if (band.kind === 'emotions') {
      nodes.push({
        id: 'emotions',
        type: 'emotions',
        ...sized(LAYOUT.channelHeaderWidth, band.y, band.width - LAYOUT.channelHeaderWidth, band.height),
        data: {
          journeyId,
          stages: stages.map((s) => ({ id: s.id, name: s.name })),
          scores: stages.map((s) => around.emotions.get(s.id)?.score ?? null),
          words: stages.map((s) => around.emotions.get(s.id)?.words ?? ''),
          compareScores,
        },
        ...fixed,
      });
      continue;
    }
    for (const cell of band.cells) {
      const base = { journeyId, stageId: cell.stageId, stageName: names.get(cell.stageId) ?? '' };
      if (band.kind === 'painPoints') {
        nodes.push({
          id: `pain:${cell.stageId}`,
          type: 'painCell',
          ...sized(cell.x, cell.y, cell.width, cell.height),
          data: {
            ...base,
            painPoints: around.painByStage.get(cell.stageId) ?? [],
            suggestions: around.redUnlinked.get(cell.stageId) ?? [],
          },
          ...fixed,
        });
      } else {
        nodes.push({
          id: `row:${band.kind}:${cell.stageId}`,
          type: 'laneCell',
          ...sized(cell.x, cell.y, cell.width, cell.height),
          data: { ...base, row: band.kind, cards: around.laneCards.get(laneCardKey(band.kind, cell.stageId)) ?? [] },
          ...fixed,
        });
      }
    }
  }
  return nodes;
}
