/**
 * What the relay knows about boards besides their content: which boards are protected by
 * share links (and their link generation), the named versions saved by facilitators and the
 * automatic versions the relay takes itself. The interface is asynchronous, so that PostgreSQL
 * can take SQLite's place (server/storage/postgresMeta.ts) and several relays share one.
 */
import { newId } from '../src/model/ids';
import type { VersionKind } from '../src/model/versions';
import { openSqliteFile } from './sqliteFile';

export interface VersionInfo {
  id: string;
  boardId: string;
  name: string;
  author: string;
  createdAt: number;
  bytes: number;
  kind: VersionKind;
}

/** Where and when an automatic version was taken: what thinning needs. */
export interface AutoVersionRef {
  id: string;
  boardId: string;
  createdAt: number;
}

/** A protected board's row, as the migration between stores copies it. */
export interface LinkRow {
  boardId: string;
  generation: number;
  createdAt: number;
}

/** A version with its state, as the migration between stores copies it. */
export interface VersionRow extends Omit<VersionInfo, 'bytes'> {
  state: Uint8Array;
}

/** How many rows a metadata store holds, for the migration's count check. */
export interface MetaCounts {
  links: number;
  versions: number;
}

/** Thrown by `saveVersion` when the board's link generation is no longer the one the caller was checked against. */
export class LinksChangedError extends Error {
  constructor(boardId: string) {
    super(`the share links of ${boardId} changed`);
    this.name = 'LinksChangedError';
  }
}

export interface MetaStore {
  /** The link generation of a protected board, or null for an open board (no access control). */
  generation(boardId: string): Promise<number | null>;
  /** Protects a board (generation 0) if it is not yet. Resolves with its generation. */
  protect(boardId: string): Promise<number>;
  /** Revokes every link of a board (protecting it if it was open). Resolves with the new generation, never another caller's. */
  revoke(boardId: string): Promise<number>;
  /**
   * Saves a named version (kept for ever). With `generation` (the one the caller's link was
   * checked against, null for an open board), nothing is saved and LinksChangedError is thrown
   * if the board's links changed meanwhile: the check and the insert are one statement.
   */
  saveVersion(
    boardId: string,
    name: string,
    author: string,
    state: Uint8Array,
    now?: number,
    generation?: number | null,
  ): Promise<VersionInfo>;
  /** Saves an automatic version (no name, no author; thinned by the relay's schedule). */
  saveAutoVersion(boardId: string, state: Uint8Array, now?: number): Promise<VersionInfo>;
  /** Every version of a board, named and automatic, newest first. */
  listVersions(boardId: string): Promise<VersionInfo[]>;
  loadVersion(boardId: string, versionId: string): Promise<Uint8Array | null>;
  /** The newest version of a board, of either kind, with its state. */
  latestVersion(boardId: string): Promise<{ info: VersionInfo; state: Uint8Array } | null>;
  /** Automatic versions of one board, or of every board, oldest first. */
  listAutoVersions(boardId?: string): Promise<AutoVersionRef[]>;
  /** Deletes automatic versions by id; named versions are never deleted, whatever the ids. Resolves with how many went. */
  deleteAutoVersions(ids: readonly string[]): Promise<number>;
  /** Every protected board (the migration). */
  exportLinks(): Promise<LinkRow[]>;
  /** Stores link rows; a board keeps the higher generation. Resolves with how many rows changed. */
  importLinks(rows: readonly LinkRow[]): Promise<number>;
  /** Up to `limit` versions with their states, in id order after `afterId` (the migration, a page at a time). */
  exportVersions(limit: number, afterId?: string): Promise<VersionRow[]>;
  /** Stores versions under their own ids, skipping ids already there. Resolves with how many went in. */
  importVersions(rows: readonly VersionRow[]): Promise<number>;
  counts(): Promise<MetaCounts>;
  close(): Promise<void>;
}

export const META_FILE = 'parcours-meta.sqlite';

interface VersionDbRow {
  id: string;
  name: string;
  author: string;
  created_at: number;
  bytes: number;
  kind: string;
}

/** A stored row as a VersionInfo (shared with the PostgreSQL store). */
export function toVersionInfo(
  boardId: string,
  r: { id: string; name: string; author: string; createdAt: number; bytes: number; kind: string },
): VersionInfo {
  return {
    id: r.id,
    boardId,
    name: r.name,
    author: r.author,
    createdAt: r.createdAt,
    bytes: r.bytes,
    kind: r.kind === 'auto' ? 'auto' : 'named',
  };
}

const fromDb = (boardId: string, r: VersionDbRow): VersionInfo => toVersionInfo(boardId, { ...r, createdAt: r.created_at });

/** MIGRATIONS[n] brings the file from user_version n to n + 1. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE boards (board_id TEXT PRIMARY KEY, generation INTEGER NOT NULL, created_at INTEGER NOT NULL);
   CREATE TABLE versions (
     id TEXT PRIMARY KEY, board_id TEXT NOT NULL, name TEXT NOT NULL, author TEXT NOT NULL,
     created_at INTEGER NOT NULL, state BLOB NOT NULL
   );
   CREATE INDEX versions_by_board ON versions (board_id, created_at);`,
  // Every version saved before automatic versions existed was named by a facilitator.
  `ALTER TABLE versions ADD COLUMN kind TEXT NOT NULL DEFAULT 'named' CHECK (kind IN ('named', 'auto'));
   CREATE INDEX versions_by_kind ON versions (kind, board_id, created_at);`,
];

/** Opens (creating if needed) the metadata database in `dataDir`. */
export function openMetaStore(dataDir: string): MetaStore {
  const db = openSqliteFile(dataDir, META_FILE, 'metadata', MIGRATIONS);
  const getGeneration = db.prepare<[string], { generation: number }>('SELECT generation FROM boards WHERE board_id = ?');
  // Single statements: the answer is the row as this statement left it, whoever else writes.
  const protect = db.prepare<[string, number], { generation: number }>(
    'INSERT INTO boards (board_id, generation, created_at) VALUES (?, 0, ?) ON CONFLICT (board_id) DO UPDATE SET generation = generation RETURNING generation',
  );
  const revoke = db.prepare<[string, number], { generation: number }>(
    'INSERT INTO boards (board_id, generation, created_at) VALUES (?, 1, ?) ON CONFLICT (board_id) DO UPDATE SET generation = generation + 1 RETURNING generation',
  );
  const insertVersion = db.prepare(
    'INSERT INTO versions (id, board_id, name, author, created_at, state, kind) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  // `IS` compares NULL (an open board) too.
  const insertVersionAt = db.prepare(
    `INSERT INTO versions (id, board_id, name, author, created_at, state, kind)
     SELECT @id, @board, @name, @author, @at, @state, 'named' WHERE (SELECT generation FROM boards WHERE board_id = @board) IS @generation`,
  );
  const list = db.prepare<[string], VersionDbRow>(
    'SELECT id, name, author, created_at, length(state) AS bytes, kind FROM versions WHERE board_id = ? ORDER BY created_at DESC, id',
  );
  const load = db.prepare<[string, string], { state: Buffer }>('SELECT state FROM versions WHERE board_id = ? AND id = ?');
  const latest = db.prepare<[string], VersionDbRow & { state: Buffer }>(
    'SELECT id, name, author, created_at, length(state) AS bytes, kind, state FROM versions WHERE board_id = ? ORDER BY created_at DESC, id LIMIT 1',
  );
  const autoOfBoard = db.prepare<[string], { id: string; board_id: string; created_at: number }>(
    "SELECT id, board_id, created_at FROM versions WHERE kind = 'auto' AND board_id = ? ORDER BY created_at, id",
  );
  const autoOfAll = db.prepare<[], { id: string; board_id: string; created_at: number }>(
    "SELECT id, board_id, created_at FROM versions WHERE kind = 'auto' ORDER BY board_id, created_at, id",
  );
  const deleteAuto = db.prepare<[string]>("DELETE FROM versions WHERE id = ? AND kind = 'auto'");
  const deleteAutoMany = db.transaction((ids: readonly string[]) => ids.reduce((n, id) => n + deleteAuto.run(id).changes, 0));
  const allLinks = db.prepare<[], { board_id: string; generation: number; created_at: number }>(
    'SELECT board_id, generation, created_at FROM boards ORDER BY board_id',
  );
  const upsertLink = db.prepare<[string, number, number]>(
    `INSERT INTO boards (board_id, generation, created_at) VALUES (?, ?, ?)
     ON CONFLICT (board_id) DO UPDATE SET generation = excluded.generation WHERE excluded.generation > boards.generation`,
  );
  const importLinks = db.transaction((rows: readonly LinkRow[]) =>
    rows.reduce((n, r) => n + upsertLink.run(r.boardId, r.generation, r.createdAt).changes, 0),
  );
  type FullRow = { id: string; board_id: string; name: string; author: string; created_at: number; kind: string; state: Buffer };
  const versionsAfter = db.prepare<[string, number], FullRow>(
    'SELECT id, board_id, name, author, created_at, kind, state FROM versions WHERE id > ? ORDER BY id LIMIT ?',
  );
  const insertVersionIfNew = db.prepare(
    'INSERT INTO versions (id, board_id, name, author, created_at, state, kind) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
  );
  const importVersions = db.transaction((rows: readonly VersionRow[]) =>
    rows.reduce(
      (n, r) => n + insertVersionIfNew.run(r.id, r.boardId, r.name, r.author, r.createdAt, Buffer.from(r.state), r.kind).changes,
      0,
    ),
  );
  const countLinks = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM boards');
  const countVersions = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM versions');

  const save = (boardId: string, name: string, author: string, state: Uint8Array, now: number, kind: VersionKind): VersionInfo => {
    const id = newId();
    insertVersion.run(id, boardId, name, author, now, Buffer.from(state), kind);
    return { id, boardId, name, author, createdAt: now, bytes: state.byteLength, kind };
  };
  return {
    generation: async (boardId) => getGeneration.get(boardId)?.generation ?? null,
    protect: async (boardId) => protect.get(boardId, Date.now())!.generation,
    revoke: async (boardId) => revoke.get(boardId, Date.now())!.generation,
    saveVersion: async (boardId, name, author, state, now = Date.now(), generation) => {
      if (generation === undefined) return save(boardId, name, author, state, now, 'named');
      const id = newId();
      const { changes } = insertVersionAt.run({ id, board: boardId, name, author, at: now, state: Buffer.from(state), generation });
      if (changes === 0) throw new LinksChangedError(boardId);
      return { id, boardId, name, author, createdAt: now, bytes: state.byteLength, kind: 'named' };
    },
    saveAutoVersion: async (boardId, state, now = Date.now()) => save(boardId, '', '', state, now, 'auto'),
    listVersions: async (boardId) => list.all(boardId).map((r) => fromDb(boardId, r)),
    loadVersion: async (boardId, versionId) => {
      const row = load.get(boardId, versionId);
      return row ? new Uint8Array(row.state) : null;
    },
    latestVersion: async (boardId) => {
      const row = latest.get(boardId);
      return row ? { info: fromDb(boardId, row), state: new Uint8Array(row.state) } : null;
    },
    listAutoVersions: async (boardId) =>
      (boardId === undefined ? autoOfAll.all() : autoOfBoard.all(boardId)).map((r) => ({
        id: r.id,
        boardId: r.board_id,
        createdAt: r.created_at,
      })),
    deleteAutoVersions: async (ids) => (ids.length === 0 ? 0 : deleteAutoMany(ids)),
    exportLinks: async () => allLinks.all().map((r) => ({ boardId: r.board_id, generation: r.generation, createdAt: r.created_at })),
    importLinks: async (rows) => importLinks(rows),
    exportVersions: async (limit, afterId = '') =>
      versionsAfter.all(afterId, limit).map((r) => ({
        id: r.id,
        boardId: r.board_id,
        name: r.name,
        author: r.author,
        createdAt: r.created_at,
        kind: r.kind === 'auto' ? 'auto' : 'named',
        state: new Uint8Array(r.state),
      })),
    importVersions: async (rows) => importVersions(rows),
    counts: async () => ({ links: countLinks.get()!.n, versions: countVersions.get()!.n }),
    close: async () => {
      if (db.open) db.close();
    },
  };
}
