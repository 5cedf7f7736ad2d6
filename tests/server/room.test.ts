import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { Awareness } from 'y-protocols/awareness';
import { Room } from '../../server/room';
import { createMemoryStore } from '../../server/storage/memory';
import type { BoardStore } from '../../server/persistence';
import { createLogger, type Logger } from '../../server/log';
import { FakeSocket, frame } from '../helpers/fakeSocket';

const BOARD = 'room-test-board-0001';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A logger that keeps its lines, to assert what was logged. */
function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const sink = (line: string) => lines.push(line);
  return Object.assign(createLogger('debug', { out: sink, err: sink }), { lines });
}

function makeRoom(options: { store?: BoardStore; journal?: string[]; log?: Logger; compactEvery?: number } = {}) {
  const journal = options.journal ?? [];
  const memory = createMemoryStore();
  const store: BoardStore = options.store ?? {
    ...memory,
    append: (boardId, update) => {
      journal.push('stored');
      return memory.append(boardId, update);
    },
  };
  const room = new Room({ boardId: BOARD, store, log: options.log ?? recordingLogger(), compactEvery: options.compactEvery ?? 500 });
  cleanups.push(() => room.destroy(1001, 'test over'));
  return { room, store, memory, journal };
}

function socket(name: string, journal?: string[]): FakeSocket {
  const fake = new FakeSocket(name, journal);
  cleanups.push(() => fake.destroy());
  return fake;
}

/** The update a local edit produces. */
function captureUpdate(doc: Y.Doc, edit: () => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const collect = (update: Uint8Array) => updates.push(update);
  doc.on('update', collect);
  edit();
  doc.off('update', collect);
  return Y.mergeUpdates(updates);
}

/** Connects a fake client and runs the full handshake (both sync steps). */
function join(room: Room, client: FakeSocket): void {
  room.connect(client);
  room.receive(client, client.syncStep1());
  client.applyReceived();
}

describe('Room sync protocol', () => {
  it('answers a sync step 1 with a step 2 holding the stored board, loaded before the first message', () => {
    const original = new Y.Doc();
    original.getMap('stages').set('s1', 'Discover');
    const store = createMemoryStore();
    store.append(BOARD, Y.encodeStateAsUpdate(original));
    const { room } = makeRoom({ store });
    const client = socket('A');

    room.connect(client);
    expect(client.receivedTypes()).toEqual([0]); // our sync step 1, and no awareness yet
    room.receive(client, client.syncStep1());
    client.applyReceived();

    expect(client.doc.getMap('stages').toJSON()).toEqual({ s1: 'Discover' });
    expect(Y.encodeStateVector(client.doc)).toEqual(Y.encodeStateVector(original));
  });

  it('stores an update before broadcasting it to the other connections, and does not echo it', () => {
    const journal: string[] = [];
    const { room, memory } = makeRoom({ journal });
    const a = socket('A', journal);
    const b = socket('B', journal);
    join(room, a);
    join(room, b);
    journal.length = 0;

    const update = captureUpdate(a.doc, () => a.doc.getMap('cards').set('c1', 'Checkout'));
    room.receive(a, FakeSocket.updateFrame(update));

    expect(journal).toEqual(['stored', 'B received']);
    b.applyReceived();
    expect(b.doc.getMap('cards').get('c1')).toBe('Checkout');
    expect(a.sent).toEqual([]);
    expect(memory.rowCount!(BOARD)).toBe(1);
  });

  it('compacts the stored log once it holds more than compactEvery rows', () => {
    const { room, memory } = makeRoom({ compactEvery: 5 });
    const a = socket('A');
    join(room, a);
    a.doc.on('update', (u: Uint8Array) => room.receive(a, FakeSocket.updateFrame(u)));
    for (let i = 0; i < 12; i++) a.doc.getMap('m').set(`k${i}`, i);

    expect(memory.rowCount!(BOARD)).toBeLessThanOrEqual(5);
    const reloaded = new Y.Doc();
    for (const row of memory.load(BOARD)) Y.applyUpdate(reloaded, row);
    expect(reloaded.getMap('m').toJSON()).toEqual(a.doc.getMap('m').toJSON());
    reloaded.destroy();
  });
});

describe('Room hostile input', () => {
  const garbage: [string, Uint8Array][] = [
    ['an empty frame', new Uint8Array()],
    ['a truncated varint', new Uint8Array([0x80])],
    ['a truncated sync payload', new Uint8Array([0, 2, 50, 1, 2])],
    [
      'an undecodable update',
      frame(
        (e) => (
          encoding.writeVarUint(e, 0),
          encoding.writeVarUint(e, 2),
          encoding.writeVarUint8Array(e, new Uint8Array([9, 9, 9, 9, 9, 9]))
        ),
      ),
    ],
    ['an unknown sync step', new Uint8Array([0, 7, 0])],
    [
      'awareness with broken JSON',
      frame((e) => {
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint8Array(
          e,
          frame(
            (a) => (
              encoding.writeVarUint(a, 1),
              encoding.writeVarUint(a, 5),
              encoding.writeVarUint(a, 1),
              encoding.writeVarString(a, '{nope')
            ),
          ),
        );
      }),
    ],
  ];

  it.each(garbage)('closes only the sender with 1007 on %s, and logs one warning', (_label, junk) => {
    const log = recordingLogger();
    const { room } = makeRoom({ log });
    const attacker = socket('attacker');
    const a = socket('A');
    const b = socket('B');
    join(room, attacker);
    join(room, a);
    join(room, b);

    room.receive(attacker, junk);

    expect(attacker.closed?.code).toBe(1007);
    expect(log.lines.filter((line) => line.includes(' WARN '))).toEqual([expect.stringContaining(`board=${BOARD}`)]);
    expect(room.connectionCount).toBe(2);
    // The others carry on: an edit from A still reaches B.
    a.doc.once('update', (u: Uint8Array) => room.receive(a, FakeSocket.updateFrame(u)));
    a.doc.getMap('m').set('after', true);
    b.applyReceived();
    expect(b.doc.getMap('m').get('after')).toBe(true);
  });

  it.each([
    ['type 2 (auth, never sent by clients)', new Uint8Array([2, 0])],
    ['type 42', new Uint8Array([42])],
  ])('closes with 1003 on an unknown message %s', (_label, message) => {
    const { room } = makeRoom();
    const a = socket('A');
    join(room, a);
    room.receive(a, message);
    expect(a.closed?.code).toBe(1003);
    expect(room.connectionCount).toBe(0);
  });

  it('closes with 1003 on a text frame', () => {
    const { room } = makeRoom();
    const a = socket('A');
    join(room, a);
    room.receive(a, new TextEncoder().encode('hello'), false);
    expect(a.closed?.code).toBe(1003);
  });

  it('ignores frames from a connection it already closed', () => {
    const { room, memory } = makeRoom();
    const a = socket('A');
    join(room, a);
    room.receive(a, new Uint8Array([0x80]));
    a.doc.once('update', (u: Uint8Array) => room.receive(a, FakeSocket.updateFrame(u)));
    a.doc.getMap('m').set('late', 1);
    expect(memory.rowCount!(BOARD)).toBe(0);
  });

  it('closes every connection with 4503 (storage unavailable) when storage refuses an update', async () => {
    const failing: BoardStore = {
      ...createMemoryStore(),
      append: () => {
        throw new Error('disk full');
      },
    };
    const { room } = makeRoom({ store: failing });
    const a = socket('A');
    const b = socket('B');
    join(room, a);
    join(room, b);
    a.doc.once('update', (u: Uint8Array) => room.receive(a, FakeSocket.updateFrame(u)));
    a.doc.getMap('m').set('lost', 1);
    expect(a.closed).toEqual({ code: 4503, reason: 'storage unavailable' });
    expect(b.closed).toEqual({ code: 4503, reason: 'storage unavailable' });
    expect(b.sent.length).toBe(0); // nothing unsaved was broadcast
    await Promise.resolve();
    expect(room.isBroken).toBe(true);
  });
});

describe('Room awareness', () => {
  it('sends known awareness states to a newcomer and answers a query with all states', () => {
    const { room } = makeRoom();
    const a = socket('A');
    join(room, a);
    a.awareness.setLocalStateField('user', { name: 'Ana' });
    room.receive(a, a.awarenessFrame());

    const b = socket('B');
    join(room, b);
    expect(b.awareness.getStates().get(a.doc.clientID)).toEqual({ user: { name: 'Ana', role: 'facilitator' } });

    room.receive(b, new Uint8Array([3]));
    expect(b.receivedTypes()).toEqual([1]);
  });

  it('removes the states a connection introduced when it closes, and tells the others', () => {
    const { room } = makeRoom();
    const a = socket('A');
    const b = socket('B');
    join(room, a);
    join(room, b);
    a.awareness.setLocalStateField('user', { name: 'Ana' });
    room.receive(a, a.awarenessFrame());
    b.applyReceived();
    expect(b.awareness.getStates().has(a.doc.clientID)).toBe(true);

    room.disconnect(a);
    b.applyReceived();
    expect(b.awareness.getStates().has(a.doc.clientID)).toBe(false);
    expect(room.awareness.getStates().size).toBe(0);
  });

  it("ignores an update that overwrites or removes another connection's client", () => {
    const log = recordingLogger();
    const { room } = makeRoom({ log });
    const a = socket('A');
    const mallory = socket('mallory');
    join(room, a);
    join(room, mallory);
    a.awareness.setLocalStateField('user', { name: 'Ana' });
    room.receive(a, a.awarenessFrame());

    // Mallory forges A's clientID with a higher clock, then tries to remove it.
    const forged = new Y.Doc();
    forged.clientID = a.doc.clientID;
    const forgedAwareness = new Awareness(forged);
    for (let i = 0; i < 5; i++) forgedAwareness.setLocalStateField('user', { name: 'Mallory' });
    room.receive(mallory, mallory.awarenessFrame([a.doc.clientID], forgedAwareness));
    forgedAwareness.setLocalState(null);
    room.receive(mallory, mallory.awarenessFrame([a.doc.clientID], forgedAwareness));
    forged.destroy();

    expect(room.awareness.getStates().get(a.doc.clientID)).toEqual({ user: { name: 'Ana', role: 'facilitator' } });
    expect(mallory.closed).toBeNull();
    expect(log.lines.some((line) => line.includes('DEBUG ignored awareness update'))).toBe(true);
    // Mallory's own state still goes through.
    mallory.awareness.setLocalStateField('user', { name: 'Mallory' });
    room.receive(mallory, mallory.awarenessFrame());
    expect(room.awareness.getStates().has(mallory.doc.clientID)).toBe(true);
  });
});

describe('hooks for other relay instances', () => {
  it('reports each stored update with its seq, after storing and before forwarding it', () => {
    const journal: string[] = [];
    const memory = createMemoryStore();
    const committed: { seq: number; origin: string | undefined }[] = [];
    const store: BoardStore = {
      ...memory,
      append: (boardId, update) => {
        journal.push('stored');
        return memory.append(boardId, update);
      },
    };
    const room = new Room({
      boardId: BOARD,
      store,
      log: recordingLogger(),
      compactEvery: 500,
      onCommitted: (update, seq, origin) => {
        journal.push(`committed ${seq}`);
        committed.push({ seq, origin: (origin as FakeSocket | null)?.name });
        expect(memory.loadSince(BOARD, seq - 1)[0]?.update).toEqual(update);
      },
    });
    cleanups.push(() => room.destroy(1001, 'test over'));
    const a = socket('A', journal);
    const b = socket('B', journal);
    join(room, a);
    join(room, b);
    journal.length = 0;
    room.receive(a, FakeSocket.updateFrame(captureUpdate(a.doc, () => a.doc.getMap('m').set('x', 1))));
    room.receive(a, FakeSocket.updateFrame(captureUpdate(a.doc, () => a.doc.getMap('m').set('y', 2))));
    expect(journal).toEqual(['stored', 'committed 1', 'B received', 'stored', 'committed 2', 'B received']);
    expect(committed).toEqual([
      { seq: 1, origin: 'A' },
      { seq: 2, origin: 'A' },
    ]);
    expect(room.loadedSeq).toBe(2);
  });

  it('applies an update stored elsewhere without storing it again, forwards it to every client, and skips a repeat', () => {
    const { room, memory } = makeRoom();
    const a = socket('A');
    join(room, a);
    const elsewhere = new Y.Doc();
    const update = captureUpdate(elsewhere, () => elsewhere.getMap('m').set('remote', 'yes'));
    // The other instance stored it as row 1 of the board.
    memory.append(BOARD, update);
    room.applyRemote(update, 1);
    room.applyRemote(update, 1);
    expect(memory.rowCount!(BOARD)).toBe(1);
    expect(a.sent).toHaveLength(1);
    a.applyReceived();
    expect(a.doc.getMap('m').get('remote')).toBe('yes');
    expect(room.loadedSeq).toBe(1);
  });

  it('stores content a client sent before its dependencies when another instance’s update completes it', () => {
    const { room, memory } = makeRoom();
    const a = socket('A');
    const b = socket('B');
    join(room, a);
    join(room, b);
    // Elsewhere, one client writes a text, then appends to it; here a facilitator holds the
    // first part through another instance and sends only the second: it waits, pending.
    const writer = new Y.Doc();
    const first = captureUpdate(writer, () => writer.getText('t').insert(0, 'Je '));
    const second = captureUpdate(writer, () => writer.getText('t').insert(3, 'paie'));
    room.receive(a, FakeSocket.updateFrame(second));
    expect(b.sent).toHaveLength(0);
    expect(memory.rowCount!(BOARD)).toBe(0);
    // The other instance stored the first part as row 1; it releases the pending second part.
    memory.append(BOARD, first);
    room.applyRemote(first, 1);
    const stored = new Y.Doc();
    for (const row of memory.load(BOARD)) Y.applyUpdate(stored, row);
    expect(stored.getText('t').toString()).toBe('Je paie');
    b.applyReceived();
    expect(b.doc.getText('t').toString()).toBe('Je paie');
    expect(room.loadedSeq).toBe(2);
  });

  it('a compaction replaces only the rows the document is known to hold', () => {
    const { room, memory } = makeRoom();
    const a = socket('A');
    join(room, a);
    const elsewhere = new Y.Doc();
    const first = captureUpdate(elsewhere, () => elsewhere.getMap('m').set('one', 1));
    const second = captureUpdate(elsewhere, () => elsewhere.getMap('m').set('two', 2));
    memory.append(BOARD, first);
    memory.append(BOARD, second);
    // Row 2 reached this instance before row 1: the document holds row 2 but not row 1.
    room.applyRemote(second, 2);
    room.receive(a, FakeSocket.updateFrame(captureUpdate(a.doc, () => a.doc.getMap('m').set('own', 3))));
    expect(room.loadedSeq).toBe(0);
    expect(room.compact()).toBe(true);
    expect(memory.loadSince(BOARD, 0).map((row) => row.seq)).toEqual([1, 2, 3]);
    room.applyRemote(first, 1);
    expect(room.loadedSeq).toBe(3);
    expect(room.compact()).toBe(true);
    expect(memory.loadSince(BOARD, 0).map((row) => row.seq)).toEqual([3]);
    expect(replayRows(memory.load(BOARD))).toEqual({ one: 1, two: 2, own: 3 });
  });
});

function replayRows(rows: Uint8Array[]): Record<string, unknown> {
  const doc = new Y.Doc();
  for (const row of rows) Y.applyUpdate(doc, row);
  return doc.getMap('m').toJSON();
}
