import { createContext, useContext } from 'react';
import type * as Y from 'yjs';
import type { BoardReader, DocReader } from '../doc/projection';
import type { WorkshopSnapshot } from '../model/workshop';
import type { Role } from '../sync/presence';
import type { BoardConnection } from '../sync/connection';

/** Everything a board page works with: the document, its connection and the local undo history. */
export interface BoardSession {
  boardId: string;
  doc: Y.Doc;
  reader: BoardReader;
  connection: BoardConnection;
  undo: Y.UndoManager;
  workshop: DocReader<WorkshopSnapshot>;
  /** What this person may do on this board (enforced by the relay). */
  role: Role;
  /** This browser's share-link token for the board, if it has one (an open board needs none). */
  token: string | null;
  /** Checks access again and reconnects (after links were revoked, for instance). */
  reopen(): void;
}

export const BoardContext = createContext<BoardSession | null>(null);

/** The session of the board being shown; only valid inside a board page. */
export function useBoardSession(): BoardSession {
  const session = useContext(BoardContext);
  if (!session) throw new Error('useBoardSession must be used inside a board page');
  return session;
}
