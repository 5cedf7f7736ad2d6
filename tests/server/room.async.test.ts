/**
 * A room over a store that answers later (as PostgreSQL does): an update reaches nobody before
 * the store acknowledged it, a sync step 1 sent meanwhile is answered after, and a store that
 * fails closes the board's connections with 4503 without forwarding what it could not store.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { silentLogger } from '../../server/log';
import { RoomRegistry } from '../../server/rooms';
import { FakeSocket, frame } from '../helpers/fakeSocket';
import { openSlowStore, type SlowStore } from '../helpers/slowStore';
import { cleanupTempDirs, testBoardId } from '../helpers/relay';

const registries: RoomRegistry[] = [];
afterEach(async () => {
  for (const registry of registries.splice(0)) await registry.closeAll().catch(() => undefined);
  cleanupTempDirs();
});

function setup(): { store: SlowStore; registry: RoomRegistry } {
  const store = openSlowStore();
  const registry = new RoomRegistry({ store, log: silentLogger, idleMs: 60_000, compactEvery: 500 });
  registries.push(registry);
  return { store, registry };
}

/** Opens the board, attaches `socket` and runs both sync steps. */
async function join(registry: RoomRegistry, boardId: string, socket: FakeSocket) {
  const room = await registry.open(boardId);
  registry.join(boardId, socket);
  room.receive(socket, socket.syncStep1());
  await room.settled();
  socket.applyReceived();
  return room;
}

/** A board over a slow store with two connections, A and B, joined and synced. */
async function twoJoined() {
  const { store, registry } = setup();
  const board = testBoardId();
  const a = new FakeSocket('A');
  const b = new FakeSocket('B');
  const room = await join(registry, board, a);
  await join(registry, board, b);
  return { store, registry, board, a, b, room };
}

function edit(socket: FakeSocket, key: string): Uint8Array {
  let update: Uint8Array = new Uint8Array();
  socket.doc.once('update', (u: Uint8Array) => (update = u));
  socket.doc.getMap('m').set(key, true);
  return FakeSocket.updateFrame(update);
}

/** What the stored rows of a board add up to. */
function storedMap(store: SlowStore, boardId: string): Record<string, unknown> {
  const doc = new Y.Doc();
  for (const row of store.inner.load(boardId)) Y.applyUpdate(doc, row);
  return doc.getMap('m').toJSON();
}

describe('Room over an asynchronous store', () => {
  it('shows an update to nobody, not even in a sync step 2, before the store acknowledged it', async () => {
    const { store, registry, board, a, b, room } = await twoJoined();
    room.receive(a, edit(a, 'first'));
    expect(store.held).toBe(1);
    // A newcomer's sync step 1 arrives while the append is in flight.
    const c = new FakeSocket('C');
    registry.join(board, c);
    room.receive(c, c.syncStep1());
    room.receive(b, b.syncStep1());
    await new Promise((resolve) => setTimeout(resolve, 20));
    for (const socket of [b, c]) {
      socket.applyReceived();
      expect(socket.doc.getMap('m').toJSON()).toEqual({});
    }
    expect(room.busy).toBe(true);
    store.release();
    await room.settled();
    for (const socket of [b, c]) {
      socket.applyReceived();
      expect(socket.doc.getMap('m').toJSON()).toEqual({ first: true });
    }
    expect(storedMap(store, board)).toEqual({ first: true });
  });

  it('forwards nothing to a connection before its handshake: the update it would get first comes in its sync step 2', async () => {
    const { store, registry } = setup();
    const board = testBoardId();
    const a = new FakeSocket('A');
    const room = await join(registry, board, a);
    room.receive(a, edit(a, 'big'));
    // A newcomer attaches while the append is in flight: its handshake waits behind it.
    const c = new FakeSocket('C');
    registry.join(board, c);
    store.release();
    await room.settled();
    // Its first frame is our sync step 1, not the forwarded update (bytes it would be charged
    // for before asking anything: with a big board, an honest client cut off as "not reading").
    expect(c.sent).toHaveLength(1);
    const first = decoding.createDecoder(c.sent[0]!);
    expect([decoding.readVarUint(first), decoding.readVarUint(first)]).toEqual([0, syncProtocol.messageYjsSyncStep1]);
    room.receive(c, c.syncStep1());
    await room.settled();
    c.applyReceived();
    expect(c.doc.getMap('m').toJSON()).toEqual({ big: true });
  });

  it('handles the frames of every connection one at a time, in arrival order', async () => {
    const { store, board, a, b, room } = await twoJoined();
    room.receive(a, edit(a, 'a1'));
    room.receive(b, edit(b, 'b1'));
    room.receive(a, edit(a, 'a2'));
    // One append at a time: the second waits for the first to be acknowledged.
    expect(store.held).toBe(1);
    while (store.held > 0 || room.busy) {
      store.release();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(store.inner.loadSince(board, 0).map((row) => row.seq)).toEqual([1, 2, 3]);
    expect(storedMap(store, board)).toEqual({ a1: true, b1: true, a2: true });
    expect(room.loadedSeq).toBe(3);
  });

  it('closes every connection with 4503 when the store fails, forwards nothing unstored, and takes it back on reconnection', async () => {
    const { store, registry, board, a, b, room } = await twoJoined();
    store.holding = false;
    room.receive(a, edit(a, 'kept'));
    await room.settled();
    b.applyReceived();
    store.holding = true;
    room.receive(a, edit(a, 'lost for now'));
    store.down = true;
    store.release();
    await room.settled();
    await Promise.resolve();
    expect(a.closed).toEqual({ code: 4503, reason: 'storage unavailable' });
    expect(b.closed).toEqual({ code: 4503, reason: 'storage unavailable' });
    b.applyReceived();
    expect(b.doc.getMap('m').toJSON()).toEqual({ kept: true });
    expect(storedMap(store, board)).toEqual({ kept: true });
    // While the store is down nobody gets in; once it answers, the board loads afresh.
    expect(await registry.storeAvailable(board)).toBe(false);
    await expect(registry.open(board)).rejects.toThrow(/does not answer/);
    store.down = false;
    store.holding = false;
    expect(await registry.storeAvailable(board)).toBe(true);
    const again = new FakeSocket('A again');
    Y.applyUpdate(again.doc, Y.encodeStateAsUpdate(a.doc));
    const fresh = await join(registry, board, again);
    expect(fresh).not.toBe(room);
    // The client's sync step 2 (what the relay's state vector lacks) resends the lost edit.
    const step2 = frame((encoder) => {
      encoding.writeVarUint(encoder, 0);
      syncProtocol.writeSyncStep2(encoder, again.doc, Y.encodeStateVector(fresh.doc));
    });
    fresh.receive(again, step2);
    await fresh.settled();
    expect(storedMap(store, board)).toEqual({ kept: true, 'lost for now': true });
  });

  it('shares one load between concurrent opens of a board', async () => {
    const { registry } = setup();
    const board = testBoardId();
    const [first, second] = await Promise.all([registry.open(board), registry.open(board)]);
    expect(first).toBe(second);
    expect(registry.size).toBe(1);
  });
});
