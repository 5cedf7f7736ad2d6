/**
 * Board storage in a SQLite file (parcours.sqlite in DATA_DIR), the relay's default store: the
 * BoardStore of server/persistence.ts over better-sqlite3, synchronous, each append durable in the
 * WAL before it returns. Its schema (MIGRATIONS) and its prepared queries are here; the rows a
 * compaction replaces go to its history table and are rebuilt by history.ts. postgres.ts is the
 * same log in PostgreSQL.
 */
import type { BoardStore, StoredBoard, StoredRow } from '../persistence';
import { openSqliteFile } from '../sqliteFile';
import { HISTORY_KEEP_MS, rebuildAt } from './history';

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

/** The board database's file name in DATA_DIR. */
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
