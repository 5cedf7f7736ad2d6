/**
 * Global setup of the server-pg test project: one PostgreSQL server for the whole run (each relay
 * gets a database of its own, tests/helpers/testStorage.ts), stopped at the end.
 */
import { startPostgres } from './postgres';
import { TEST_PG_URL_VARIABLE } from './testStorage';

export default async function setup(): Promise<() => void> {
  const server = await startPostgres();
  process.env[TEST_PG_URL_VARIABLE] = server.urlFor('postgres');
  return () => server.stop();
}
