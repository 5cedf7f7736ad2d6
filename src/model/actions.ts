/** The impact / effort matrix of priority actions. */
import type { Action } from './types';
import { SCORE_MAX, SCORE_MIN } from './types';

export type Quadrant = 'quickWins' | 'strategic' | 'ifTime' | 'avoid';

/** Quick wins first: the order in which actions are worth doing. */
export const QUADRANTS: readonly Quadrant[] = ['quickWins', 'strategic', 'ifTime', 'avoid'];

/** Where an action stands on the matrix: in a quadrant, or not placed yet. */
export type Placement = Quadrant | 'unplaced';

const HIGH = 3;

/** Where an action falls: high impact + low effort = quick win, and so on. */
export function quadrantOf(action: Pick<Action, 'impact' | 'effort'>): Quadrant {
  const highImpact = action.impact >= HIGH;
  const highEffort = action.effort >= HIGH;
  if (highImpact) return highEffort ? 'strategic' : 'quickWins';
  return highEffort ? 'avoid' : 'ifTime';
}

/** A placed action's quadrant; 'unplaced' for one the team has not put on the matrix yet. */
export function placementOf(action: Pick<Action, 'impact' | 'effort' | 'placed'>): Placement {
  return action.placed ? quadrantOf(action) : 'unplaced';
}

/**
 * Scores that put an action in `quadrant`, changing as little as possible: a score already on
 * the right side stays, one on the wrong side moves to the nearest value across the line.
 */
export function scoresForQuadrant(action: Pick<Action, 'impact' | 'effort'>, quadrant: Quadrant): { impact: number; effort: number } {
  const wantHighImpact = quadrant === 'quickWins' || quadrant === 'strategic';
  const wantHighEffort = quadrant === 'strategic' || quadrant === 'avoid';
  const place = (value: number, high: boolean) => (high ? Math.max(value, HIGH) : Math.min(value, HIGH - 1));
  return {
    impact: Math.max(SCORE_MIN, Math.min(SCORE_MAX, place(action.impact, wantHighImpact))),
    effort: Math.max(SCORE_MIN, Math.min(SCORE_MAX, place(action.effort, wantHighEffort))),
  };
}

/**
 * Actions ranked: by quadrant (quick wins first), then higher impact, then lower effort; the
 * ones not placed yet after every placed one (their scores say nothing), done ones last.
 */
export function rankActions<T extends Action>(actions: readonly T[]): T[] {
  const place = (a: Action) => (a.placed ? QUADRANTS.indexOf(quadrantOf(a)) : QUADRANTS.length);
  return [...actions].sort((a, b) => {
    const doneA = a.status === 'done' ? 1 : 0;
    const doneB = b.status === 'done' ? 1 : 0;
    return (
      doneA - doneB ||
      place(a) - place(b) ||
      b.impact - a.impact ||
      a.effort - b.effort ||
      (a.order < b.order ? -1 : a.order > b.order ? 1 : 0)
    );
  });
}
