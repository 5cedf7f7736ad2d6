/** Geometry of the emotion curve, shared by its node and its band header. */
import { Angry, Frown, Laugh, Meh, Smile, type LucideIcon } from 'lucide-react';
import { smoothCurve, type Point } from '../../model/curve';
import { EMOTION_MAX, EMOTION_MIN } from '../../model/types';

export const EMOTION_CURVE = { height: 150, top: 18, bottom: 132 } as const;

/** The face of each level of the scale, from the icon set (emoji fonts are missing on many machines). */
export const EMOTION_ICON: Record<number, LucideIcon> = { 2: Laugh, 1: Smile, 0: Meh, [-1]: Frown, [-2]: Angry };

/** Vertical position of a score in the curve's box. */
export function scoreToY(score: number): number {
  const ratio = (EMOTION_MAX - score) / (EMOTION_MAX - EMOTION_MIN);
  return EMOTION_CURVE.top + ratio * (EMOTION_CURVE.bottom - EMOTION_CURVE.top);
}

/** The whole score nearest to a vertical position, clamped. */
export function yToScore(y: number): number {
  const ratio = (y - EMOTION_CURVE.top) / (EMOTION_CURVE.bottom - EMOTION_CURVE.top);
  return Math.max(EMOTION_MIN, Math.min(EMOTION_MAX, Math.round(EMOTION_MAX - ratio * (EMOTION_MAX - EMOTION_MIN))));
}

/** A smooth path through the points of the curve, kept within the scale. */
export function smoothPath(points: readonly Point[]): string {
  return smoothCurve(points, EMOTION_CURVE.top, EMOTION_CURVE.bottom);
}
