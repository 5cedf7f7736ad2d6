/** Geometry of the emotion curve, shared by its node and its band header. */
import { EMOTION_MAX, EMOTION_MIN } from '../model/types';

export const EMOTION_CURVE = { height: 150, top: 18, bottom: 132 } as const;

export const EMOTION_EMOJI: Record<number, string> = { 2: '😀', 1: '🙂', 0: '😐', [-1]: '🙁', [-2]: '😠' };

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

/** A smooth path through points (Catmull-Rom turned into cubic Bézier segments). */
export function smoothPath(points: readonly { x: number; y: number }[]): string {
  if (points.length === 0) return '';
  const p = points;
  let d = `M ${p[0]!.x} ${p[0]!.y}`;
  for (let i = 0; i < p.length - 1; i++) {
    const p0 = p[i - 1] ?? p[i]!;
    const p1 = p[i]!;
    const p2 = p[i + 1]!;
    const p3 = p[i + 2] ?? p2;
    const c1 = { x: p1.x + (p2.x - p0.x) / 6, y: p1.y + (p2.y - p0.y) / 6 };
    const c2 = { x: p2.x - (p3.x - p1.x) / 6, y: p2.y - (p3.y - p1.y) / 6 };
    d += ` C ${c1.x} ${c1.y}, ${c2.x} ${c2.y}, ${p2.x} ${p2.y}`;
  }
  return d;
}
