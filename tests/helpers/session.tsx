/** A board session without a relay, for component tests: a real Y.Doc, reader and undo manager. */
import type { ReactNode } from 'react';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { initBoard } from '../../src/doc/commands';
import { createBoardReader, createDocReader } from '../../src/doc/projection';
import { readWorkshop } from '../../src/doc/workshop';
import { createUndoManager } from '../../src/doc/undo';
import { BoardContext, type BoardSession } from '../../src/hooks/useBoardSession';
import { defaultBoard } from '../../src/model/defaults';

export function offlineSession(seed = true): BoardSession & { journeyId: string } {
  const doc = new Y.Doc();
  const journeyId = seed ? (initBoard(doc, defaultBoard('fr'))?.journeyId ?? '') : '';
  const awareness = new Awareness(doc);
  return {
    boardId: 'testboard_0123456789',
    doc,
    journeyId,
    reader: createBoardReader(doc),
    undo: createUndoManager(doc),
    workshop: createDocReader(doc, readWorkshop),
    role: 'facilitator',
    token: null,
    reopen: () => {},
    connection: {
      awareness,
      subscribe: () => () => {},
      getState: () => ({ status: 'connected', synced: true, localLoaded: true }),
      destroy: () => awareness.destroy(),
    },
  };
}

export function WithSession({ session, children }: { session: BoardSession; children: ReactNode }) {
  return <BoardContext.Provider value={session}>{children}</BoardContext.Provider>;
}
