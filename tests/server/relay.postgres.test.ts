/**
 * The relay on PostgreSQL (DATABASE_URL) with a stock y-websocket client: edits are stored in
 * the database; when the database stops, the board's connections close with 4503 and upgrades
 * get 503; once it is back, the client reconnects by itself and its sync resends what was not
 * stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openPostgresStore } from '../../server/storage/postgres';
import { startInProcessRelay, type InProcessRelay } from '../helpers/inProcessRelay';
import { postgresAvailable, startPostgres, type PostgresServer } from '../helpers/postgres';
import {
  boardSocketUrl,
  cleanupTempDirs,
  connectClient,
  createTestBoard,
  destroyAllClients,
  upgradeStatus,
  waitFor,
} from '../helpers/relay';

const HAS_POSTGRES = postgresAvailable();

describe.runIf(HAS_POSTGRES)('the relay on PostgreSQL', () => {
  let server: PostgresServer;
  let url: string;
  let relay: InProcessRelay;
  beforeAll(async () => {
    server = await startPostgres();
    url = await server.createDatabase('relay_postgres');
    relay = await startInProcessRelay({ databaseUrl: url });
  }, 60_000);
  afterAll(async () => {
    destroyAllClients();
    await relay?.close();
    server?.stop();
    cleanupTempDirs();
  });

  /** What PostgreSQL holds of a board, read by a store of its own. */
  async function stored(boardId: string): Promise<Record<string, unknown>> {
    const reader = await openPostgresStore(url, { onError: () => undefined });
    try {
      const doc = new Y.Doc();
      for (const update of await reader.load(boardId)) Y.applyUpdate(doc, update);
      return doc.getMap('m').toJSON();
    } finally {
      await reader.close();
    }
  }

  it('stores edits in PostgreSQL, closes with 4503 while it is stopped, and takes them back once it returns', async () => {
    const board = await createTestBoard(relay.httpUrl);
    const client = connectClient(relay.wsUrl, board.boardId, new Y.Doc(), board.params);
    const closes: number[] = [];
    client.provider.on('connection-close', (event: CloseEvent | null) => closes.push(event?.code ?? 0));
    await client.synced;
    client.doc.getMap('m').set('before', 1);
    await waitFor(() => relay.server.rooms.peek(board.boardId)?.storedRowCount === 1, 5000, 'the first edit to be stored');
    expect(await stored(board.boardId)).toEqual({ before: 1 });

    server.stopImmediate();
    client.doc.getMap('m').set('while stopped', 2);
    await waitFor(() => closes.includes(4503), 15_000, 'the board to close with 4503');
    expect(await upgradeStatus(boardSocketUrl(relay.wsUrl, board))).toBe(503);

    server.start();
    // The provider reconnects by itself; its sync step 2 resends the edit the store missed.
    let held: Record<string, unknown> = {};
    const deadline = Date.now() + 30_000;
    while (held['while stopped'] !== 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      held = await stored(board.boardId).catch(() => ({}));
    }
    expect(held).toEqual({ before: 1, 'while stopped': 2 });
  }, 90_000);
});
