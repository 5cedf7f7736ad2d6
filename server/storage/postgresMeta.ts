/**
 * Board metadata in PostgreSQL: share-link generations, named and automatic versions, the same
 * behaviour as the SQLite file (server/metaStore.ts), so that every relay instance on one
 * database sees the same links and versions. Generations change in single statements
 * (`… ON CONFLICT … RETURNING`): concurrent revocations each get their own new generation.
 */
import { newId } from '../../src/model/ids';
import type { VersionKind } from '../../src/model/versions';
import { LinksChangedError, toVersionInfo, type MetaStore, type VersionInfo } from '../metaStore';
import { num, openStorePool, type StorePoolOptions } from './pgSchema';

/** MIGRATIONS[n] brings the metadata tables from version n to n + 1. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE board_links (
     board_id   TEXT   PRIMARY KEY,
     generation BIGINT NOT NULL,
     created_at BIGINT NOT NULL
   );
   CREATE TABLE board_versions (
     id         TEXT   PRIMARY KEY,
     board_id   TEXT   NOT NULL,
     name       TEXT   NOT NULL,
     author     TEXT   NOT NULL,
     created_at BIGINT NOT NULL,
     kind       TEXT   NOT NULL CHECK (kind IN ('named', 'auto')),
     state      BYTEA  NOT NULL
   );
   CREATE INDEX board_versions_by_board ON board_versions (board_id, created_at DESC, id);
   CREATE INDEX board_versions_auto ON board_versions (board_id, created_at, id) WHERE kind = 'auto';`,
];

interface Row {
  id: string;
  board_id: string;
  name: string;
  author: string;
  created_at: string;
  bytes: string;
  kind: string;
}

const INFO = 'id, board_id, name, author, created_at, octet_length(state) AS bytes, kind';
const info = (r: Row): VersionInfo => toVersionInfo(r.board_id, { ...r, createdAt: num(r.created_at), bytes: num(r.bytes) });

/** Connects to `url` (postgres://…), migrates the metadata tables and returns the store. */
export async function openPostgresMetaStore(url: string, options: StorePoolOptions = {}): Promise<MetaStore> {
  const pool = await openStorePool(url, 'meta', MIGRATIONS, options);
  const generationOf = async (sql: string, boardId: string) =>
    num((await pool.query<{ generation: string }>(sql, [boardId, Date.now()])).rows[0]!.generation);
  const save = async (boardId: string, name: string, author: string, state: Uint8Array, now: number, kind: VersionKind) => {
    const id = newId();
    await pool.query(
      'INSERT INTO board_versions (id, board_id, name, author, created_at, kind, state) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [id, boardId, name, author, now, kind, Buffer.from(state)],
    );
    return { id, boardId, name, author, createdAt: now, bytes: state.byteLength, kind };
  };
  let closed = false;
  return {
    generation: async (boardId) => {
      const result = await pool.query<{ generation: string }>('SELECT generation FROM board_links WHERE board_id = $1', [boardId]);
      return result.rows.length === 0 ? null : num(result.rows[0]!.generation);
    },
    // DO UPDATE (not DO NOTHING) so that the row comes back even when another instance inserted it first.
    protect: (boardId) =>
      generationOf(
        `INSERT INTO board_links (board_id, generation, created_at) VALUES ($1, 0, $2)
         ON CONFLICT (board_id) DO UPDATE SET generation = board_links.generation RETURNING generation`,
        boardId,
      ),
    revoke: (boardId) =>
      generationOf(
        `INSERT INTO board_links (board_id, generation, created_at) VALUES ($1, 1, $2)
         ON CONFLICT (board_id) DO UPDATE SET generation = board_links.generation + 1 RETURNING generation`,
        boardId,
      ),
    saveVersion: async (boardId, name, author, state, now = Date.now(), generation) => {
      if (generation === undefined) return save(boardId, name, author, state, now, 'named');
      const id = newId();
      const result = await pool.query(
        `INSERT INTO board_versions (id, board_id, name, author, created_at, kind, state)
         SELECT $1, $2, $3, $4, $5, 'named', $6
         WHERE (SELECT generation FROM board_links WHERE board_id = $2) IS NOT DISTINCT FROM $7::bigint`,
        [id, boardId, name, author, now, Buffer.from(state), generation],
      );
      if (result.rowCount === 0) throw new LinksChangedError(boardId);
      return { id, boardId, name, author, createdAt: now, bytes: state.byteLength, kind: 'named' };
    },
    saveAutoVersion: (boardId, state, now = Date.now()) => save(boardId, '', '', state, now, 'auto'),
    listVersions: async (boardId) =>
      (await pool.query<Row>(`SELECT ${INFO} FROM board_versions WHERE board_id = $1 ORDER BY created_at DESC, id`, [boardId])).rows.map(
        info,
      ),
    loadVersion: async (boardId, versionId) => {
      const result = await pool.query<{ state: Buffer }>('SELECT state FROM board_versions WHERE board_id = $1 AND id = $2', [
        boardId,
        versionId,
      ]);
      return result.rows.length === 0 ? null : new Uint8Array(result.rows[0]!.state);
    },
    latestVersion: async (boardId) => {
      const result = await pool.query<Row & { state: Buffer }>(
        `SELECT ${INFO}, state FROM board_versions WHERE board_id = $1 ORDER BY created_at DESC, id LIMIT 1`,
        [boardId],
      );
      const row = result.rows[0];
      return row ? { info: info(row), state: new Uint8Array(row.state) } : null;
    },
    listAutoVersions: async (boardId) => {
      const result =
        boardId === undefined
          ? await pool.query<Row>(
              "SELECT id, board_id, created_at FROM board_versions WHERE kind = 'auto' ORDER BY board_id, created_at, id",
            )
          : await pool.query<Row>(
              "SELECT id, board_id, created_at FROM board_versions WHERE kind = 'auto' AND board_id = $1 ORDER BY created_at, id",
              [boardId],
            );
      return result.rows.map((r) => ({ id: r.id, boardId: r.board_id, createdAt: num(r.created_at) }));
    },
    deleteAutoVersions: async (ids) =>
      ids.length === 0
        ? 0
        : ((await pool.query("DELETE FROM board_versions WHERE kind = 'auto' AND id = ANY($1::text[])", [[...ids]])).rowCount ?? 0),
    exportLinks: async () =>
      (
        await pool.query<{ board_id: string; generation: string; created_at: string }>(
          'SELECT board_id, generation, created_at FROM board_links ORDER BY board_id',
        )
      ).rows.map((r) => ({ boardId: r.board_id, generation: num(r.generation), createdAt: num(r.created_at) })),
    importLinks: async (rows) => {
      if (rows.length === 0) return 0;
      const result = await pool.query(
        `INSERT INTO board_links (board_id, generation, created_at)
         SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[])
         ON CONFLICT (board_id) DO UPDATE SET generation = EXCLUDED.generation WHERE EXCLUDED.generation > board_links.generation`,
        [rows.map((r) => r.boardId), rows.map((r) => r.generation), rows.map((r) => r.createdAt)],
      );
      return result.rowCount ?? 0;
    },
    exportVersions: async (limit, afterId = '') =>
      (
        await pool.query<Row & { state: Buffer }>(
          'SELECT id, board_id, name, author, created_at, kind, state FROM board_versions WHERE id COLLATE "C" > $1 ORDER BY id COLLATE "C" LIMIT $2',
          [afterId, limit],
        )
      ).rows.map((r) => ({
        id: r.id,
        boardId: r.board_id,
        name: r.name,
        author: r.author,
        createdAt: num(r.created_at),
        kind: r.kind === 'auto' ? 'auto' : 'named',
        state: new Uint8Array(r.state),
      })),
    importVersions: async (rows) => {
      if (rows.length === 0) return 0;
      const result = await pool.query(
        `INSERT INTO board_versions (id, board_id, name, author, created_at, kind, state)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::bytea[])
         ON CONFLICT (id) DO NOTHING`,
        [
          rows.map((r) => r.id),
          rows.map((r) => r.boardId),
          rows.map((r) => r.name),
          rows.map((r) => r.author),
          rows.map((r) => r.createdAt),
          rows.map((r) => r.kind),
          rows.map((r) => Buffer.from(r.state)),
        ],
      );
      return result.rowCount ?? 0;
    },
    counts: async () => {
      const result = await pool.query<{ links: string; versions: string }>(
        'SELECT (SELECT COUNT(*) FROM board_links) AS links, (SELECT COUNT(*) FROM board_versions) AS versions',
      );
      return { links: num(result.rows[0]!.links), versions: num(result.rows[0]!.versions) };
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
