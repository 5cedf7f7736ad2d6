/**
 * What the relay knows about boards besides their content: which boards are protected by
 * share links (and their link generation), and the named versions saved by facilitators.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { newId } from '../src/model/ids';

export interface VersionInfo {
  id: string;
  boardId: string;
  name: string;
  author: string;
  createdAt: number;
  bytes: number;
}

export interface MetaStore {
  /** The link generation of a protected board, or null for an open board (no access control). */
  generation(boardId: string): number | null;
  /** Protects a board (generation 0) if it is not yet. Returns its generation. */
  protect(boardId: string): number;
  /** Revokes every link of a board. Returns the new generation. */
  revoke(boardId: string): number;
  saveVersion(boardId: string, name: string, author: string, state: Uint8Array, now?: number): VersionInfo;
  listVersions(boardId: string): VersionInfo[];
  loadVersion(boardId: string, versionId: string): Uint8Array | null;
  close(): void;
}

export const META_FILE = 'parcours-meta.sqlite';
const SCHEMA_VERSION = 1;

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
  const getGeneration = db.prepare<[string], { generation: number }>('SELECT generation FROM boards WHERE board_id = ?');
  const insertBoard = db.prepare('INSERT OR IGNORE INTO boards (board_id, generation, created_at) VALUES (?, 0, ?)');
  const bump = db.prepare('UPDATE boards SET generation = generation + 1 WHERE board_id = ?');
  const insertVersion = db.prepare('INSERT INTO versions (id, board_id, name, author, created_at, state) VALUES (?, ?, ?, ?, ?, ?)');
  const list = db.prepare<[string], { id: string; name: string; author: string; created_at: number; bytes: number }>(
    'SELECT id, name, author, created_at, length(state) AS bytes FROM versions WHERE board_id = ? ORDER BY created_at DESC, id',
  );
  const load = db.prepare<[string, string], { state: Buffer }>('SELECT state FROM versions WHERE board_id = ? AND id = ?');
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
    saveVersion(boardId, name, author, state, now = Date.now()) {
      const id = newId();
      insertVersion.run(id, boardId, name, author, now, Buffer.from(state));
      return { id, boardId, name, author, createdAt: now, bytes: state.byteLength };
    },
    listVersions: (boardId) => list.all(boardId).map((r) => ({ id: r.id, boardId, name: r.name, author: r.author, createdAt: r.created_at, bytes: r.bytes })),
    loadVersion(boardId, versionId) {
      const row = load.get(boardId, versionId);
      return row ? new Uint8Array(row.state) : null;
    },
    close: () => db.close(),
  };
}
