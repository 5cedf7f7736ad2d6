import type { StateCreator } from 'zustand';

const MINIMAP_KEY = 'parcours.minimap';

/** Whether the minimap was left open: remembered by the browser; open by default on wide screens only. */
export function initialMinimapOpen(storage: Storage | undefined = globalThis.localStorage, width = globalThis.innerWidth ?? 0): boolean {
  try {
    const saved = storage?.getItem(MINIMAP_KEY);
    if (saved === 'open' || saved === 'closed') return saved === 'open';
  } catch {
    // Storage can be unavailable (private mode): fall back to the default.
  }
  return width >= 1600;
}

/** A card this person just deleted, which the notice offers to bring back. */
export interface DeletedCard {
  touchpointId: string;
  /** The undo step of the deletion: the notice undoes only while it is still the last one. */
  undoStep: unknown;
}

/** Local state of moving around the canvas: the minimap, the last deleted card. */
export interface CanvasSlice {
  minimapOpen: boolean;
  deletedCard: DeletedCard | null;
  setMinimapOpen(open: boolean): void;
  setDeletedCard(card: DeletedCard | null): void;
}

export const createCanvasSlice: StateCreator<CanvasSlice, [], [], CanvasSlice> = (set) => ({
  minimapOpen: initialMinimapOpen(),
  deletedCard: null,
  setMinimapOpen: (minimapOpen) => {
    try {
      globalThis.localStorage?.setItem(MINIMAP_KEY, minimapOpen ? 'open' : 'closed');
    } catch {
      // Not remembered, but still applied for this page.
    }
    set({ minimapOpen });
  },
  setDeletedCard: (deletedCard) => set({ deletedCard }),
});
