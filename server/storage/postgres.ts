/**
 * Board storage in PostgreSQL (npm `pg`), for an organisation that keeps its boards there and,
 * later, runs several relay instances on one database. Same log as the SQLite store: an
 * append-only list of Yjs updates per board, compacted from time to time, the replaced rows kept
 * HISTORY_KEEP_MS in a history table. Every row has a per-board seq, assigned in the insert from
 * a counter row of the board, so seqs are 1, 2, 3… per board and never reused.
 */
import type pg from 'pg';
import { HISTORY_KEEP_MS, rebuildAt } from './history';
import type { Appended, BoardCursor, BoardStoreStats, HistoricState, SeqRow, StoredBoard, StoredRow } from '../persistence';
import type { AsyncBoardStore } from './types';
import { inTransaction, openPool } from './pgSchema';

/** MIGRATIONS[n] brings a database from schema_version n to n + 1. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE boards (
     board_id TEXT PRIMARY KEY,
     seq      BIGINT NOT NULL DEFAULT 0
   );
   CREATE TABLE board_updates (
     board_id   TEXT   NOT NULL,
     seq        BIGINT NOT NULL,
     data       BYTEA  NOT NULL,
     created_at BIGINT NOT NULL,
     PRIMARY KEY (board_id, seq)
   );
   CREATE INDEX board_updates_by_time ON board_updates (created_at);
   CREATE TABLE board_history (
     id           BIGSERIAL PRIMARY KEY,
     board_id     TEXT   NOT NULL,
     seq          BIGINT NOT NULL,
     data         BYTEA  NOT NULL,
     created_at   BIGINT NOT NULL,
     compacted_at BIGINT NOT NULL
   );
   CREATE INDEX board_history_by_board ON board_history (board_id, created_at);
   CREATE INDEX board_history_by_age ON board_history (compacted_at);
   CREATE TABLE board_writers (
     board_id  TEXT   NOT NULL,
     client_id BIGINT NOT NULL,
     key_hash  TEXT   NOT NULL,
     PRIMARY KEY (board_id, client_id)
   );`,
];

export const POSTGRES_SCHEMA_VERSION = MIGRATIONS.length;

/** Any number PostgreSQL hands back as text (BIGINT, SUM): the values here stay far below 2^53. */
function num(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}

/**
 * Brings the schema up to POSTGRES_SCHEMA_VERSION in one transaction, under an advisory lock so
 * that instances starting together migrate once.
 */
async function migrate(pool: pg.Pool): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('parcours schema'))");
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const found = await client.query<{ version: number }>('SELECT version FROM schema_version');
    const current = found.rows[0]?.version ?? 0;
    if (current > POSTGRES_SCHEMA_VERSION) {
      throw new Error(`database schema version ${current} is newer than this relay understands (${POSTGRES_SCHEMA_VERSION})`);
    }
    for (let version = current; version < POSTGRES_SCHEMA_VERSION; version++) await client.query(MIGRATIONS[version]!);
    if (found.rows.length === 0) await client.query('INSERT INTO schema_version (version) VALUES ($1)', [POSTGRES_SCHEMA_VERSION]);
    else await client.query('UPDATE schema_version SET version = $1', [POSTGRES_SCHEMA_VERSION]);
  });
}

export interface PostgresStoreOptions {
  /** The clock for row times (tests). */
  now?: () => number;
  /** How long replaced rows stay in the history (default HISTORY_KEEP_MS). */
  historyKeepMs?: number;
  /** Connections in the pool (default 10). */
  maxConnections?: number;
  /** Called when an idle pooled connection fails (PostgreSQL restarted): logged, never thrown. */
  onError?: (error: Error) => void;
  /** Longest wait for any answer (default QUERY_TIMEOUT_MS in pgSchema.ts): a hung server fails the call. */
  queryTimeoutMs?: number;
}

export interface PostgresStore extends AsyncBoardStore {
  readonly kind: 'postgres';
}

/** Connects to `url` (postgres://…), migrates the schema and returns the store. */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const now = options.now ?? Date.now;
  const keepMs = options.historyKeepMs ?? HISTORY_KEEP_MS;
  const pool = openPool(url, options.maxConnections ?? 10, options.onError, options.queryTimeoutMs);
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }

  const transaction = <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => inTransaction(pool, work);

  // One statement: the board's counter moves by n and the n rows take the seqs it went through,
  // atomically (two instances appending to a board wait on its counter row, one after the other).
  const APPEND = `WITH next AS (
      INSERT INTO boards (board_id, seq) VALUES ($1, $3) ON CONFLICT (board_id) DO UPDATE SET seq = boards.seq + $3 RETURNING seq
    )
    INSERT INTO board_updates (board_id, seq, data, created_at)
    SELECT $1, next.seq - $3 + u.ord, u.data, $4 FROM next, unnest($2::bytea[]) WITH ORDINALITY AS u(data, ord)
    RETURNING seq`;

  async function appendMany(boardId: string, updates: readonly Uint8Array[]): Promise<Appended[]> {
    if (updates.length === 0) return [];
    const result = await pool.query<{ seq: string }>(APPEND, [boardId, updates.map((u) => Buffer.from(u)), updates.length, now()]);
    return result.rows.map((row) => ({ seq: num(row.seq) })).sort((a, b) => a.seq - b.seq);
  }

  async function compact(boardId: string, state: Uint8Array, upToSeq?: number): Promise<void> {
    await transaction(async (client) => {
      const at = now();
      // One instance at a time compacts a board: the others wait here until its transaction ends.
      await client.query("SELECT pg_advisory_xact_lock(hashtext('parcours compact'), hashtext($1))", [boardId]);
      // The counter row is locked: no append of this board commits in between.
      const counter = await client.query<{ seq: string }>('SELECT seq FROM boards WHERE board_id = $1 FOR UPDATE', [boardId]);
      const covered = upToSeq ?? num(counter.rows[0]?.seq);
      if (covered <= 0) {
        await client.query(APPEND, [boardId, [Buffer.from(state)], 1, at]);
      } else {
        await client.query(
          `INSERT INTO board_history (board_id, seq, data, created_at, compacted_at)
           SELECT board_id, seq, data, created_at, $3 FROM board_updates WHERE board_id = $1 AND seq <= $2 ORDER BY seq`,
          [boardId, covered, at],
        );
        // Only the rows the state covers: one written meanwhile by another instance stays.
        await client.query('DELETE FROM board_updates WHERE board_id = $1 AND seq <= $2', [boardId, covered]);
        await client.query('INSERT INTO board_updates (board_id, seq, data, created_at) VALUES ($1, $2, $3, $4)', [
          boardId,
          covered,
          Buffer.from(state),
          at,
        ]);
      }
      await client.query('DELETE FROM board_history WHERE compacted_at < $1', [at - keepMs]);
    });
  }

  async function loadSince(boardId: string, seq: number): Promise<SeqRow[]> {
    const result = await pool.query<{ seq: string; data: Buffer }>(
      'SELECT seq, data FROM board_updates WHERE board_id = $1 AND seq > $2 ORDER BY seq',
      [boardId, seq],
    );
    return result.rows.map((row) => ({ seq: num(row.seq), update: new Uint8Array(row.data) }));
  }

  async function stateAt(boardId: string, at: number): Promise<HistoricState | null> {
    const result = await pool.query<{ data: Buffer; created_at: string }>(
      `SELECT data, created_at FROM (
         SELECT data, created_at, 0 AS part, seq FROM board_history WHERE board_id = $1 AND created_at <= $2
         UNION ALL
         SELECT data, created_at, 1 AS part, seq FROM board_updates WHERE board_id = $1 AND created_at <= $2
       ) AS rows ORDER BY created_at, part, seq`,
      [boardId, at],
    );
    return rebuildAt(
      result.rows.map((row) => ({ data: new Uint8Array(row.data), createdAt: num(row.created_at) })),
      at,
    );
  }

  async function listBoards(limit: number, after?: BoardCursor): Promise<StoredBoard[]> {
    const select = `SELECT board_id, MAX(created_at) AS last_activity, SUM(octet_length(data)) AS bytes FROM board_updates GROUP BY board_id`;
    const result =
      after === undefined
        ? await pool.query<{ board_id: string; last_activity: string; bytes: string }>(
            `${select} ORDER BY last_activity DESC, board_id DESC LIMIT $1`,
            [limit],
          )
        : await pool.query<{ board_id: string; last_activity: string; bytes: string }>(
            `${select} HAVING MAX(created_at) < $2 OR (MAX(created_at) = $2 AND board_id < $3)
             ORDER BY last_activity DESC, board_id DESC LIMIT $1`,
            [limit, after.lastActivity, after.boardId],
          );
    return result.rows.map((row) => ({ boardId: row.board_id, lastActivity: num(row.last_activity), bytes: num(row.bytes) }));
  }

  let closed = false;
  return {
    kind: 'postgres',
    load: async (boardId) => (await loadSince(boardId, 0)).map((row) => row.update),
    loadSince,
    maxSeq: async (boardId) => {
      const result = await pool.query<{ seq: string }>('SELECT seq FROM boards WHERE board_id = $1', [boardId]);
      return num(result.rows[0]?.seq);
    },
    append: async (boardId, update) => (await appendMany(boardId, [update]))[0]!,
    appendMany,
    compact,
    stateAt,
    pruneHistory: async () => (await pool.query('DELETE FROM board_history WHERE compacted_at < $1', [now() - keepMs])).rowCount ?? 0,
    stats: async (): Promise<BoardStoreStats> => {
      const result = await pool.query<{ boards: string; rows: string }>(
        'SELECT COUNT(DISTINCT board_id) AS boards, COUNT(*) AS rows FROM board_updates',
      );
      return { boards: num(result.rows[0]?.boards), rows: num(result.rows[0]?.rows) };
    },
    rowCount: async (boardId) => {
      const result = await pool.query<{ n: string }>('SELECT COUNT(*) AS n FROM board_updates WHERE board_id = $1', [boardId]);
      return num(result.rows[0]?.n);
    },
    listBoards,
    loadRows: async (boardId) => {
      const result = await pool.query<{ seq: string; data: Buffer; created_at: string }>(
        'SELECT seq, data, created_at FROM board_updates WHERE board_id = $1 ORDER BY seq',
        [boardId],
      );
      return result.rows.map((row) => ({ seq: num(row.seq), update: new Uint8Array(row.data), createdAt: num(row.created_at) }));
    },
    importRows: (boardId, rows: readonly StoredRow[]) =>
      transaction(async (client) => {
        if (rows.length === 0) return 0;
        const inserted = await client.query(
          `INSERT INTO board_updates (board_id, seq, data, created_at)
           SELECT $1, r.seq, r.data, r.created_at FROM unnest($2::bigint[], $3::bytea[], $4::bigint[]) AS r(seq, data, created_at)
           ON CONFLICT DO NOTHING`,
          [boardId, rows.map((r) => r.seq), rows.map((r) => Buffer.from(r.update)), rows.map((r) => r.createdAt)],
        );
        // The counter never goes below the highest seq the board holds.
        await client.query(
          'INSERT INTO boards (board_id, seq) VALUES ($1, $2) ON CONFLICT (board_id) DO UPDATE SET seq = GREATEST(boards.seq, EXCLUDED.seq)',
          [boardId, Math.max(...rows.map((r) => r.seq))],
        );
        return inserted.rowCount ?? 0;
      }),
    loadWriters: async (boardId) => {
      const result = await pool.query<{ client_id: string; key_hash: string }>(
        'SELECT client_id, key_hash FROM board_writers WHERE board_id = $1',
        [boardId],
      );
      return new Map(result.rows.map((row) => [num(row.client_id), row.key_hash]));
    },
    bindWriter: async (boardId, client, keyHash) => {
      // First writer wins, across instances too.
      await pool.query('INSERT INTO board_writers (board_id, client_id, key_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
        boardId,
        client,
        keyHash,
      ]);
    },
    healthy: async () => {
      try {
        await pool.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
