import { createContext, useContext } from 'react';
import type { BoardSession } from '../sync/boardSession';

export const BoardContext = createContext<BoardSession | null>(null);

/** The session of the board being shown; only valid inside a board page. */
export function useBoardSession(): BoardSession {
  const session = useContext(BoardContext);
  if (!session) throw new Error('useBoardSession must be used inside a board page');
  return session;
}
