import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../server/storage/sqlite';
import { startInProcessRelay, type InProcessRelay } from '../helpers/inProcessRelay';
import {
  boardSocketUrl,
  cleanupTempDirs,
  connectClient,
  createTestBoard,
  destroyAllClients,
  httpRequest,
  openRawSocket,
  seedOpenBoard,
  waitFor,
} from '../helpers/relay';

let relay: InProcessRelay;
beforeAll(async () => {
  relay = await startInProcessRelay({ roomIdleMs: 100 });
});
afterEach(destroyAllClients);
afterAll(async () => {
  destroyAllClients();
  await relay.close();
  cleanupTempDirs();
});

async function health(): Promise<{ rooms: number; connections: number }> {
  return JSON.parse((await httpRequest(relay.httpUrl, '/healthz')).body) as { rooms: number; connections: number };
}

describe('relay with real y-websocket providers', () => {
  it('makes two clients converge on concurrent edits', async () => {
    const board = seedOpenBoard(relay.config.dataDir);
    const a = connectClient(relay.wsUrl, board);
    const b = connectClient(relay.wsUrl, board);
    await Promise.all([a.synced, b.synced]);

    for (let i = 0; i < 20; i++) {
      a.doc.getMap('cards').set(`a${i}`, i);
      b.doc.getMap('cards').set(`b${i}`, i);
    }
    a.doc.getArray('stages').insert(0, ['Discover']);
    b.doc.getArray('stages').insert(0, ['Buy']);

    await waitFor(() => a.doc.getMap('cards').size === 40 && b.doc.getMap('cards').size === 40, 5000, 'all cards');
    await waitFor(() => b.doc.getArray('stages').length === 2 && a.doc.getArray('stages').length === 2, 5000, 'stages');
    expect(a.doc.toJSON()).toEqual(b.doc.toJSON());
  });

  it('gives a client that joins later the full state', async () => {
    const board = seedOpenBoard(relay.config.dataDir);
    const a = connectClient(relay.wsUrl, board);
    await a.synced;
    for (let i = 0; i < 30; i++) a.doc.getMap('cards').set(`k${i}`, `v${i}`);
    const b = connectClient(relay.wsUrl, board);
    await waitFor(() => b.doc.getMap('cards').size === 30, 5000, 'b to catch up');
    a.destroy();

    const c = connectClient(relay.wsUrl, board);
    await c.synced;
    expect(c.doc.getMap('cards').toJSON()).toEqual(b.doc.getMap('cards').toJSON());
  });

  it('relays presence and withdraws it when a client leaves', async () => {
    const board = seedOpenBoard(relay.config.dataDir);
    const a = connectClient(relay.wsUrl, board);
    const b = connectClient(relay.wsUrl, board);
    await Promise.all([a.synced, b.synced]);
    a.provider.awareness.setLocalStateField('user', { name: 'Ana' });
    await waitFor(() => b.provider.awareness.getStates().has(a.doc.clientID), 5000, 'b to see a');

    // Kill A's socket without the polite "I left" message a provider sends on destroy.
    a.provider.ws?.close();
    a.provider.shouldConnect = false;
    await waitFor(() => !b.provider.awareness.getStates().has(a.doc.clientID), 5000, 'a to disappear from b');
  });

  it('persists to SQLite and unloads an idle board, which then reloads with its content', async () => {
    const created = await createTestBoard(relay.httpUrl);
    const board = created.boardId;
    const a = connectClient(relay.wsUrl, board, undefined, created.params);
    await a.synced;
    for (let i = 0; i < 5; i++) a.doc.getMap('cards').set(`k${i}`, i);
    await waitFor(() => relay.server.rooms.peek(board)?.storedRowCount === 5, 5000, 'five stored rows');
    a.destroy();

    await waitFor(() => relay.server.rooms.peek(board) === undefined, 5000, 'the board to unload');
    const store = openSqliteStore(relay.config.dataDir);
    try {
      expect(store.rowCount?.(board)).toBe(1);
    } finally {
      store.close();
    }
    const b = connectClient(relay.wsUrl, board, undefined, created.params);
    await b.synced;
    expect(Object.keys(b.doc.getMap('cards').toJSON())).toHaveLength(5);
  });

  it('reports loaded rooms and open connections on /healthz', async () => {
    // Earlier boards unload 100 ms after their last client left: one doing so meanwhile would skew the count.
    await waitFor(() => relay.server.rooms.connectionCount === 0 && relay.server.rooms.size === 0, 5000, 'earlier boards to be unloaded');
    const before = await health();
    const a = connectClient(relay.wsUrl, seedOpenBoard(relay.config.dataDir));
    await a.synced;
    const during = await health();
    expect(during.rooms).toBe(before.rooms + 1);
    expect(during.connections).toBe(before.connections + 1);
  });
});

describe('relay shutdown', () => {
  it('closes sockets with 1001 and compacts loaded boards', async () => {
    const own = await startInProcessRelay();
    const created = await createTestBoard(own.httpUrl);
    const board = created.boardId;
    const a = connectClient(own.wsUrl, board, undefined, created.params);
    await a.synced;
    a.doc.getMap('cards').set('x', 1);
    a.doc.getMap('cards').set('y', 2);
    await waitFor(() => own.server.rooms.peek(board)?.storedRowCount === 2, 5000, 'two stored rows');
    a.destroy();
    const raw = openRawSocket(boardSocketUrl(own.wsUrl, created));
    await raw.opened;

    await own.close();
    expect((await raw.closed).code).toBe(1001);
    const store = openSqliteStore(own.config.dataDir);
    try {
      expect(store.rowCount?.(board)).toBe(1);
    } finally {
      store.close();
    }
  });
});
