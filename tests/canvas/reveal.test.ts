import { describe, expect, it } from 'vitest';
import { initialView, READABLE_ZOOM, revealRect } from '../../src/canvas/reveal';

const view = { x: 0, y: 0, zoom: 0.5 };

describe('bringing a new stage or channel into view', () => {
  it('does not move when it is already in view', () => {
    expect(revealRect(view, 1000, 600, { x: 100, y: 100, width: 200, height: 100 })).toBeNull();
  });

  it('moves just enough to show one past the right edge, keeping the zoom', () => {
    // The rect spans 1400–1532 px on screen: its right edge comes to 1000 − 24.
    expect(revealRect(view, 1000, 600, { x: 2800, y: 0, width: 264, height: 118 })).toEqual({
      x: 1000 - 24 - 3064 * 0.5,
      y: 24,
      zoom: 0.5,
    });
  });

  it('shows one above or left of the view from its start', () => {
    expect(revealRect({ x: -500, y: -300, zoom: 1 }, 1000, 600, { x: 100, y: 100, width: 100, height: 50 })).toEqual({
      x: 24 - 100,
      y: 24 - 100,
      zoom: 1,
    });
  });
});

describe('the first view of a map', () => {
  // A five-stage map: 1566 wide; its matrix 900 tall from its title, 1550 with the rows underneath.
  const map = { x: 0, y: -96, width: 1566, height: 1550 };
  const matrix = { x: 0, y: -96, width: 1566, height: 900 };

  it('shows the whole map when it can be read so', () => {
    const view = initialView({ ...map, height: 700 }, { ...matrix, height: 600 }, 1896, 970);
    expect(view.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    expect(view.zoom * 700).toBeLessThanOrEqual(970);
  });

  it('else shows the whole matrix from its title, readable, the rows underneath a scroll away', () => {
    const view = initialView(map, matrix, 1896, 970);
    expect(view.zoom).toBeGreaterThan(0.85);
    expect(view.y).toBe(16 + 96 * view.zoom);
    expect(view.y + (matrix.height - 96) * view.zoom).toBeLessThanOrEqual(970);
  });

  it('on a laptop, keeps the matrix readable rather than all of the map tiny', () => {
    const view = initialView(map, matrix, 1280, 692);
    expect(view.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    expect(view.x).toBeGreaterThanOrEqual(0);
    expect(view.x + map.width * view.zoom).toBeLessThanOrEqual(1280);
  });

  it('opens a very wide map on its first stages, never below a readable zoom', () => {
    const wide = { x: 0, y: -96, width: 4000, height: 900 };
    const view = initialView({ ...wide, height: 1550 }, wide, 1280, 692);
    expect(view.zoom).toBe(READABLE_ZOOM);
    expect(view.x).toBeGreaterThan(0);
    expect(view.x).toBeLessThan(400);
  });
});
