import { describe, expect, it } from 'vitest';
import { isRenderable, pixelsPerMetre, posterPixels, printedPoints, sizeLabel } from '../../src/model/paper';

describe('paper sizes', () => {
  it('gives A0 at 300 dpi as about 14 043 × 9 933 pixels in landscape', () => {
    expect(posterPixels({ kind: 'paper', format: 'A0', orientation: 'landscape', dpi: 300 })).toEqual({
      width: 14043,
      height: 9933,
      dpi: 300,
    });
  });

  it('swaps the sides in portrait', () => {
    expect(posterPixels({ kind: 'paper', format: 'A4', orientation: 'portrait', dpi: 96 })).toEqual({ width: 794, height: 1123, dpi: 96 });
  });

  it('keeps the A-series proportions for a custom width', () => {
    expect(posterPixels({ kind: 'custom', width: 4000, orientation: 'landscape' })).toEqual({ width: 4000, height: 2828, dpi: 96 });
  });

  it('refuses sizes past the largest side or below the smallest width', () => {
    expect(isRenderable(posterPixels({ kind: 'custom', width: 40_000, orientation: 'landscape' }))).toBe(false);
    expect(isRenderable(posterPixels({ kind: 'custom', width: 100, orientation: 'landscape' }))).toBe(false);
    expect(isRenderable(posterPixels({ kind: 'paper', format: 'A0', orientation: 'portrait', dpi: 300 }))).toBe(true);
  });

  it('converts dots per inch to pixels per metre for pHYs', () => {
    expect(pixelsPerMetre(300)).toBe(11811);
    expect(pixelsPerMetre(96)).toBe(3780);
  });

  it('names sizes for file names and tells the printed text size', () => {
    expect(sizeLabel({ kind: 'paper', format: 'A0', orientation: 'landscape', dpi: 300 })).toBe('A0-300dpi');
    expect(sizeLabel({ kind: 'custom', width: 5000, orientation: 'portrait' })).toBe('5000px');
    expect(printedPoints(12, 300 / 96, 300)).toBeCloseTo(9);
  });
});
