/**
 * Board storage: an append-only log of Yjs updates per board, compacted from time to time. The
 * rows a compaction replaces are kept HISTORY_KEEP_MS in a history table, so the board can be
 * rebuilt as it was at any moment of that time (`stateAt`).
 */
import * as Y from 'yjs';
import { openSqliteFile } from './sqliteFile';

/** How long the rows replaced by a compaction stay in the history table. */
export const HISTORY_KEEP_MS = 7 * 24 * 60 * 60 * 1000;

/** A board rebuilt as it was at some moment. */
export interface HistoricState {
  /** The whole document as one Yjs update. */
  state: Uint8Array;
  /** How many stored rows (history and current) went into it. */
  rows: number;
  /** Time of the newest of those rows: nothing was stored between it and the requested moment. */
  lastChangeAt: number;
}

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

/** MIGRATIONS[n] brings a database from user_version n to n + 1. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE board_updates (
     id         INTEGER PRIMARY KEY,
     board_id   TEXT    NOT NULL,
     data       BLOB    NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE INDEX board_updates_by_board ON board_updates (board_id, id);`,
  `CREATE TABLE board_writers (
     board_id  TEXT    NOT NULL,
     client_id INTEGER NOT NULL,
     key_hash  TEXT    NOT NULL,
     PRIMARY KEY (board_id, client_id)
   ) WITHOUT ROWID;`,
  `CREATE TABLE board_history (
     id           INTEGER PRIMARY KEY,
     board_id     TEXT    NOT NULL,
     data         BLOB    NOT NULL,
     created_at   INTEGER NOT NULL,
     compacted_at INTEGER NOT NULL
   );
   CREATE INDEX board_history_by_board ON board_history (board_id, created_at);
   CREATE INDEX board_history_by_age ON board_history (compacted_at);`,
  // A per-board sequence number: rows already stored are numbered in their order of arrival.
  `ALTER TABLE board_updates ADD COLUMN seq INTEGER;
   UPDATE board_updates SET seq = numbered.n
     FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY board_id ORDER BY id) AS n FROM board_updates) AS numbered
     WHERE board_updates.id = numbered.id;
   CREATE UNIQUE INDEX board_updates_by_seq ON board_updates (board_id, seq);`,
];

export const DATABASE_FILE = 'parcours.sqlite';

/** Wraps a Uint8Array as a Buffer over the same bytes (no copy), as better-sqlite3 binds Buffers. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export interface SqliteStoreOptions {
  /** The clock for row times (tests). */
  now?: () => number;
  /** How long replaced rows stay in the history (default HISTORY_KEEP_MS). */
  historyKeepMs?: number;
}

/** Opens (creating if needed) the SQLite board store in `dataDir`. */
export function openSqliteStore(dataDir: string, options: SqliteStoreOptions = {}): BoardStore {
  const now = options.now ?? Date.now;
  const keepMs = options.historyKeepMs ?? HISTORY_KEEP_MS;
  // A committed append is in the WAL file before append() returns (see openSqliteFile).
  const db = openSqliteFile(dataDir, DATABASE_FILE, 'database', MIGRATIONS);

  const selectRows = db.prepare<[string], { data: Buffer }>('SELECT data FROM board_updates WHERE board_id = ? ORDER BY seq');
  const selectSince = db.prepare<[string, number], { seq: number; data: Buffer }>(
    'SELECT seq, data FROM board_updates WHERE board_id = ? AND seq > ? ORDER BY seq',
  );
  const selectMaxSeq = db.prepare<[string], { seq: number | null }>('SELECT MAX(seq) AS seq FROM board_updates WHERE board_id = ?');
  // The seq is assigned inside the insert: better-sqlite3 runs one statement at a time, so two
  // appends can never read the same MAX(seq); the unique index would refuse it anyway.
  const insertRow = db.prepare<[string, Buffer, number, string], { seq: number }>(
    `INSERT INTO board_updates (board_id, data, created_at, seq)
     VALUES (?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM board_updates WHERE board_id = ?)) RETURNING seq`,
  );
  const insertAt = db.prepare<[string, Buffer, number, number]>(
    'INSERT INTO board_updates (board_id, data, created_at, seq) VALUES (?, ?, ?, ?)',
  );
  const selectTimed = db.prepare<[string], { seq: number; data: Buffer; created_at: number }>(
    'SELECT seq, data, created_at FROM board_updates WHERE board_id = ? ORDER BY seq',
  );
  const importRow = db.prepare<[string, Buffer, number, number]>(
    'INSERT OR IGNORE INTO board_updates (board_id, data, created_at, seq) VALUES (?, ?, ?, ?)',
  );
  const importRows = db.transaction((boardId: string, rows: readonly StoredRow[]) => {
    let added = 0;
    for (const row of rows) added += importRow.run(boardId, asBuffer(row.update), row.createdAt, row.seq).changes;
    return added;
  });
  const deleteRows = db.prepare<[string, number]>('DELETE FROM board_updates WHERE board_id = ? AND seq <= ?');
  const countRows = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM board_updates WHERE board_id = ?');
  // length() of a blob reads its size from the row header, not the blob itself.
  const boardsFirst = db.prepare<[number], StoredBoard>(
    `SELECT board_id AS boardId, MAX(created_at) AS lastActivity, SUM(length(data)) AS bytes FROM board_updates
     GROUP BY board_id ORDER BY lastActivity DESC, boardId DESC LIMIT ?`,
  );
  const boardsAfter = db.prepare<[number, number, string, number], StoredBoard>(
    `SELECT board_id AS boardId, MAX(created_at) AS lastActivity, SUM(length(data)) AS bytes FROM board_updates
     GROUP BY board_id HAVING lastActivity < ? OR (lastActivity = ? AND boardId < ?)
     ORDER BY lastActivity DESC, boardId DESC LIMIT ?`,
  );
  const countAll = db.prepare<[], { boards: number; rows: number }>(
    'SELECT COUNT(DISTINCT board_id) AS boards, COUNT(*) AS rows FROM board_updates',
  );
  const selectWriters = db.prepare<[string], { client_id: number; key_hash: string }>(
    'SELECT client_id, key_hash FROM board_writers WHERE board_id = ?',
  );
  const insertWriter = db.prepare<[string, number, string]>(
    'INSERT OR IGNORE INTO board_writers (board_id, client_id, key_hash) VALUES (?, ?, ?)',
  );
  const keepRows = db.prepare<[number, string, number]>(
    'INSERT INTO board_history (board_id, data, created_at, compacted_at) SELECT board_id, data, created_at, ? FROM board_updates WHERE board_id = ? AND seq <= ? ORDER BY seq',
  );
  const pruneRows = db.prepare<[number]>('DELETE FROM board_history WHERE compacted_at < ?');
  const timedRows = db.prepare<[string, number, string, number], { data: Buffer; created_at: number }>(
    `SELECT data, created_at FROM (
       SELECT data, created_at, 0 AS part, id FROM board_history WHERE board_id = ? AND created_at <= ?
       UNION ALL
       SELECT data, created_at, 1 AS part, id FROM board_updates WHERE board_id = ? AND created_at <= ?
     ) ORDER BY created_at, part, id`,
  );
  const maxSeq = (boardId: string): number => selectMaxSeq.get(boardId)?.seq ?? 0;
  const replaceRows = db.transaction((boardId: string, state: Buffer, upToSeq: number | undefined) => {
    const at = now();
    const covered = upToSeq ?? maxSeq(boardId);
    if (covered <= 0) {
      // Nothing stored yet: the state becomes the first row.
      insertRow.get(boardId, state, at, boardId);
    } else {
      keepRows.run(at, boardId, covered);
      deleteRows.run(boardId, covered);
      insertAt.run(boardId, state, at, covered);
    }
    pruneRows.run(at - keepMs);
  });

  return {
    load: (boardId) => selectRows.all(boardId).map((row) => new Uint8Array(row.data)),
    append: (boardId, update) => {
      const row = insertRow.get(boardId, asBuffer(update), now(), boardId);
      if (!row) throw new Error('the insert returned no seq');
      return { seq: row.seq };
    },
    compact: (boardId, state, upToSeq) => {
      replaceRows(boardId, asBuffer(state), upToSeq);
    },
    loadSince: (boardId, seq) => selectSince.all(boardId, seq).map((row) => ({ seq: row.seq, update: new Uint8Array(row.data) })),
    maxSeq,
    loadRows: (boardId) =>
      selectTimed.all(boardId).map((row) => ({ seq: row.seq, update: new Uint8Array(row.data), createdAt: row.created_at })),
    importRows: (boardId, rows) => importRows(boardId, rows),
    stateAt: (boardId, at) =>
      rebuildAt(
        timedRows.all(boardId, at, boardId, at).map((row) => ({ data: new Uint8Array(row.data), createdAt: row.created_at })),
        at,
      ),
    pruneHistory: () => pruneRows.run(now() - keepMs).changes,
    stats: () => countAll.get() ?? { boards: 0, rows: 0 },
    rowCount: (boardId) => countRows.get(boardId)?.n ?? 0,
    listBoards: (limit, after) =>
      after === undefined ? boardsFirst.all(limit) : boardsAfter.all(after.lastActivity, after.lastActivity, after.boardId, limit),
    loadWriters: (boardId) => new Map(selectWriters.all(boardId).map((row) => [row.client_id, row.key_hash])),
    bindWriter: (boardId, client, keyHash) => {
      insertWriter.run(boardId, client, keyHash);
    },
    close: () => {
      if (db.open) db.close();
    },
  };
}

/** A BoardStore kept in memory: for tests, and as the reference behaviour of the interface. */
export function createMemoryStore(): BoardStore & { rows: Map<string, Uint8Array[]> } {
  const rows = new Map<string, Uint8Array[]>();
  /** The seq of each row of `rows`, index for index. */
  const seqs = new Map<string, number[]>();
  const writers = new Map<string, Map<number, string>>();
  const maxSeq = (boardId: string): number => seqs.get(boardId)?.at(-1) ?? 0;
  return {
    rows,
    maxSeq,
    loadSince: (boardId, seq) => {
      const list = rows.get(boardId) ?? [];
      const numbers = seqs.get(boardId) ?? [];
      return list.flatMap((update, i) => (numbers[i]! > seq ? [{ seq: numbers[i]!, update }] : []));
    },
    loadWriters: (boardId) => new Map(writers.get(boardId) ?? []),
    bindWriter: (boardId, client, keyHash) => {
      const board = writers.get(boardId) ?? new Map<number, string>();
      if (!board.has(client)) board.set(client, keyHash);
      writers.set(boardId, board);
    },
    load: (boardId) => [...(rows.get(boardId) ?? [])],
    append: (boardId, update) => {
      const seq = maxSeq(boardId) + 1;
      rows.set(boardId, [...(rows.get(boardId) ?? []), update.slice()]);
      seqs.set(boardId, [...(seqs.get(boardId) ?? []), seq]);
      return { seq };
    },
    compact: (boardId, state, upToSeq) => {
      const covered = upToSeq ?? maxSeq(boardId);
      const list = rows.get(boardId) ?? [];
      const numbers = seqs.get(boardId) ?? [];
      const kept = numbers.flatMap((seq, i) => (seq > covered ? [i] : []));
      rows.set(boardId, [state.slice(), ...kept.map((i) => list[i]!)]);
      seqs.set(boardId, [Math.max(covered, 1), ...kept.map((i) => numbers[i]!)]);
    },
    stats: () => ({ boards: rows.size, rows: [...rows.values()].reduce((n, list) => n + list.length, 0) }),
    rowCount: (boardId) => rows.get(boardId)?.length ?? 0,
    close: () => {
      rows.clear();
      seqs.clear();
      writers.clear();
    },
  };
}
