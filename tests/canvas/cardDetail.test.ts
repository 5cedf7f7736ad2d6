import { describe, expect, it } from 'vitest';
import { drawnWhole, isZoomedOut } from '../../src/canvas/cardDetail';
import { READABLE_ZOOM } from '../../src/canvas/reveal';

describe('how much of a card the canvas draws', () => {
  it('draws blocks only below the zoom a card can be read at', () => {
    expect(isZoomedOut(READABLE_ZOOM)).toBe(false);
    expect(isZoomedOut(READABLE_ZOOM * 0.99)).toBe(true);
    expect(drawnWhole({ zoomedOut: false, nearView: true })).toBe(true);
    expect(drawnWhole({ zoomedOut: true, nearView: true })).toBe(false);
    expect(drawnWhole({ zoomedOut: false, nearView: false })).toBe(false);
  });
});
