/**
 * What the relay knows about boards besides their content: which boards are protected by
 * share links (and their link generation), the named versions saved by facilitators and the
 * automatic versions the relay takes itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { newId } from '../src/model/ids';
import type { VersionKind } from '../src/model/versions';

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

export interface MetaStore {
  /** The link generation of a protected board, or null for an open board (no access control). */
  generation(boardId: string): number | null;
  /** Protects a board (generation 0) if it is not yet. Returns its generation. */
  protect(boardId: string): number;
  /** Revokes every link of a board. Returns the new generation. */
  revoke(boardId: string): number;
  /** Saves a named version (kept for ever). */
  saveVersion(boardId: string, name: string, author: string, state: Uint8Array, now?: number): VersionInfo;
  /** Saves an automatic version (no name, no author; thinned by the relay's schedule). */
  saveAutoVersion(boardId: string, state: Uint8Array, now?: number): VersionInfo;
  /** Every version of a board, named and automatic, newest first. */
  listVersions(boardId: string): VersionInfo[];
  loadVersion(boardId: string, versionId: string): Uint8Array | null;
  /** The newest version of a board, of either kind, with its state. */
  latestVersion(boardId: string): { info: VersionInfo; state: Uint8Array } | null;
  /** Automatic versions of one board, or of every board, oldest first. */
  listAutoVersions(boardId?: string): AutoVersionRef[];
  /** Deletes automatic versions by id; named versions are never deleted, whatever the ids. Returns how many went. */
  deleteAutoVersions(ids: readonly string[]): number;
  close(): void;
}

export const META_FILE = 'parcours-meta.sqlite';

interface VersionRow {
  id: string;
  name: string;
  author: string;
  created_at: number;
  bytes: number;
  kind: string;
}

function toInfo(boardId: string, r: VersionRow): VersionInfo {
  return {
    id: r.id,
    boardId,
    name: r.name,
    author: r.author,
    createdAt: r.created_at,
    bytes: r.bytes,
    kind: r.kind === 'auto' ? 'auto' : 'named',
  };
}
const SCHEMA_VERSION = 2;

/** Opens (creating if needed) the metadata database in `dataDir`. */
export function openMetaStore(dataDir: string): MetaStore {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, META_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) throw new Error(`metadata schema ${version} is newer than this relay understands`);
  if (version < 1) {
    db.exec(`
      CREATE TABLE boards (board_id TEXT PRIMARY KEY, generation INTEGER NOT NULL, created_at INTEGER NOT NULL);
      CREATE TABLE versions (
        id TEXT PRIMARY KEY, board_id TEXT NOT NULL, name TEXT NOT NULL, author TEXT NOT NULL,
        created_at INTEGER NOT NULL, state BLOB NOT NULL
      );
      CREATE INDEX versions_by_board ON versions (board_id, created_at);
      PRAGMA user_version = 1;
    `);
  }
  if (version < 2) {
    // Every version saved before automatic versions existed was named by a facilitator.
    db.transaction(() =>
      db.exec(`
        ALTER TABLE versions ADD COLUMN kind TEXT NOT NULL DEFAULT 'named' CHECK (kind IN ('named', 'auto'));
        CREATE INDEX versions_by_kind ON versions (kind, board_id, created_at);
        PRAGMA user_version = 2;
      `),
    )();
  }
  const getGeneration = db.prepare<[string], { generation: number }>('SELECT generation FROM boards WHERE board_id = ?');
  const insertBoard = db.prepare('INSERT OR IGNORE INTO boards (board_id, generation, created_at) VALUES (?, 0, ?)');
  const bump = db.prepare('UPDATE boards SET generation = generation + 1 WHERE board_id = ?');
  const insertVersion = db.prepare(
    'INSERT INTO versions (id, board_id, name, author, created_at, state, kind) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const list = db.prepare<[string], VersionRow>(
    'SELECT id, name, author, created_at, length(state) AS bytes, kind FROM versions WHERE board_id = ? ORDER BY created_at DESC, id',
  );
  const load = db.prepare<[string, string], { state: Buffer }>('SELECT state FROM versions WHERE board_id = ? AND id = ?');
  const latest = db.prepare<[string], VersionRow & { state: Buffer }>(
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
  const save = (boardId: string, name: string, author: string, state: Uint8Array, now: number, kind: VersionKind): VersionInfo => {
    const id = newId();
    insertVersion.run(id, boardId, name, author, now, Buffer.from(state), kind);
    return { id, boardId, name, author, createdAt: now, bytes: state.byteLength, kind };
  };
  return {
    generation: (boardId) => getGeneration.get(boardId)?.generation ?? null,
    protect(boardId) {
      insertBoard.run(boardId, Date.now());
      return getGeneration.get(boardId)?.generation ?? 0;
    },
    revoke(boardId) {
      insertBoard.run(boardId, Date.now());
      bump.run(boardId);
      return getGeneration.get(boardId)?.generation ?? 0;
    },
    saveVersion: (boardId, name, author, state, now = Date.now()) => save(boardId, name, author, state, now, 'named'),
    saveAutoVersion: (boardId, state, now = Date.now()) => save(boardId, '', '', state, now, 'auto'),
    listVersions: (boardId) => list.all(boardId).map((r) => toInfo(boardId, r)),
    loadVersion(boardId, versionId) {
      const row = load.get(boardId, versionId);
      return row ? new Uint8Array(row.state) : null;
    },
    latestVersion(boardId) {
      const row = latest.get(boardId);
      return row ? { info: toInfo(boardId, row), state: new Uint8Array(row.state) } : null;
    },
    listAutoVersions: (boardId) =>
      (boardId === undefined ? autoOfAll.all() : autoOfBoard.all(boardId)).map((r) => ({
        id: r.id,
        boardId: r.board_id,
        createdAt: r.created_at,
      })),
    deleteAutoVersions: (ids) => (ids.length === 0 ? 0 : deleteAutoMany(ids)),
    close: () => db.close(),
  };
}
