import { describe, expect, it } from 'vitest';
import { placementOf, quadrantOf, rankActions, scoresForQuadrant } from '../../src/model/actions';
import type { Action } from '../../src/model/types';

const action = (p: Partial<Action> & Pick<Action, 'id'>): Action => ({
  journeyId: null,
  title: p.id,
  owner: '',
  due: '',
  status: 'todo',
  impact: 2,
  effort: 2,
  placed: true,
  links: [],
  order: '1',
  ...p,
});

describe('impact / effort matrix', () => {
  it('places actions in the four quadrants', () => {
    expect(quadrantOf({ impact: 4, effort: 1 })).toBe('quickWins');
    expect(quadrantOf({ impact: 3, effort: 3 })).toBe('strategic');
    expect(quadrantOf({ impact: 1, effort: 2 })).toBe('ifTime');
    expect(quadrantOf({ impact: 2, effort: 4 })).toBe('avoid');
  });

  it('moves an action into a quadrant changing as little as possible', () => {
    expect(scoresForQuadrant({ impact: 4, effort: 4 }, 'quickWins')).toEqual({ impact: 4, effort: 2 });
    expect(scoresForQuadrant({ impact: 1, effort: 1 }, 'strategic')).toEqual({ impact: 3, effort: 3 });
    for (const q of ['quickWins', 'strategic', 'ifTime', 'avoid'] as const) {
      expect(quadrantOf(scoresForQuadrant({ impact: 2, effort: 3 }, q))).toBe(q);
    }
  });

  it('ranks quick wins first, then by impact and effort, finished actions last', () => {
    const ranked = rankActions([
      action({ id: 'avoid', impact: 1, effort: 4 }),
      action({ id: 'strategic', impact: 4, effort: 4 }),
      action({ id: 'quick-done', impact: 4, effort: 1, status: 'done' }),
      action({ id: 'quick', impact: 3, effort: 1 }),
      action({ id: 'quicker', impact: 4, effort: 1 }),
    ]);
    expect(ranked.map((a) => a.id)).toEqual(['quicker', 'quick', 'strategic', 'avoid', 'quick-done']);
  });

  it('keeps actions not placed yet out of every quadrant, ranked after the placed ones and before the finished ones', () => {
    expect(placementOf({ impact: 4, effort: 1, placed: false })).toBe('unplaced');
    expect(placementOf({ impact: 4, effort: 1, placed: true })).toBe('quickWins');
    const ranked = rankActions([
      action({ id: 'unplaced', impact: 4, effort: 1, placed: false }),
      action({ id: 'done', impact: 4, effort: 1, status: 'done' }),
      action({ id: 'avoid', impact: 1, effort: 4 }),
    ]);
    expect(ranked.map((a) => a.id)).toEqual(['avoid', 'unplaced', 'done']);
  });
});
