import { describe, expect, it } from 'vitest';
import { stickyOffset } from '../../src/canvas/stickyHeaders';
import { LAYOUT } from '../../src/model/layout';

const layout = { width: 1600, height: 2000 };

describe('sticky headers', () => {
  it('stay where they are while the top left of the matrix is in view', () => {
    expect(stickyOffset(layout, { x: 40, y: 120, zoom: 1 })).toEqual({ dx: 0, dy: 0 });
  });

  it('follow the top and left edges of the view once scrolled past, in canvas units', () => {
    // Zoomed in twice and scrolled 600 px down and 300 px right on screen: 300 and 150 canvas units.
    expect(stickyOffset(layout, { x: -300, y: -600, zoom: 2 })).toEqual({ dx: 150, dy: 300 });
  });

  it('never leave the matrix', () => {
    const far = stickyOffset(layout, { x: -10_000, y: -10_000, zoom: 1 });
    expect(far.dy).toBe(layout.height - LAYOUT.stageHeaderHeight);
    expect(far.dx).toBe(layout.width - LAYOUT.addLaneSize - LAYOUT.channelHeaderWidth);
  });
});
