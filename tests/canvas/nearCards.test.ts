import { describe, expect, it } from 'vitest';
import { cardsWithin, createNearCards, indexCards } from '../../src/canvas/nearCards';
import type { Rect } from '../../src/model/layout';

/** Three columns of 40 cards, 100 units tall with gaps of 10, as the matrix lays them out. */
function columns(): Map<string, Rect> {
  const cards = new Map<string, Rect>();
  for (let c = 0; c < 3; c++) for (let i = 0; i < 40; i++) cards.set(`c${c}-${i}`, { x: c * 300, y: i * 110, width: 236, height: 100 });
  return cards;
}

const index = indexCards(columns());
const sorted = (ids: Iterable<string>) => [...ids].sort();

describe('cards near the view', () => {
  it('finds the cards a screen shows, a quarter of a screen around included', () => {
    // 1000 × 400 px at zoom 1 from the top-left corner: y up to 400 + 100 px.
    const near = cardsWithin(index, { x: 0, y: 0, zoom: 1 }, 1000, 400, 0.25);
    expect(sorted(near)).toEqual(sorted(['c0', 'c1', 'c2'].flatMap((c) => [0, 1, 2, 3, 4].map((i) => `${c}-${i}`))));
  });

  it('follows a pan down and a zoom out', () => {
    const panned = cardsWithin(index, { x: 0, y: -2200, zoom: 1 }, 1000, 400, 0);
    expect(sorted(panned)).toEqual(sorted(['c0', 'c1', 'c2'].flatMap((c) => [20, 21, 22, 23].map((i) => `${c}-${i}`))));
    // Zoomed out to 0.1, a 400 px screen shows 4 000 units: every card but the last few of each column.
    expect(cardsWithin(index, { x: 0, y: 0, zoom: 0.1 }, 1000, 400, 0).size).toBe(3 * 37);
    // A column left of the screen is skipped.
    expect([...cardsWithin(index, { x: -700, y: 0, zoom: 1 }, 400, 400, 0)].every((id) => id.startsWith('c2'))).toBe(true);
  });

  it('tells a card when it comes near and when it goes away, and only that card', () => {
    const near = createNearCards();
    const told: string[] = [];
    for (const id of ['c0-0', 'c0-6', 'c0-30']) near.subscribe(id, () => told.push(id));
    near.update(index, { x: 0, y: 0, zoom: 1 }, 1000, 400);
    expect(told).toEqual(['c0-0']);
    expect(near.isNear('c0-0')).toBe(true);
    told.length = 0;
    // Panned 300 units down: card 6 comes near; card 0, now above the view but within a
    // screen of it, stays (so panning back does not draw it again).
    near.update(index, { x: 0, y: -300, zoom: 1 }, 1000, 400);
    expect(told).toEqual(['c0-6']);
    expect(near.isNear('c0-0')).toBe(true);
    told.length = 0;
    // Far down, cards 0 and 6 are more than a screen away and go; card 30 comes.
    near.update(index, { x: 0, y: -3200, zoom: 1 }, 1000, 400);
    expect(sorted(told)).toEqual(['c0-0', 'c0-30', 'c0-6']);
    expect([near.isNear('c0-0'), near.isNear('c0-6'), near.isNear('c0-30')]).toEqual([false, false, true]);
  });
});
