/** A board session without a relay, for component tests: a real Y.Doc, reader and undo manager. */
import type { ReactNode } from 'react';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { initBoard } from '../../src/doc/commands';
import { BoardContext } from '../../src/hooks/useBoardSession';
import { createBoardSession, type BoardSession } from '../../src/sync/boardSession';
import { defaultBoard } from '../../src/model/defaults';

export function offlineSession(seed = true): BoardSession & { journeyId: string } {
  const doc = new Y.Doc();
  const journeyId = seed ? (initBoard(doc, defaultBoard('fr'))?.journeyId ?? '') : '';
  const awareness = new Awareness(doc);
  const connection = {
    awareness,
    subscribe: () => () => {},
    getState: () => ({ status: 'connected' as const, synced: true, localLoaded: true }),
    destroy: () => awareness.destroy(),
  };
  const session = createBoardSession(doc, { boardId: 'testboard_0123456789', connection, role: 'facilitator', token: null });
  return { ...session, journeyId };
}

export function WithSession({ session, children }: { session: BoardSession; children: ReactNode }) {
  return <BoardContext.Provider value={session}>{children}</BoardContext.Provider>;
}
