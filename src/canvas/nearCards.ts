/**
 * Which cards are in or near the view, computed from the layout rather than asked of the
 * browser: cards stand in columns (one per stage, and the tray), sorted top to bottom, so each
 * change of the view costs a binary search per column, not a test per card. A card comes near
 * within a quarter of a screen of an edge and goes away only past a whole screen, so panning
 * to and fro, or zooming in and back out, does not redraw the same cards over and over.
 */
import type { Rect } from '../model/layout';
import type { FlowViewport } from './stickyHeaders';

/** Screens around the view within which a card comes near, and past which it goes away. */
export const NEAR_MARGIN = 0.25;
export const AWAY_MARGIN = 1;

interface Column {
  x: number;
  width: number;
  /** Its cards by their top edge. */
  cards: { id: string; y: number; height: number }[];
}

/** The cards' rects grouped in columns, for `cardsWithin`. */
export type CardIndex = Column[];

export function indexCards(cards: ReadonlyMap<string, Rect>): CardIndex {
  const columns = new Map<string, Column>();
  for (const [id, r] of cards) {
    const key = `${r.x}:${r.width}`;
    let column = columns.get(key);
    if (!column) columns.set(key, (column = { x: r.x, width: r.width, cards: [] }));
    column.cards.push({ id, y: r.y, height: r.height });
  }
  for (const c of columns.values()) c.cards.sort((a, b) => a.y - b.y);
  return [...columns.values()];
}

/** The cards of `index` that a `width` × `height` screen showing `viewport` reaches, `margin` screens around. */
export function cardsWithin(index: CardIndex, viewport: FlowViewport, width: number, height: number, margin: number): Set<string> {
  const { x, y, zoom } = viewport;
  // The screen, grown by the margin, in canvas units.
  const left = (-width * margin - x) / zoom;
  const right = (width * (1 + margin) - x) / zoom;
  const top = (-height * margin - y) / zoom;
  const bottom = (height * (1 + margin) - y) / zoom;
  const out = new Set<string>();
  for (const column of index) {
    if (column.x + column.width <= left || column.x >= right) continue;
    const cards = column.cards;
    // The first card that ends below the top (cards of a column do not overlap).
    let lo = 0;
    let hi = cards.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = cards[mid]!;
      if (c.y + c.height <= top) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < cards.length && cards[i]!.y < bottom; i++) out.add(cards[i]!.id);
  }
  return out;
}

/** The cards near the view, one listener per card, told only when its own answer changes. */
export interface NearCards {
  isNear(id: string): boolean;
  subscribe(id: string, onChange: () => void): () => void;
  /** The view moved or the layout changed. */
  update(index: CardIndex, viewport: FlowViewport, width: number, height: number): void;
}

export function createNearCards(): NearCards {
  let near = new Set<string>();
  const listeners = new Map<string, Set<() => void>>();
  const tell = (id: string) => listeners.get(id)?.forEach((l) => l());
  return {
    isNear: (id) => near.has(id),
    subscribe(id, onChange) {
      let set = listeners.get(id);
      if (!set) listeners.set(id, (set = new Set()));
      set.add(onChange);
      return () => {
        set.delete(onChange);
        if (set.size === 0) listeners.delete(id);
      };
    },
    update(index, viewport, width, height) {
      const next = cardsWithin(index, viewport, width, height, NEAR_MARGIN);
      // Cards already near stay so until they are a whole screen away.
      if (near.size > 0) for (const id of cardsWithin(index, viewport, width, height, AWAY_MARGIN)) if (near.has(id)) next.add(id);
      const before = near;
      near = next;
      for (const id of next) if (!before.has(id)) tell(id);
      for (const id of before) if (!next.has(id)) tell(id);
    },
  };
}
