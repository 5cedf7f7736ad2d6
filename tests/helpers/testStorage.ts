/**
 * Where the relays of a test keep their boards. By default SQLite in their DATA_DIR; with
 * PARCOURS_TEST_STORAGE=postgres (the server-pg test project) in PostgreSQL: one server started
 * by tests/helpers/postgresGlobalSetup.ts for the whole run, and one database per DATA_DIR, so
 * that relays started again on the same directory (or several instances sharing it) find the
 * same boards, as with SQLite.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import pg from 'pg';

/** Set by the global setup: the PostgreSQL server's maintenance database (postgres://…/postgres). */
export const TEST_PG_URL_VARIABLE = 'PARCOURS_TEST_PG_URL';

/** Whether the relays of this run keep their boards in PostgreSQL. */
export function testStorageIsPostgres(): boolean {
  return process.env.PARCOURS_TEST_STORAGE === 'postgres';
}

function adminUrl(): string {
  const url = process.env[TEST_PG_URL_VARIABLE];
  if (!url) throw new Error(`PARCOURS_TEST_STORAGE=postgres needs ${TEST_PG_URL_VARIABLE} (tests/helpers/postgresGlobalSetup.ts)`);
  return url;
}

/** The database that holds the boards of one DATA_DIR (the same name every time). */
function databaseName(dataDir: string): string {
  return `parcours_${createHash('sha256').update(dataDir).digest('hex').slice(0, 20)}`;
}

function urlOf(database: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

/** duplicate_database: made before, by this process or another. */
const DUPLICATE_DATABASE = '42P04';

/** The DATABASE_URL of a DATA_DIR, its database created on first use. */
export async function databaseUrlFor(dataDir: string): Promise<string> {
  const name = databaseName(dataDir);
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } catch (error) {
    if ((error as { code?: string }).code !== DUPLICATE_DATABASE) throw error;
  } finally {
    await client.end();
  }
  return urlOf(name);
}

/**
 * Appends one update to a board of a DATA_DIR's database, synchronously (for seedOpenBoard, which
 * is synchronous): a short child process opens the PostgreSQL store and appends through it.
 */
export function appendToDatabaseSync(dataDir: string, boardId: string, update: Uint8Array, repoRoot: string): void {
  const script = `
    import { databaseUrlFor } from './tests/helpers/testStorage.ts';
    import { openPostgresStore } from './server/storage/postgres.ts';
    const [dataDir, boardId, update] = process.argv.slice(-3);
    const store = await openPostgresStore(await databaseUrlFor(dataDir));
    try { await store.append(boardId, new Uint8Array(Buffer.from(update, 'base64'))); } finally { await store.close(); }
  `;
  execFileSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script, dataDir, boardId, Buffer.from(update).toString('base64')],
    {
      cwd: repoRoot,
      env: process.env,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
}
