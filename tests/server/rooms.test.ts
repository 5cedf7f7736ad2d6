import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RoomRegistry } from '../../server/rooms';
import { createMemoryStore } from '../../server/storage/memory';
import { silentLogger } from '../../server/log';
import { FakeSocket } from '../helpers/fakeSocket';
import { testBoardId, waitFor } from '../helpers/relay';

const registries: RoomRegistry[] = [];
const sockets: FakeSocket[] = [];
afterEach(() => {
  for (const registry of registries.splice(0)) void registry.closeAll();
  for (const socket of sockets.splice(0)) socket.destroy();
});

function setup(idleMs = 20) {
  const store = createMemoryStore();
  const registry = new RoomRegistry({ store, log: silentLogger, idleMs, compactEvery: 500 });
  registries.push(registry);
  return { store, registry };
}

/** Joins a fake client to a board and makes it send one edit per key. */
function editAs(registry: RoomRegistry, boardId: string, keys: string[]): FakeSocket {
  const client = new FakeSocket('client');
  sockets.push(client);
  const room = registry.join(boardId, client);
  client.doc.on('update', (u: Uint8Array) => room.receive(client, FakeSocket.updateFrame(u)));
  for (const key of keys) client.doc.getMap('m').set(key, true);
  return client;
}

describe('RoomRegistry', () => {
  it('refuses invalid board ids', async () => {
    const { registry } = setup();
    for (const bad of ['', 'short', '../../etc/passwd-xxxxxxxx', 'a'.repeat(65), 'has space in it 1234567']) {
      await expect(registry.open(bad)).rejects.toThrow(/invalid board id/);
    }
    expect(registry.size).toBe(0);
  });

  it('keeps one room per board and counts connections', () => {
    const { registry } = setup();
    const board = testBoardId();
    editAs(registry, board, []);
    editAs(registry, board, []);
    editAs(registry, testBoardId(), []);
    expect(registry.size).toBe(2);
    expect(registry.connectionCount).toBe(3);
  });

  it('unloads an idle room after idleMs, compacting its log, and reloads it with its content', async () => {
    const { registry, store } = setup(20);
    const board = testBoardId();
    const client = editAs(registry, board, ['a', 'b', 'c']);
    const room = registry.peek(board)!;
    expect(store.rowCount!(board)).toBe(3);

    room.disconnect(client);
    await waitFor(() => registry.size === 0, 2000, 'the room to unload');
    expect(store.rowCount!(board)).toBe(1);
    expect(room.doc.isDestroyed).toBe(true);

    const reloaded = await registry.open(board);
    expect(reloaded).not.toBe(room);
    expect(reloaded.doc.getMap('m').toJSON()).toEqual({ a: true, b: true, c: true });
  });

  it('keeps a room loaded while a connection is open', async () => {
    const { registry } = setup(10);
    const board = testBoardId();
    editAs(registry, board, ['a']);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(registry.peek(board)?.connectionCount).toBe(1);
  });

  it('unloads a room opened without any connection (e.g. a failed handshake)', async () => {
    const { registry } = setup(10);
    await registry.open(testBoardId());
    await waitFor(() => registry.size === 0, 2000, 'the room to unload');
  });

  it('on shutdown closes every connection with 1001 and compacts every room', async () => {
    const { registry, store } = setup(60_000);
    const board = testBoardId();
    const client = editAs(registry, board, ['a', 'b']);
    await registry.closeAll();
    expect(client.closed?.code).toBe(1001);
    expect(store.rowCount!(board)).toBe(1);
    expect(registry.size).toBe(0);
    await expect(registry.open(board)).rejects.toThrow(/closed/);
    const doc = new Y.Doc();
    for (const row of store.load(board)) Y.applyUpdate(doc, row);
    expect(doc.getMap('m').toJSON()).toEqual({ a: true, b: true });
  });
});
