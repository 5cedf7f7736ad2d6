import { describe, expect, it } from 'vitest';
import { revealRect } from '../../src/canvas/reveal';

const view = { x: 0, y: 0, zoom: 0.5 };

describe('bringing a new stage or channel into view', () => {
  it('does not move when it is already in view', () => {
    expect(revealRect(view, 1000, 600, { x: 100, y: 100, width: 200, height: 100 })).toBeNull();
  });

  it('moves just enough to show one past the right edge, keeping the zoom', () => {
    // The rect spans 1400–1532 px on screen: its right edge comes to 1000 − 24.
    expect(revealRect(view, 1000, 600, { x: 2800, y: 0, width: 264, height: 118 })).toEqual({ x: 1000 - 24 - 3064 * 0.5, y: 24, zoom: 0.5 });
  });

  it('shows one above or left of the view from its start', () => {
    expect(revealRect({ x: -500, y: -300, zoom: 1 }, 1000, 600, { x: 100, y: 100, width: 100, height: 50 })).toEqual({ x: 24 - 100, y: 24 - 100, zoom: 1 });
  });
});
