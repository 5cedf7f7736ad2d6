import { describe, expect, it } from 'vitest';
import { LAYOUT, cellAt, cellHeightFor, cellId, indexInCell, layoutMatrix, type Rect } from '../../src/model/layout';
import type { Channel, Stage, Touchpoint } from '../../src/model/types';

const stages: Stage[] = ['s1', 's2', 's3'].map((id, i) => ({ id, journeyId: 'j', name: id, order: String(i + 1), owner: '' }));
const channels: Channel[] = ['c1', 'c2'].map((id, i) => ({ id, journeyId: 'j', name: id, order: String(i + 1), owner: '' }));

function cards(stageId: string, channelId: string, count: number, prefix = `${stageId}-${channelId}`): Touchpoint[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${i}`,
    journeyId: 'j',
    stageId,
    channelId,
    text: '',
    evaluation: null,
    order: String(i + 1),
    momentOfTruth: false,
  }));
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function inside(inner: Rect, outer: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

describe('layoutMatrix', () => {
  const cellCards = new Map([
    [cellId('s1', 'c1'), cards('s1', 'c1', 4)],
    [cellId('s2', 'c1'), cards('s2', 'c1', 1)],
    [cellId('s3', 'c2'), cards('s3', 'c2', 2)],
  ]);
  const layout = layoutMatrix(stages, channels, cellCards, []);

  it('places stages left to right and channels top to bottom, in the given order', () => {
    expect(layout.stages.map((s) => s.id)).toEqual(['s1', 's2', 's3']);
    expect(layout.stages[1]!.x).toBeGreaterThan(layout.stages[0]!.x);
    expect(layout.channels.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(layout.channels[1]!.y).toBe(layout.channels[0]!.y + layout.channels[0]!.height);
    expect(layout.cells).toHaveLength(6);
  });

  it('grows every cell of a row to fit the fullest cell of that row', () => {
    const row1 = layout.cells.filter((c) => c.channelId === 'c1');
    const row2 = layout.cells.filter((c) => c.channelId === 'c2');
    expect(new Set(row1.map((c) => c.height))).toEqual(new Set([cellHeightFor(4)]));
    expect(new Set(row2.map((c) => c.height))).toEqual(new Set([cellHeightFor(2)]));
    expect(cellHeightFor(4)).toBeGreaterThan(cellHeightFor(2));
    expect(cellHeightFor(1)).toBeGreaterThan(cellHeightFor(0));
  });

  it('keeps every card inside its cell, with room left for one more', () => {
    for (const cell of layout.cells) {
      const list = cellCards.get(cellId(cell.stageId, cell.channelId)) ?? [];
      for (const card of list) expect(inside(layout.cards.get(card.id)!, cell)).toBe(true);
      const last = list.at(-1);
      const bottom = last ? layout.cards.get(last.id)!.y + LAYOUT.cardHeight : cell.y;
      expect(cell.y + cell.height - bottom).toBeGreaterThan(LAYOUT.cardHeight / 2);
    }
  });

  it('never overlaps two cards, within a cell or across cells', () => {
    const rects = [...layout.cards.values()];
    expect(rects).toHaveLength(7);
    for (let i = 0; i < rects.length; i++) {
      for (let j = i + 1; j < rects.length; j++) expect(overlaps(rects[i]!, rects[j]!)).toBe(false);
    }
  });

  it("stacks a cell's cards in list order", () => {
    const ys = cards('s1', 'c1', 4).map((c) => layout.cards.get(c.id)!.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
  });

  it('has no tray when every card is placed', () => {
    expect(layout.tray).toBeNull();
  });
});

describe('the unplaced tray', () => {
  const unplaced = cards('gone', 'c1', 7, 'lost');
  const layout = layoutMatrix(stages, channels, new Map([[cellId('s1', 'c2'), cards('s1', 'c2', 3)]]), unplaced);

  it('sits below the matrix and holds every unplaced card without overlap', () => {
    const tray = layout.tray!;
    expect(tray).not.toBeNull();
    const lastRow = layout.channels.at(-1)!;
    expect(tray.y).toBeGreaterThanOrEqual(lastRow.y + lastRow.height);
    const rects = unplaced.map((t) => layout.cards.get(t.id)!);
    for (const r of rects) expect(inside(r, tray)).toBe(true);
    for (let i = 0; i < rects.length; i++) {
      for (let j = i + 1; j < rects.length; j++) expect(overlaps(rects[i]!, rects[j]!)).toBe(false);
    }
    expect(layout.height).toBeGreaterThanOrEqual(tray.y + tray.height);
  });

  it('is not a drop target: no cell lies under it', () => {
    const tray = layout.tray!;
    expect(cellAt(layout, tray.x + tray.width / 2, tray.y + tray.height / 2)).toBeNull();
  });

  it('still shows cards when the journey has no lanes at all', () => {
    const bare = layoutMatrix([], [], new Map(), unplaced.slice(0, 2));
    expect(bare.tray).not.toBeNull();
    expect(bare.cards.size).toBe(2);
  });
});

describe('cellAt', () => {
  const layout = layoutMatrix(stages, channels, new Map(), []);

  it('finds the cell under a point', () => {
    for (const cell of layout.cells) {
      expect(cellAt(layout, cell.x + cell.width / 2, cell.y + cell.height / 2)).toMatchObject({
        stageId: cell.stageId,
        channelId: cell.channelId,
      });
      // Top-left edge belongs to the cell, bottom-right edge to the next one.
      expect(cellAt(layout, cell.x, cell.y)?.stageId).toBe(cell.stageId);
    }
  });

  it('returns null over the headers and outside the grid', () => {
    expect(cellAt(layout, 10, 200)).toBeNull(); // channel header
    expect(cellAt(layout, 300, 10)).toBeNull(); // stage header
    expect(cellAt(layout, -5, -5)).toBeNull();
    expect(cellAt(layout, LAYOUT.channelHeaderWidth + 3 * LAYOUT.stageWidth + 1, 200)).toBeNull();
  });
});

describe('indexInCell', () => {
  const cell = { x: 0, y: 100, width: LAYOUT.stageWidth, height: cellHeightFor(3) };
  const slotTop = (i: number) => cell.y + LAYOUT.cellPadding + i * (LAYOUT.cardHeight + LAYOUT.cardGap);

  it('gives the slot whose position the dropped card covers', () => {
    for (let i = 0; i <= 3; i++) expect(indexInCell(cell, slotTop(i), 3)).toBe(i);
    // A card dropped a little above a slot still takes it.
    expect(indexInCell(cell, slotTop(2) - LAYOUT.cardHeight / 3, 3)).toBe(2);
  });

  it('clamps to the start above the cell and to the end far below it', () => {
    expect(indexInCell(cell, cell.y - 500, 3)).toBe(0);
    expect(indexInCell(cell, cell.y + 5000, 3)).toBe(3);
    expect(indexInCell(cell, cell.y + 5000, 0)).toBe(0);
  });
});
