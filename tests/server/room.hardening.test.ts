/** Room defences found by fuzzing: pending content and awareness bookkeeping stay bounded. */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Room } from '../../server/room';
import { MAX_PENDING_BYTES } from '../../server/updateCost';
import { createMemoryStore } from '../../server/storage/memory';
import { silentLogger } from '../../server/log';
import { FakeSocket } from '../helpers/fakeSocket';
import { awarenessFrame } from '../helpers/handAwareness';

const BOARD = 'room-hardening-board-01';
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function setup() {
  const store = createMemoryStore();
  const room = new Room({ boardId: BOARD, store, log: silentLogger, compactEvery: 500 });
  cleanups.push(() => room.destroy(1001, 'test over'));
  const join = (name: string) => {
    const client = new FakeSocket(name);
    cleanups.push(() => client.destroy());
    room.connect(client);
    room.receive(client, client.syncStep1());
    client.applyReceived();
    return client;
  };
  return { room, store, join };
}

/** Updates of a doc, one per edit, so the test can withhold some. */
function editsOf(count: number, size: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < count; i++) doc.getText('t').insert(0, `${i}`.padEnd(size, 'x'));
  doc.destroy();
  return updates;
}

describe('pending content (updates whose dependencies never arrived)', () => {
  it('integrates an update that overtook its dependencies once they arrive, closing nobody', () => {
    const { room, join } = setup();
    const a = join('A');
    const b = join('B');
    const [first, second] = editsOf(2, 10) as [Uint8Array, Uint8Array];
    room.receive(a, FakeSocket.updateFrame(second));
    expect(b.sent).toHaveLength(0); // held back, not relayed
    room.receive(a, FakeSocket.updateFrame(first));
    b.applyReceived();
    expect(b.doc.getText('t').length).toBe(20);
    expect(a.closed).toBeNull();
    expect(room.doc.store.pendingStructs).toBeNull();
  });

  it(`drops pending content past ${MAX_PENDING_BYTES / 1024} KiB and closes the connections that sent it with 1008`, () => {
    const { room, join } = setup();
    const honest = join('honest');
    const hoarder = join('hoarder');
    const updates = editsOf(40, 4096);
    for (const update of updates.slice(1)) {
      if (hoarder.closed) break;
      room.receive(hoarder, FakeSocket.updateFrame(update)); // all depend on the withheld first one
    }
    expect(hoarder.closed?.code).toBe(1008);
    expect(honest.closed).toBeNull();
    expect(room.doc.store.pendingStructs).toBeNull();
    // The board carries on.
    honest.doc.once('update', (u: Uint8Array) => room.receive(honest, FakeSocket.updateFrame(u)));
    honest.doc.getMap('m').set('still', 'here');
    expect(room.doc.getMap('m').get('still')).toBe('here');
  });
});

describe('awareness bookkeeping', () => {
  it('keeps no trace of removals of client ids nobody owns', () => {
    const { room, join } = setup();
    const mallory = join('mallory');
    for (let i = 0; i < 200; i++) room.receive(mallory, awarenessFrame([{ clientID: 10_000 + i, clock: 5, json: 'null' }]));
    expect(mallory.closed).toBeNull();
    expect(room.awareness.meta.size).toBe(1); // the relay's own (empty) local state
  });

  it("forgets a connection's client ids, clocks included, when it leaves", () => {
    const { room, join } = setup();
    const a = join('A');
    room.receive(a, awarenessFrame([{ clientID: 4242, clock: 3, json: '{"user":{"name":"Ana"}}' }]));
    expect(room.awareness.getStates().has(4242)).toBe(true);
    room.disconnect(a);
    expect(room.awareness.getStates().has(4242)).toBe(false);
    expect(room.awareness.meta.has(4242)).toBe(false);
  });

  it('drops an echo of another client without parsing its state, but closes on bad JSON in its own', () => {
    const { room, join } = setup();
    const a = join('A');
    const b = join('B');
    room.receive(a, awarenessFrame([{ clientID: 1111, clock: 1, json: '{"user":{"name":"Ana"}}' }]));
    room.receive(b, awarenessFrame([{ clientID: 1111, clock: 1, json: '{not json' }])); // foreign id: ignored as a whole
    expect(b.closed).toBeNull();
    room.receive(b, awarenessFrame([{ clientID: 2222, clock: 1, json: '{not json' }]));
    expect(b.closed?.code).toBe(1007);
    expect(room.awareness.getStates().has(2222)).toBe(false);
  });
});
