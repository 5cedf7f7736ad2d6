import { describe, expect, it } from 'vitest';
import { dropTarget } from '../../src/canvas/drag';
import { LAYOUT, cellId, layoutMatrix } from '../../src/model/layout';
import type { Channel, Stage, Touchpoint } from '../../src/model/types';

const stage = (id: string) => ({ id, journeyId: 'j', name: id, order: id, owner: '' }) as Stage;
const channel = (id: string) => ({ id, journeyId: 'j', name: id, order: id }) as Channel;
const card = (id: string, s: string, c: string): Touchpoint => ({
  id,
  journeyId: 'j',
  stageId: s,
  channelId: c,
  text: id,
  evaluation: null,
  order: id,
  momentOfTruth: false,
});

const cells = new Map([[cellId('s1', 'c1'), [card('a', 's1', 'c1'), card('b', 's1', 'c1')]]]);
const layout = layoutMatrix([stage('s1'), stage('s2')], [channel('c1'), channel('c2')], cells, []);

describe('dropping a dragged card', () => {
  it('lands in the cell under the card’s centre, after the cards above where it was let go', () => {
    const target = layout.cells.find((c) => c.stageId === 's2' && c.channelId === 'c1')!;
    expect(dropTarget(layout, cells, { id: 'a', x: target.x + 10, y: target.y + 2 })).toEqual({
      stageId: 's2',
      channelId: 'c1',
      cellId: 's2|c1',
      index: 0,
    });
  });

  it('counts the other cards of its own cell without it', () => {
    const own = layout.cells.find((c) => c.stageId === 's1' && c.channelId === 'c1')!;
    // Let go below both cards: last place among the one other card.
    expect(dropTarget(layout, cells, { id: 'a', x: own.x, y: own.y + 2 * (LAYOUT.cardHeight + LAYOUT.cardGap) })?.index).toBe(1);
    expect(dropTarget(layout, cells, { id: 'a', x: own.x, y: own.y })?.index).toBe(0);
  });

  it('lands nowhere outside the cells', () => {
    expect(dropTarget(layout, cells, { id: 'a', x: -1000, y: -1000 })).toBeNull();
  });
});
