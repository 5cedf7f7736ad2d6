/** Smooth curves through points, for the emotion curve on the canvas and on the poster. */

export interface Point {
  x: number;
  y: number;
}

/**
 * An SVG path through `points` (Catmull-Rom turned into cubic Bézier segments). Control points
 * are kept within [minY, maxY] so the curve never overshoots its scale.
 */
export function smoothCurve(points: readonly Point[], minY = -Infinity, maxY = Infinity, round = (n: number) => n): string {
  if (points.length === 0) return '';
  const clampY = (y: number) => Math.min(maxY, Math.max(minY, y));
  let d = `M ${round(points[0]!.x)} ${round(points[0]!.y)}`;
  for (let i = 0; i < points.length - 1; i++) {
    const p0 = points[i - 1] ?? points[i]!;
    const p1 = points[i]!;
    const p2 = points[i + 1]!;
    const p3 = points[i + 2] ?? p2;
    const c1 = { x: p1.x + (p2.x - p0.x) / 6, y: clampY(p1.y + (p2.y - p0.y) / 6) };
    const c2 = { x: p2.x - (p3.x - p1.x) / 6, y: clampY(p2.y - (p3.y - p1.y) / 6) };
    d += ` C ${round(c1.x)} ${round(c1.y)}, ${round(c2.x)} ${round(c2.y)}, ${round(p2.x)} ${round(p2.y)}`;
  }
  return d;
}
