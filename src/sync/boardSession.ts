/**
 * A board session: a Y.Doc with what every board page works with around it — its connection, the
 * cached projections, the local undo history, and what this person may do. Built in one place for
 * the live board, a saved version and the component tests, and torn down in one place too.
 */
import type * as Y from 'yjs';
import { createBoardReader, createDocReader, type BoardReader, type DocReader } from '../doc/projection';
import { createUndoManager } from '../doc/undo';
import { readWorkshop, workshopRoots } from '../doc/workshop';
import type { WorkshopSnapshot } from '../model/workshop';
import type { BoardConnection } from './connection';
import type { Role } from '../model/roles';

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
  /** Stops the undo history and the connection, then the document. */
  destroy(): void;
}

export interface BoardSessionOptions {
  boardId: string;
  connection: BoardConnection;
  role: Role;
  token: string | null;
  reopen?: () => void;
}

/** Builds the session of `doc` (which it then owns: `destroy` destroys it). */
export function createBoardSession(doc: Y.Doc, options: BoardSessionOptions): BoardSession {
  const undo = createUndoManager(doc);
  return {
    boardId: options.boardId,
    doc,
    connection: options.connection,
    reader: createBoardReader(doc),
    undo,
    // Re-read only when the workshop's maps change: every card reads its comments and dots from it.
    workshop: createDocReader(doc, readWorkshop, Object.values(workshopRoots(doc))),
    role: options.role,
    token: options.token,
    reopen: options.reopen ?? (() => {}),
    destroy() {
      undo.destroy();
      options.connection.destroy();
      doc.destroy();
    },
  };
}
