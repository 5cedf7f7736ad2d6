import { describe, expect, it } from 'vitest';
import { drawnWhole, isZoomedOut, nearView } from '../../src/canvas/cardDetail';
import { READABLE_ZOOM } from '../../src/canvas/reveal';

const card = { x: 1000, y: 400, width: 236, height: 92 };

describe('how much of a card the canvas draws', () => {
  it('draws blocks only below the zoom a card can be read at', () => {
    expect(isZoomedOut(READABLE_ZOOM)).toBe(false);
    expect(isZoomedOut(READABLE_ZOOM * 0.99)).toBe(true);
    expect(drawnWhole({ zoomedOut: false, nearView: true })).toBe(true);
    expect(drawnWhole({ zoomedOut: true, nearView: true })).toBe(false);
    expect(drawnWhole({ zoomedOut: false, nearView: false })).toBe(false);
  });

  it('counts a card a quarter of a screen past an edge as near the view, and one further as away', () => {
    // At zoom 1 the card spans 1000–1236 px across a 1000 px wide screen: it starts at its right edge.
    expect(nearView({ x: 0, y: 0, zoom: 1 }, 1000, 800, card)).toBe(true);
    expect(nearView({ x: -200, y: 0, zoom: 1 }, 1000, 800, card)).toBe(true);
    // Panned so that it starts 260 px past the right edge (more than 250): away.
    expect(nearView({ x: 260, y: 0, zoom: 1 }, 1000, 800, card)).toBe(false);
    // Above the view by more than a quarter of its height.
    expect(nearView({ x: 0, y: -700, zoom: 1 }, 1000, 800, card)).toBe(false);
    // Zoomed out, the same card comes into view.
    expect(nearView({ x: 260, y: 0, zoom: 0.5 }, 1000, 800, card)).toBe(true);
  });
});
