import { describe, expect, it } from 'vitest';
import type { StageHealth } from '../../src/model/health';
import { cardsVerdict, combinedHealth } from '../../src/model/kpiHealth';

const h = (delight: number, improvable: number, pain: number): StageHealth => ({
  stageId: 's',
  delight,
  improvable,
  pain,
  none: 0,
  total: delight + improvable + pain,
  contradiction: false,
});

describe('stage health from cards and KPIs', () => {
  it('reads the cards by their majority', () => {
    expect(cardsVerdict(h(3, 1, 0))).toBe('green');
    expect(cardsVerdict(h(1, 1, 3))).toBe('red');
    expect(cardsVerdict(h(2, 2, 0))).toBe('orange');
    expect(cardsVerdict(h(0, 0, 0))).toBeNull();
  });

  it('warns when the cards are green and most KPIs are off target', () => {
    expect(combinedHealth(h(3, 0, 0), ['off', 'off', 'on', 'unknown'])).toEqual({
      cards: 'green',
      on: 1,
      off: 2,
      overall: 'watch',
      kpisContradictCards: true,
    });
    expect(combinedHealth(h(3, 0, 0), ['off', 'on'])).toMatchObject({ kpisContradictCards: false, overall: 'watch' });
    expect(combinedHealth(h(0, 0, 3), ['off'])).toMatchObject({ kpisContradictCards: false, overall: 'bad' });
  });

  it('is good only when neither side says otherwise', () => {
    expect(combinedHealth(h(3, 0, 0), ['on'])).toMatchObject({ overall: 'good' });
    expect(combinedHealth(null, ['on', 'unknown'])).toMatchObject({ overall: 'good', cards: null });
    expect(combinedHealth(null, ['off'])).toMatchObject({ overall: 'bad' });
    expect(combinedHealth(h(1, 2, 0), [])).toMatchObject({ overall: 'watch' });
    expect(combinedHealth(null, ['unknown'])).toMatchObject({ overall: null });
  });
});
