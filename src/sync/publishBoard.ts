/**
 * Creating a board from a file: the records go into a fresh document connected to the relay
 * under a new board id, then a second connection checks the relay holds all of it before the
 * board is opened. Existing boards are never touched.
 */
import * as Y from 'yjs';
import { writeBoardContent } from '../doc/boardFile';
import type { BoardContent } from '../model/fileFormat';
import { connectBoard, type BoardConnection } from './connection';

const TIMEOUT_MS = 20_000;

function whenSynced(connection: BoardConnection, signal: { timedOut: boolean }): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (connection.getState().synced) {
        unsubscribe();
        resolve();
      } else if (signal.timedOut) {
        unsubscribe();
        reject(new Error('timeout'));
      }
    };
    const unsubscribe = connection.subscribe(check);
    const timer = setInterval(() => {
      check();
      if (connection.getState().synced || signal.timedOut) clearInterval(timer);
    }, 100);
    check();
  });
}

function sameState(a: Y.Doc, b: Y.Doc): boolean {
  const va = Y.decodeStateVector(Y.encodeStateVector(a));
  const vb = Y.decodeStateVector(Y.encodeStateVector(b));
  return va.size === vb.size && [...va].every(([client, clock]) => vb.get(client) === clock);
}

/**
 * Writes `content` into the new, empty board `boardId` on the relay at `url` (with `params`,
 * e.g. the creator's token); resolves once the relay has all of it.
 */
export async function publishBoard(
  content: BoardContent,
  url: string,
  boardId: string,
  params: Record<string, string> = {},
): Promise<void> {
  const doc = new Y.Doc();
  const probe = new Y.Doc();
  const deadline = { timedOut: false };
  const timer = setTimeout(() => (deadline.timedOut = true), TIMEOUT_MS);
  const connection = connectBoard(doc, boardId, url, { params });
  let check: BoardConnection | null = null;
  try {
    await whenSynced(connection, deadline);
    writeBoardContent(doc, content);
    check = connectBoard(probe, boardId, url, { params });
    await whenSynced(check, deadline);
    while (!sameState(doc, probe)) {
      if (deadline.timedOut) throw new Error('timeout');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    clearTimeout(timer);
    check?.destroy();
    connection.destroy();
    probe.destroy();
    doc.destroy();
  }
}
