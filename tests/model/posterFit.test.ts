import { describe, expect, it } from 'vitest';
import { MIN_LEGIBLE_POINTS, biggerPaper, cardTextPoints, roundPoints, stagesPerPoster } from '../../src/model/posterFit';
import type { PosterSize } from '../../src/model/paper';

const paper = (format: 'A0' | 'A1' | 'A2' | 'A3' | 'A4', dpi = 150): PosterSize => ({
  kind: 'paper',
  format,
  orientation: 'landscape',
  dpi,
});

describe('the printed size of a poster’s text', () => {
  it('is the card text scaled to the paper, whatever the resolution', () => {
    // 2 060 CSS px wide (8 stages at their narrowest) on A4 landscape: 297 mm = 842 pt, less a 5.25 mm margin each side.
    const content = { width: 2060, height: 1000 };
    expect(roundPoints(cardTextPoints(content, paper('A4', 96))!)).toBe(5.9);
    expect(roundPoints(cardTextPoints(content, paper('A4', 300))!)).toBe(5.9);
    expect(roundPoints(cardTextPoints(content, paper('A3'))!)).toBe(8.4);
    expect(roundPoints(cardTextPoints(content, paper('A0'))!)).toBe(23.7);
    expect(cardTextPoints(content, { kind: 'custom', width: 4000, orientation: 'landscape' })).toBeNull();
  });

  it('offers the smallest larger paper that makes it legible', () => {
    expect(biggerPaper(4, paper('A4'))).toEqual({ format: 'A2', points: 8 });
    expect(biggerPaper(5.7, paper('A4'))).toEqual({ format: 'A3', points: 8.1 });
    // Nothing is large enough: the largest paper is still the best offer.
    expect(biggerPaper(1, paper('A3'))).toEqual({ format: 'A0', points: 2.8 });
    expect(biggerPaper(3, paper('A0'))).toBeNull();
  });

  it('estimates how many stages one poster should hold to be legible', () => {
    expect(stagesPerPoster(8, 8)).toBeNull();
    const n = stagesPerPoster(5.7, 8)!;
    expect(n).toBe(7);
    expect((5.7 * (220 + 8 * 230)) / (220 + n * 230)).toBeGreaterThanOrEqual(MIN_LEGIBLE_POINTS);
    expect(stagesPerPoster(3, 8)).toBe(3);
    expect(stagesPerPoster(0.5, 8)).toBeNull();
  });
});
