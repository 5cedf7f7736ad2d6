/**
 * Versioned schemas of the PostgreSQL stores that sit beside the board store (metadata, KPI
 * values): each has its own row in `store_schema`, migrated under an advisory lock so that
 * instances starting together migrate once. The board store keeps its own `schema_version`.
 */
import pg from 'pg';

/** Longest a statement may run on the server; a lock wait counts (an advisory lock held elsewhere). */
export const STATEMENT_TIMEOUT_MS = 10_000;
/** Longest the relay waits for any answer, even from a server that stopped answering altogether. */
export const QUERY_TIMEOUT_MS = 15_000;

/**
 * A pool of connections to `url` for one store. Every query is bounded in time, so a database
 * that hangs fails the room's pending step (the board closes with 4503) instead of holding it for ever.
 */
export function openPool(url: string, max: number, onError?: (error: Error) => void, queryTimeoutMs = QUERY_TIMEOUT_MS): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: 5000,
    statement_timeout: Math.min(STATEMENT_TIMEOUT_MS, queryTimeoutMs),
    query_timeout: queryTimeoutMs,
  });
  // Without a listener, an idle connection dropped by a PostgreSQL restart would crash the process.
  pool.on('error', (error) => onError?.(error));
  return pool;
}

/** Runs `work` in one transaction on one pooled connection: committed if it resolves, rolled back if it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Brings `store`'s tables from their recorded version to migrations.length, in one transaction. */
export async function migrateStoreSchema(pool: pg.Pool, store: string, migrations: readonly string[]): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('parcours schema'))");
    await client.query('CREATE TABLE IF NOT EXISTS store_schema (store TEXT PRIMARY KEY, version INTEGER NOT NULL)');
    const found = await client.query<{ version: number }>('SELECT version FROM store_schema WHERE store = $1', [store]);
    const current = found.rows[0]?.version ?? 0;
    if (current > migrations.length) {
      throw new Error(`${store} schema version ${current} is newer than this relay understands (${migrations.length})`);
    }
    for (let version = current; version < migrations.length; version++) await client.query(migrations[version]!);
    await client.query(
      'INSERT INTO store_schema (store, version) VALUES ($1, $2) ON CONFLICT (store) DO UPDATE SET version = EXCLUDED.version',
      [store, migrations.length],
    );
  });
}

/** How a store beside the board store connects: at most `maxConnections` (default 5), `onError` for idle ones. */
export interface StorePoolOptions {
  maxConnections?: number;
  /** Called when an idle pooled connection fails (PostgreSQL restarted): logged, never thrown. */
  onError?: (error: Error) => void;
}

/** A pool to `url` for `store`, its tables brought to migrations.length; the pool is ended if that fails. */
export async function openStorePool(
  url: string,
  store: string,
  migrations: readonly string[],
  options: StorePoolOptions = {},
): Promise<pg.Pool> {
  const pool = openPool(url, options.maxConnections ?? 5, options.onError);
  try {
    await migrateStoreSchema(pool, store, migrations);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  return pool;
}

/** BIGINT and COUNT come back as text: the values here stay far below 2^53. */
export function num(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}
