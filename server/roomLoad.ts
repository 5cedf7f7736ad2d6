/** Reading a board out of its store, before its room exists. */
import type { SeqRow } from './persistence';
import { isPromise, type MaybePromise, type RoomStore } from './storage/types';

/** A board as read from its store, before its room exists. */
export interface LoadedBoard {
  rows: SeqRow[];
  writers: Map<number, string>;
}

/** Reads a board's rows and writer bindings: at once from a synchronous store, else a Promise. */
export function readBoard(store: RoomStore, boardId: string): MaybePromise<LoadedBoard> {
  const rows = store.loadSince(boardId, 0);
  const writers = store.loadWriters(boardId);
  if (!isPromise(rows) && !isPromise(writers)) return { rows, writers };
  return Promise.all([rows, writers]).then(([loadedRows, loadedWriters]) => ({ rows: loadedRows, writers: loadedWriters }));
}
