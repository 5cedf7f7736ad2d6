/**
 * Versioned schemas of the PostgreSQL stores that sit beside the board store (metadata, KPI
 * values): each has its own row in `store_schema`, migrated under an advisory lock so that
 * instances starting together migrate once. The board store keeps its own `schema_version`.
 */
import type pg from 'pg';

/** Brings `store`'s tables from their recorded version to migrations.length, in one transaction. */
export async function migrateStoreSchema(pool: pg.Pool, store: string, migrations: readonly string[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
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
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** BIGINT and COUNT come back as text: the values here stay far below 2^53. */
export function num(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}
