/**
 * Saved views: the rectangle of the canvas a view shows, read back safely, and which views a
 * presentation can step through (those whose journey still exists).
 */
import type { FlowRect, Journey, SavedView } from './types';

/** Largest coordinate or size a view keeps: far beyond any board, small enough to stay finite when zoomed. */
const MAX_COORD = 1e7;
/** Smallest side of a view's rectangle, in flow units: a view shows something. */
const MIN_SIDE = 1;

const FALLBACK_RECT: FlowRect = { x: 0, y: 0, width: 1200, height: 800 };

const finite = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_COORD ? value : null;

/** A view's rectangle read from storage: a malformed one becomes the top-left of the map, never a throw. */
export function parseFlowRect(raw: unknown): FlowRect {
  if (!raw || typeof raw !== 'object') return FALLBACK_RECT;
  const r = raw as Record<string, unknown>;
  const [x, y, width, height] = [finite(r.x), finite(r.y), finite(r.width), finite(r.height)];
  if (x === null || y === null || width === null || height === null || width < MIN_SIDE || height < MIN_SIDE) return FALLBACK_RECT;
  return { x, y, width, height };
}

/** The rectangle of flow coordinates a screen of `width` × `height` pixels shows at viewport (`vx`, `vy`, `zoom`). */
export function rectOfViewport(viewport: { x: number; y: number; zoom: number }, width: number, height: number): FlowRect {
  const zoom = viewport.zoom > 0 ? viewport.zoom : 1;
  return parseFlowRect({ x: -viewport.x / zoom, y: -viewport.y / zoom, width: width / zoom, height: height / zoom });
}

/** The views a presentation steps through, in order, and those skipped because their journey was deleted. */
export function presentableViews(
  views: readonly SavedView[],
  journeys: readonly Pick<Journey, 'id'>[],
): { shown: SavedView[]; skipped: SavedView[] } {
  const alive = new Set(journeys.map((j) => j.id));
  const shown: SavedView[] = [];
  const skipped: SavedView[] = [];
  for (const view of views) (alive.has(view.journeyId) ? shown : skipped).push(view);
  return { shown, skipped };
}
