/**
 * A board's history: the rows a compaction replaces are kept HISTORY_KEEP_MS, so a store can
 * rebuild the board as it was at any moment of that time (BoardStore.stateAt in
 * server/persistence.ts). The SQLite (sqlite.ts) and PostgreSQL (postgres.ts) stores keep the
 * rows in their own history tables and both rebuild through `rebuildAt` here.
 */
import * as Y from 'yjs';
import type { HistoricState } from '../persistence';

/** How long the rows replaced by a compaction stay in the history table. */
export const HISTORY_KEEP_MS = 7 * 24 * 60 * 60 * 1000;

/** One stored row with its time, as the history keeps it. */
export interface TimedRow {
  data: Uint8Array;
  createdAt: number;
}

/**
 * Rebuilds a board at `at` from its rows, oldest first. Null if the oldest row kept is younger
 * than `at`: the board did not exist yet, or its history from then was pruned. Every held row is
 * either the board's first update or a compacted full state, followed by all later rows, so
 * applying every row up to `at` gives the exact state at `at`.
 */
export function rebuildAt(rows: readonly TimedRow[], at: number): HistoricState | null {
  const upTo = rows.filter((row) => row.createdAt <= at);
  if (upTo.length === 0) return null;
  const doc = new Y.Doc({ gc: true });
  try {
    doc.transact(() => {
      for (const row of upTo) Y.applyUpdate(doc, row.data);
    });
    return {
      state: Y.encodeStateAsUpdate(doc),
      rows: upTo.length,
      lastChangeAt: upTo.reduce((last, row) => Math.max(last, row.createdAt), 0),
    };
  } finally {
    doc.destroy();
  }
}
