/**
 * Board storage behind one interface: what the relay asks of wherever board documents live (an
 * append-only log of Yjs updates per board, compacted from time to time), and the rows it gets
 * back. The stores themselves are in server/storage/: sqlite.ts (the default, embedded),
 * postgres.ts (behind the asynchronous face of storage/types.ts) and memory.ts (tests, and the
 * reference behaviour); storage/history.ts rebuilds a board as it was at a past moment.
 */

/** A board rebuilt as it was at some moment. */
export interface HistoricState {
  /** The whole document as one Yjs update. */
  state: Uint8Array;
  /** How many stored rows (history and current) went into it. */
  rows: number;
  /** Time of the newest of those rows: nothing was stored between it and the requested moment. */
  lastChangeAt: number;
}

/** A stored board as the administrator's list shows it, without its content. */
export interface StoredBoard {
  boardId: string;
  /** Time of its newest stored row (ms since the epoch). */
  lastActivity: number;
  /** Bytes of its stored rows. */
  bytes: number;
}

/** Where a page of the list of boards starts: just after this board (newest activity first). */
export interface BoardCursor {
  lastActivity: number;
  boardId: string;
}

/** One stored row of a board with its per-board sequence number. */
export interface SeqRow {
  seq: number;
  update: Uint8Array;
}

/** A stored row with its seq and time, as the migration between stores copies it. */
export interface StoredRow {
  seq: number;
  update: Uint8Array;
  createdAt: number;
}

/** What an append stored: the row's per-board sequence number (1, 2, 3… and never reused). */
export interface Appended {
  seq: number;
}

export interface BoardStoreStats {
  /** Boards with at least one stored row. */
  boards: number;
  /** Stored update rows over all boards. */
  rows: number;
}

/**
 * Where board documents live. All methods are synchronous on purpose: the relay relies on an
 * update being stored before it is broadcast, and on a board being fully loaded before its
 * first client is answered.
 */
export interface BoardStore {
  /** Every stored update of a board, oldest first (empty for a new board). */
  load(boardId: string): Uint8Array[];
  /**
   * Stores one update. Must be durable when it returns: a crash right after loses nothing.
   * Returns the row's seq: one more than the board's highest seq so far (another relay instance
   * following the board uses it to notice a missed row).
   */
  append(boardId: string, update: Uint8Array): Appended;
  /**
   * Atomically replaces the stored rows of a board up to `upToSeq` (default: all of them) by
   * `state`, a full-state update covering those rows; the new row takes seq `upToSeq`, so seqs
   * never go back. Rows above `upToSeq` (written meanwhile) stay. The SQLite store moves the
   * replaced rows to its history instead of deleting them.
   */
  compact(boardId: string, state: Uint8Array, upToSeq?: number): void;
  /** The rows of a board with a seq above `seq`, in seq order (a compacted row counts as its seq). */
  loadSince(boardId: string, seq: number): SeqRow[];
  /** The board's highest seq, 0 if it has no row. */
  maxSeq(boardId: string): number;
  /** The board as it was at `at` (ms since the epoch), from history and current rows; null if that is not known. */
  stateAt?(boardId: string, at: number): HistoricState | null;
  /** Deletes history rows older than the retention. Returns how many went. */
  pruneHistory?(): number;
  /** Row counts, for logs and diagnostics. */
  stats?(): BoardStoreStats;
  /** Number of stored rows of one board. */
  rowCount?(boardId: string): number;
  /** Boards with stored rows, most recently active first, `limit` of them after `after`. */
  listBoards?(limit: number, after?: BoardCursor): StoredBoard[];
  /** Every current row of a board with its seq and time (the migration between stores). */
  loadRows?(boardId: string): StoredRow[];
  /** Stores rows at their own seqs and times, skipping seqs the board already has; returns how many went in. */
  importRows?(boardId: string, rows: readonly StoredRow[]): number;
  /** Which writer key (a hash) first wrote under each Yjs client id of a board. */
  loadWriters(boardId: string): Map<number, string>;
  /** Records that `client` writes under the key `keyHash` (first writer wins; later calls are ignored). */
  bindWriter(boardId: string, client: number, keyHash: string): void;
  close(): void;
}
