/**
 * A database server that stops answering (not gone: its connection stays open, silent) fails
 * the store's calls after the query timeout instead of holding them for ever — a room's serial
 * queue waits on them, so a hang would freeze the board. The store's own connection process is
 * stopped with SIGSTOP, then let go with SIGCONT.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openPostgresStore } from '../../server/storage/postgres';
import { postgresAvailable, startPostgres, type PostgresServer } from '../helpers/postgres';

const HAS_POSTGRES = postgresAvailable();

describe.runIf(HAS_POSTGRES)('PostgreSQL that hangs', () => {
  let server: PostgresServer;
  let url: string;
  beforeAll(async () => {
    server = await startPostgres();
    url = await server.createDatabase('store_hang');
  }, 60_000);
  afterAll(() => server?.stop());

  it('fails an append after the query timeout, and answers again once the server does', async () => {
    const store = await openPostgresStore(url, { maxConnections: 1, queryTimeoutMs: 500, onError: () => undefined });
    const watcher = new pg.Client({ connectionString: url });
    await watcher.connect();
    let stopped: number | null = null;
    try {
      await store.append('board-hang-0000000001', new Uint8Array([1, 2, 3]));
      const found = await watcher.query<{ pid: number }>(
        'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = $1',
        ['client backend'],
      );
      expect(found.rows).toHaveLength(1);
      stopped = found.rows[0]!.pid;
      process.kill(stopped, 'SIGSTOP');
      await expect(store.append('board-hang-0000000001', new Uint8Array([4, 5, 6]))).rejects.toThrow(/timeout/i);
      process.kill(stopped, 'SIGCONT');
      stopped = null;
      // The timed-out connection is dropped; a fresh one serves the next calls.
      await expect(store.append('board-hang-0000000001', new Uint8Array([7, 8, 9]))).resolves.toMatchObject({ seq: expect.any(Number) });
      expect(await store.healthy()).toBe(true);
    } finally {
      if (stopped !== null) process.kill(stopped, 'SIGCONT');
      await watcher.end();
      await store.close();
    }
  }, 30_000);
});
