/** Geometry of the channel × stage matrix: where every header, cell and card goes. */
import type { Channel, ExtraRowKind, Stage, Touchpoint } from './types';

export const LAYOUT = {
  channelHeaderWidth: 190,
  stageHeaderHeight: 118,
  stageWidth: 264,
  cardWidth: 236,
  cardHeight: 92,
  cardGap: 10,
  cellPadding: 14,
  addLaneSize: 56,
  trayGap: 40,
  bandGap: 24,
  emotionBandHeight: 210,
  painCardHeight: 66,
  laneCardHeight: 50,
  bandAddRoom: 34,
} as const;

/** The rows under the matrix: the emotion curve, the pain points, and the optional extra rows. */
export type BandKind = 'emotions' | 'painPoints' | ExtraRowKind;

export interface BandSpec {
  kind: BandKind;
  /** Cards per stage id (not used by the emotion band). */
  counts?: ReadonlyMap<string, number>;
}

export interface BandCell extends Rect {
  stageId: string;
}

export interface BandLayout extends Rect {
  kind: BandKind;
  cells: BandCell[];
}

/** Height of a band holding at most `count` cards in one stage. */
export function bandHeightFor(kind: BandKind, count: number): number {
  if (kind === 'emotions') return LAYOUT.emotionBandHeight;
  const card = kind === 'painPoints' ? LAYOUT.painCardHeight : LAYOUT.laneCardHeight;
  return 2 * LAYOUT.cellPadding + count * (card + LAYOUT.cardGap) + LAYOUT.bandAddRoom;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CellKey {
  stageId: string;
  channelId: string;
}

export interface CellLayout extends CellKey, Rect {}

export interface MatrixLayout {
  stages: (Stage & Rect)[];
  channels: (Channel & Rect)[];
  cells: CellLayout[];
  cards: Map<string, Rect>;
  /** Cards whose stage or channel no longer exists, laid out in a tray below the matrix. */
  tray: Rect | null;
  /** The rows under the matrix, in order. */
  bands: BandLayout[];
  /** Where the matrix itself ends (before the "add a channel" button and the bands). */
  matrixBottom: number;
  width: number;
  height: number;
}

/** The id under which a cell's touchpoints are grouped (record ids never hold `|`). */
export function cellId(stageId: string, channelId: string): string {
  return `${stageId}|${channelId}`;
}

/** The stage and channel of a cell id made by `cellId`, or null for anything else. */
export function parseCellId(id: string): CellKey | null {
  const bar = id.indexOf('|');
  return bar > 0 && bar < id.length - 1 ? { stageId: id.slice(0, bar), channelId: id.slice(bar + 1) } : null;
}

function cardOffset(index: number): number {
  return LAYOUT.cellPadding + index * (LAYOUT.cardHeight + LAYOUT.cardGap);
}

/** Height of a cell holding `count` cards (always room for one more). */
export function cellHeightFor(count: number): number {
  return cardOffset(Math.max(count, 0)) + LAYOUT.cardHeight * 0.4 + LAYOUT.cellPadding;
}

/**
 * Lays out the matrix. `cellCards` maps cellId -> touchpoints of that cell, already sorted;
 * `unplaced` are touchpoints whose lane is gone.
 */
export function layoutMatrix(
  stages: readonly Stage[],
  channels: readonly Channel[],
  cellCards: ReadonlyMap<string, readonly Touchpoint[]>,
  unplaced: readonly Touchpoint[],
  bandSpecs: readonly BandSpec[] = [],
): MatrixLayout {
  const cards = new Map<string, Rect>();
  const stageRects = stages.map((stage, i) => ({
    ...stage,
    x: LAYOUT.channelHeaderWidth + i * LAYOUT.stageWidth,
    y: 0,
    width: LAYOUT.stageWidth,
    height: LAYOUT.stageHeaderHeight,
  }));
  const cells: CellLayout[] = [];
  const channelRects: (Channel & Rect)[] = [];
  let y = LAYOUT.stageHeaderHeight;
  for (const channel of channels) {
    let most = 0;
    for (const stage of stages) most = Math.max(most, cellCards.get(cellId(stage.id, channel.id))?.length ?? 0);
    const height = cellHeightFor(most);
    channelRects.push({ ...channel, x: 0, y, width: LAYOUT.channelHeaderWidth, height });
    for (const stage of stageRects) {
      cells.push({ stageId: stage.id, channelId: channel.id, x: stage.x, y, width: LAYOUT.stageWidth, height });
      const list = cellCards.get(cellId(stage.id, channel.id)) ?? [];
      list.forEach((card, index) => {
        cards.set(card.id, {
          x: stage.x + (LAYOUT.stageWidth - LAYOUT.cardWidth) / 2,
          y: y + cardOffset(index),
          width: LAYOUT.cardWidth,
          height: LAYOUT.cardHeight,
        });
      });
    }
    y += height;
  }
  const matrixWidth = LAYOUT.channelHeaderWidth + stages.length * LAYOUT.stageWidth + LAYOUT.addLaneSize;
  const matrixBottom = y;
  let height = y + LAYOUT.addLaneSize;
  const bands: BandLayout[] = [];
  if (bandSpecs.length > 0 && stages.length > 0) height += LAYOUT.bandGap - LAYOUT.addLaneSize / 2;
  for (const spec of bandSpecs) {
    let most = 0;
    for (const stage of stages) most = Math.max(most, spec.counts?.get(stage.id) ?? 0);
    const bandHeight = bandHeightFor(spec.kind, most);
    bands.push({
      kind: spec.kind,
      x: 0,
      y: height,
      width: matrixWidth - LAYOUT.addLaneSize,
      height: bandHeight,
      cells: stageRects.map((s) => ({ stageId: s.id, x: s.x, y: height, width: LAYOUT.stageWidth, height: bandHeight })),
    });
    height += bandHeight;
  }
  let tray: Rect | null = null;
  if (unplaced.length > 0) {
    const perRow = Math.max(1, Math.floor((matrixWidth - LAYOUT.channelHeaderWidth) / LAYOUT.stageWidth));
    const rows = Math.ceil(unplaced.length / perRow);
    const top = height + LAYOUT.trayGap;
    tray = { x: 0, y: top, width: matrixWidth, height: 48 + rows * (LAYOUT.cardHeight + LAYOUT.cardGap) + LAYOUT.cellPadding };
    unplaced.forEach((card, i) => {
      cards.set(card.id, {
        x: LAYOUT.channelHeaderWidth + (i % perRow) * LAYOUT.stageWidth + (LAYOUT.stageWidth - LAYOUT.cardWidth) / 2,
        y: top + 48 + Math.floor(i / perRow) * (LAYOUT.cardHeight + LAYOUT.cardGap),
        width: LAYOUT.cardWidth,
        height: LAYOUT.cardHeight,
      });
    });
    height = tray.y + tray.height;
  }
  return { stages: stageRects, channels: channelRects, cells, cards, tray, bands, matrixBottom, width: matrixWidth, height };
}

/** The cell under a point of the canvas, or null outside the grid. */
export function cellAt(layout: MatrixLayout, x: number, y: number): CellLayout | null {
  return layout.cells.find((c) => x >= c.x && x < c.x + c.width && y >= c.y && y < c.y + c.height) ?? null;
}

/** The position in a cell's list that a card dropped with its top edge at `y` should take. */
export function indexInCell(cell: Rect, y: number, count: number): number {
  const slot = (y - cell.y - LAYOUT.cellPadding + LAYOUT.cardHeight / 2) / (LAYOUT.cardHeight + LAYOUT.cardGap);
  return Math.max(0, Math.min(count, Math.floor(slot)));
}
