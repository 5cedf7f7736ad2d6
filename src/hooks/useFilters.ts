import { useCallback, useEffect } from 'react';
import { NO_FILTERS, type CardFilters } from '../model/cardFilters';
import { useUiStore } from '../store';
import { useBoardSession } from './useBoardSession';

/** This person's card filters on the open board, kept in this browser; and how to change or clear them. */
export function useFilters(): { filters: CardFilters; setFilters(next: CardFilters): void; clear(): void } {
  const { boardId } = useBoardSession();
  const filters = useUiStore((s) => s.filters[boardId]) ?? NO_FILTERS;
  const load = useUiStore((s) => s.loadFilters);
  const set = useUiStore((s) => s.setFilters);
  useEffect(() => load(boardId), [load, boardId]);
  const setFilters = useCallback((next: CardFilters) => set(boardId, next), [set, boardId]);
  const clear = useCallback(() => set(boardId, NO_FILTERS), [set, boardId]);
  return { filters, setFilters, clear };
}
