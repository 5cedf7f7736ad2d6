import type { StateCreator } from 'zustand';
import { NO_FILTERS, parseCardFilters, type CardFilters } from '../model/cardFilters';

const FILTERS_KEY = 'parcours.filters.';

/** The filters this browser kept for `boardId`, or none. */
export function storedFilters(boardId: string, storage: Storage | undefined = globalThis.localStorage): CardFilters {
  try {
    const raw = storage?.getItem(FILTERS_KEY + boardId);
    return raw ? parseCardFilters(JSON.parse(raw)) : NO_FILTERS;
  } catch {
    // Unreadable storage or a damaged entry: start without filters rather than fail.
    return NO_FILTERS;
  }
}

/**
 * Search and filters: each person's own, never shared with the board. Filters are kept per board
 * in this browser, so they are still there after a reload.
 */
export interface SearchSlice {
  searchOpen: boolean;
  filtersOpen: boolean;
  /** The filters of each board opened on this page, loaded from storage on first use. */
  filters: Record<string, CardFilters>;
  setSearchOpen(open: boolean): void;
  setFiltersOpen(open: boolean): void;
  loadFilters(boardId: string): void;
  setFilters(boardId: string, filters: CardFilters): void;
}

export const createSearchSlice: StateCreator<SearchSlice, [], [], SearchSlice> = (set, get) => ({
  searchOpen: false,
  filtersOpen: false,
  filters: {},
  setSearchOpen: (searchOpen) => set({ searchOpen }),
  setFiltersOpen: (filtersOpen) => set({ filtersOpen }),
  loadFilters: (boardId) => {
    if (get().filters[boardId]) return;
    set({ filters: { ...get().filters, [boardId]: storedFilters(boardId) } });
  },
  setFilters: (boardId, filters) => {
    try {
      globalThis.localStorage?.setItem(FILTERS_KEY + boardId, JSON.stringify(filters));
    } catch {
      // Not kept for the next visit, but still applied now.
    }
    set({ filters: { ...get().filters, [boardId]: filters } });
  },
});
