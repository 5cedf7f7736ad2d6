/**
 * The real relay over a store whose loads take a while: a client that goes away while its
 * board loads is dropped cleanly, and the board then serves the next client as usual.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startServer, type RunningServer } from '../../server/app';
import { DEFAULT_CONFIG } from '../../server/config';
import { silentLogger } from '../../server/log';
import { openSlowStore, type SlowStore } from '../helpers/slowStore';
import {
  boardSocketUrl,
  cleanupTempDirs,
  connectClient,
  createTestBoard,
  destroyAllClients,
  makeTempDir,
  openRawSocket,
  waitFor,
} from '../helpers/relay';

describe('a board that loads slowly', () => {
  let store: SlowStore;
  let server: RunningServer;
  let httpUrl: string;
  let wsUrl: string;
  beforeAll(async () => {
    store = openSlowStore();
    store.holding = false;
    const config = {
      ...DEFAULT_CONFIG,
      port: 0,
      host: '127.0.0.1',
      dataDir: makeTempDir(),
      staticDir: makeTempDir(),
      logLevel: 'silent' as const,
    };
    server = await startServer(config, { store, logger: silentLogger });
    httpUrl = `http://127.0.0.1:${server.port}`;
    wsUrl = `ws://127.0.0.1:${server.port}/sync`;
  });
  afterAll(async () => {
    destroyAllClients();
    await server.close();
    cleanupTempDirs();
  });

  it('drops a client that leaves while its board loads, and serves the next one', async () => {
    const board = await createTestBoard(httpUrl);
    store.holdingLoads = true;
    const early = openRawSocket(boardSocketUrl(wsUrl, board));
    await waitFor(() => store.heldLoads === 1, 5000, 'the load to start');
    early.ws.terminate();
    await new Promise((resolve) => setTimeout(resolve, 50));
    store.holdingLoads = false;
    store.releaseLoads();
    await waitFor(() => server.rooms.peek(board.boardId) !== undefined, 5000, 'the board to load');
    expect(server.rooms.peek(board.boardId)?.connectionCount).toBe(0);

    const client = connectClient(wsUrl, board.boardId, new Y.Doc(), board.params);
    await client.synced;
    client.doc.getMap('m').set('after', 1);
    await waitFor(() => server.rooms.peek(board.boardId)?.storedRowCount === 1, 5000, 'the edit to be stored');
    expect(server.rooms.peek(board.boardId)?.connectionCount).toBe(1);
  });
});
