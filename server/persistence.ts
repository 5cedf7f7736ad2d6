/** Board storage: an append-only log of Yjs updates per board, compacted from time to time. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

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
  /** Stores one update. Must be durable when it returns: a crash right after loses nothing. */
  append(boardId: string, update: Uint8Array): void;
  /** Atomically replaces all stored rows of a board by `state` (a full-state update). */
  compact(boardId: string, state: Uint8Array): void;
  /** Row counts, for logs and diagnostics. */
  stats?(): BoardStoreStats;
  /** Number of stored rows of one board. */
  rowCount?(boardId: string): number;
  /** Which writer key (a hash) first wrote under each Yjs client id of a board. */
  loadWriters(boardId: string): Map<number, string>;
  /** Records that `client` writes under the key `keyHash` (first writer wins; later calls are ignored). */
  bindWriter(boardId: string, client: number, keyHash: string): void;
  close(): void;
}

/** Bump when the schema changes, and add the step to MIGRATIONS. */
const SCHEMA_VERSION = 2;

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
];

export const DATABASE_FILE = 'parcours.sqlite';

/** Wraps a Uint8Array as a Buffer over the same bytes (no copy), as better-sqlite3 binds Buffers. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Brings the schema up to SCHEMA_VERSION, one transaction per step. */
function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new Error(`database schema version ${current} is newer than this relay understands (${SCHEMA_VERSION})`);
  }
  for (let version = current; version < SCHEMA_VERSION; version++) {
    const step = MIGRATIONS[version];
    if (step === undefined) throw new Error(`no migration from schema version ${version}`);
    db.transaction(() => {
      db.exec(step);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

/** Opens (creating if needed) the SQLite board store in `dataDir`. */
export function openSqliteStore(dataDir: string): BoardStore {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, DATABASE_FILE));
  // WAL + NORMAL: a committed append is in the WAL file before append() returns, so it survives
  // the process being killed; only an OS crash or power cut can lose the last commits.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const selectRows = db.prepare<[string], { data: Buffer }>('SELECT data FROM board_updates WHERE board_id = ? ORDER BY id');
  const insertRow = db.prepare<[string, Buffer, number]>('INSERT INTO board_updates (board_id, data, created_at) VALUES (?, ?, ?)');
  const deleteRows = db.prepare<[string]>('DELETE FROM board_updates WHERE board_id = ?');
  const countRows = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM board_updates WHERE board_id = ?');
  const countAll = db.prepare<[], { boards: number; rows: number }>(
    'SELECT COUNT(DISTINCT board_id) AS boards, COUNT(*) AS rows FROM board_updates',
  );
  const selectWriters = db.prepare<[string], { client_id: number; key_hash: string }>('SELECT client_id, key_hash FROM board_writers WHERE board_id = ?');
  const insertWriter = db.prepare<[string, number, string]>('INSERT OR IGNORE INTO board_writers (board_id, client_id, key_hash) VALUES (?, ?, ?)');
  const replaceRows = db.transaction((boardId: string, state: Buffer) => {
    deleteRows.run(boardId);
    insertRow.run(boardId, state, Date.now());
  });

  return {
    load: (boardId) => selectRows.all(boardId).map((row) => new Uint8Array(row.data)),
    append: (boardId, update) => {
      insertRow.run(boardId, asBuffer(update), Date.now());
    },
    compact: (boardId, state) => {
      replaceRows(boardId, asBuffer(state));
    },
    stats: () => countAll.get() ?? { boards: 0, rows: 0 },
    rowCount: (boardId) => countRows.get(boardId)?.n ?? 0,
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
  const writers = new Map<string, Map<number, string>>();
  return {
    rows,
    loadWriters: (boardId) => new Map(writers.get(boardId) ?? []),
    bindWriter: (boardId, client, keyHash) => {
      const board = writers.get(boardId) ?? new Map<number, string>();
      if (!board.has(client)) board.set(client, keyHash);
      writers.set(boardId, board);
    },
    load: (boardId) => [...(rows.get(boardId) ?? [])],
    append: (boardId, update) => {
      const list = rows.get(boardId) ?? [];
      list.push(update.slice());
      rows.set(boardId, list);
    },
    compact: (boardId, state) => {
      rows.set(boardId, [state.slice()]);
    },
    stats: () => ({ boards: rows.size, rows: [...rows.values()].reduce((n, list) => n + list.length, 0) }),
    rowCount: (boardId) => rows.get(boardId)?.length ?? 0,
    close: () => {
      rows.clear();
      writers.clear();
    },
  };
}
