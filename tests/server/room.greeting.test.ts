/**
 * The room's greeting for a connection that announced its state vector: our sync step 1, then a
 * sync step 2 against that vector; the connection's own step 1 is answered with the rest only.
 * Roles do not change what is read or refused.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { Room } from '../../server/room';
import { createMemoryStore } from '../../server/storage/memory';
import { silentLogger } from '../../server/log';
import type { Role } from '../../src/model/roles';
import { FakeSocket } from '../helpers/fakeSocket';
import { joinRoom, sendEdits } from '../helpers/roomHarness';

const BOARD = 'room-greeting-board-0001';
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A fake connection that announced `vector` in its address, with a role. */
class AnnouncingSocket extends FakeSocket {
  constructor(
    name: string,
    public announcedVector: Uint8Array | undefined,
    readonly role: Role = 'facilitator',
  ) {
    super(name);
    cleanups.push(() => this.destroy());
  }
}

function roomWithCards(cards: number): Room {
  const room = new Room({ boardId: BOARD, store: createMemoryStore(), log: silentLogger, compactEvery: 500 });
  cleanups.push(() => room.destroy(1001, 'test over'));
  const author = new FakeSocket('author');
  cleanups.push(() => author.destroy());
  joinRoom(room, author);
  sendEdits(room, author, (doc) => {
    for (let i = 0; i < cards; i++) doc.getMap('cards').set(`c${i}`, 'x'.repeat(50));
  });
  return room;
}

/** The sync sub-steps of the sync frames received so far (0 step 1, 1 step 2, 2 update), in order. */
function syncSteps(socket: FakeSocket): Array<{ step: number; payload: Uint8Array }> {
  return socket.sent.flatMap((frame) => {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== 0) return [];
    const step = decoding.readVarUint(decoder);
    return [{ step, payload: decoding.readVarUint8Array(decoder) }];
  });
}

describe('the greeting of a connection that announced its state vector', () => {
  it('holds the board for a viewer too, and the viewer still changes nothing', async () => {
    const room = roomWithCards(20);
    await room.settled();
    const viewer = new AnnouncingSocket('viewer', Y.encodeStateVector(new Y.Doc()), 'viewer');
    room.connect(viewer);
    await room.settled();
    const steps = syncSteps(viewer);
    expect(steps.map((s) => s.step)).toEqual([0, 1]);
    viewer.applyReceived();
    expect(viewer.doc.getMap('cards').size).toBe(20);
    sendEdits(room, viewer, (doc) => doc.getMap('cards').set('viewer', 'no'));
    await room.settled();
    expect(room.doc.getMap('cards').has('viewer')).toBe(false);
  });

  it('answers its own step 1, sent before the greeting was read, against what the greeting sent: the board goes once', async () => {
    const room = roomWithCards(20);
    await room.settled();
    const client = new AnnouncingSocket('client', undefined);
    client.doc.getMap('cards').set('mine', 'offline'); // edited offline, under its own id
    client.announcedVector = Y.encodeStateVector(client.doc);
    const ownStep1 = client.syncStep1(); // a provider sends it on open, before reading anything
    room.connect(client);
    room.receive(client, ownStep1);
    await room.settled();
    const steps = syncSteps(client);
    expect(steps.map((s) => s.step)).toEqual([0, 1, 1]);
    expect(Y.decodeUpdate(steps[1]!.payload).structs.length).toBeGreaterThan(0);
    expect(Y.decodeUpdate(steps[2]!.payload).structs).toHaveLength(0);
    client.applyReceived();
    expect(client.doc.getMap('cards').size).toBe(21);
  });

  it('sends the stock handshake to a connection that announced nothing', async () => {
    const room = roomWithCards(5);
    await room.settled();
    const stock = new AnnouncingSocket('stock', undefined);
    room.connect(stock);
    await room.settled();
    expect(syncSteps(stock).map((s) => s.step)).toEqual([0]);
    room.receive(stock, stock.syncStep1());
    await room.settled();
    const answer = syncSteps(stock).at(-1)!;
    expect(Y.decodeUpdate(answer.payload).structs.length).toBeGreaterThan(0);
  });

  it('forwards what was committed after the greeting, and the answer to its step 1 lacks nothing', async () => {
    const room = roomWithCards(5);
    await room.settled();
    const client = new AnnouncingSocket('client', Y.encodeStateVector(new Y.Doc()));
    room.connect(client);
    await room.settled();
    const writer = new FakeSocket('writer');
    cleanups.push(() => writer.destroy());
    joinRoom(room, writer);
    sendEdits(room, writer, (doc) => doc.getMap('cards').set('after', 'greeting'));
    await room.settled();
    room.receive(client, client.syncStep1()); // its vector from before it read anything
    await room.settled();
    client.applyReceived();
    expect(client.doc.getMap('cards').toJSON()).toEqual(room.doc.getMap('cards').toJSON());
  });
});
