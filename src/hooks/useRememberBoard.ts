import { useEffect, useMemo } from 'react';
import { rememberBoard, summariseBoard } from '../sync/recentBoards';
import { useBoardStructure } from './useBoardStructure';
import { useBoardSession } from './useBoardSession';

/** Keeps this board in the home page's list with its title and counts, once it has loaded (`ready`). */
export function useRememberBoard(ready: boolean): void {
  // Counts and the matrix's drawing change with the structure, not while people type.
  const board = useBoardStructure();
  const { boardId } = useBoardSession();
  const title = board.meta.title;
  // Compared as text so an edit that changes no count writes nothing.
  const summary = useMemo(() => JSON.stringify(summariseBoard(board)), [board]);
  useEffect(() => {
    if (ready && title) rememberBoard({ id: boardId, title, lastOpened: Date.now(), ...(JSON.parse(summary) as object) });
  }, [boardId, ready, title, summary]);
}
