import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { initBoard } from '../doc/commands';
import { migrateBoard } from '../doc/migrate';
import { createBoardReader, createDocReader } from '../doc/projection';
import { readWorkshop } from '../doc/workshop';
import { isInitialised } from '../doc/schema';
import { createUndoManager } from '../doc/undo';
import { defaultBoard } from '../model/defaults';
import { useUiStore } from '../store';
import { connectBoard, relayUrl } from '../sync/connection';
import type { BoardSession } from './boardContext';

const CREATING_KEY = 'parcours.creating';

/** Marks a board id as created by this tab, so that it alone fills the new board. */
export function markBoardAsCreatedHere(boardId: string): void {
  sessionStorage.setItem(CREATING_KEY, boardId);
}

/** Opens a board: a fresh Y.Doc connected to the relay, torn down when the page leaves. */
export function useOpenBoard(boardId: string): BoardSession | null {
  const [session, setSession] = useState<BoardSession | null>(null);
  useEffect(() => {
    const doc = new Y.Doc();
    const connection = connectBoard(doc, boardId, relayUrl(window.location), { offline: true });
    const s: BoardSession = {
      boardId,
      doc,
      connection,
      reader: createBoardReader(doc),
      undo: createUndoManager(doc),
      workshop: createDocReader(doc, readWorkshop),
      role: 'facilitator',
    };
    // Once the relay has sent the board: upgrade an old one; only the tab that created the
    // board seeds it, after the relay confirmed it is empty.
    let migrated = false;
    const onSynced = () => {
      if (!connection.getState().synced) return;
      if (!migrated) migrated = migrateBoard(doc) || true;
      if (sessionStorage.getItem(CREATING_KEY) !== boardId) return;
      sessionStorage.removeItem(CREATING_KEY);
      if (!isInitialised(doc)) {
        initBoard(doc, defaultBoard(useUiStore.getState().locale));
        s.undo.clear();
      }
    };
    const unsubscribe = connection.subscribe(onSynced);
    setSession(s);
    return () => {
      unsubscribe();
      s.undo.destroy();
      connection.destroy();
      doc.destroy();
      setSession(null);
    };
  }, [boardId]);
  return session;
}
