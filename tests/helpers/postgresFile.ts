/** A private PostgreSQL server per test file (vitest hooks: kept apart from postgres.ts, which benches import too). */
import { afterAll, beforeAll } from 'vitest';
import { postgresAvailable, startPostgres, type PostgresServer } from './postgres';

/** One private server for a test file, started before its tests and stopped after them (with its temp dirs). */
export interface FilePostgres {
  /** Whether the PostgreSQL tests of the file run (see postgresAvailable). */
  readonly available: boolean;
  /** The server; only once the file's tests have started. */
  readonly server: PostgresServer;
  /** A new database named `<prefix>_<n>`; resolves with its URL. */
  newDatabase(prefix: string): Promise<string>;
}

/** Registers the file's beforeAll/afterAll for a private server (none when PostgreSQL is missing). */
export function postgresForFile(cleanup: () => void = () => undefined): FilePostgres {
  const available = postgresAvailable();
  let server: PostgresServer | null = null;
  let databases = 0;
  beforeAll(async () => {
    if (available) server = await startPostgres();
  }, 60_000);
  afterAll(() => {
    server?.stop();
    cleanup();
  });
  const started = (): PostgresServer => {
    if (server === null) throw new Error('the PostgreSQL server of this file is not started');
    return server;
  };
  return {
    available,
    get server() {
      return started();
    },
    newDatabase: (prefix) => started().createDatabase(`${prefix}_${++databases}`),
  };
}
