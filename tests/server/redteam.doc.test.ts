/**
 * Red-team: hand-made document updates from a participant against an in-process Room.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { renameBoard } from '../../src/doc/commands';
import { STRUCTURE_ROOTS } from '../../src/doc/schema';
import { FakeSocket } from '../helpers/fakeSocket';
import { facilitatedRoom } from '../helpers/facilitatedRoom';
import { RoleSocket } from '../helpers/roomHarness';
import { handUpdate } from '../helpers/handUpdate';

const BOARD = 'redteam-doc-00001';
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function setup() {
  const { store, room, join, facilitator, facilitatorEdit, participant, reloaded } = facilitatedRoom(BOARD);
  cleanups.push(() => room.destroy(1001, 'test over'));
  const attack = (update: Uint8Array, who: FakeSocket = participant) => room.receive(who, FakeSocket.updateFrame(update));
  const structure = (doc: Y.Doc) => JSON.stringify(STRUCTURE_ROOTS.map((name) => doc.getMap(name).toJSON()));
  const expectStructureIntact = () => {
    const want = structure(facilitator.doc);
    expect(structure(reloaded())).toBe(want);
    const mirror = new Y.Doc();
    Y.applyUpdate(mirror, Y.encodeStateAsUpdate(room.doc));
    expect(structure(mirror)).toBe(want);
  };
  /** Another board edit still flows from the facilitator to a fresh peer. */
  const expectStillFlowing = () => {
    const watcher = new RoleSocket('watcher', 'viewer');
    join(watcher);
    facilitatorEdit((d) => renameBoard(d, `Encore ${Math.random()}`));
    watcher.applyReceived();
    expect(structure(watcher.doc)).toBe(structure(facilitator.doc));
  };
  return { room, store, facilitator, participant, facilitatorEdit, attack, expectStructureIntact, expectStillFlowing, join, reloaded };
}

const F = (t: ReturnType<typeof setup>) => t.facilitator.doc.clientID;
const fEntry = (t: ReturnType<typeof setup>, root: string) => {
  const item = t.facilitator.doc.getMap(root)._map.values().next().value as Y.Item;
  return { client: item.id.client, clock: item.id.clock };
};

describe('redteam: structs the room already has (skipped by the judge, still read by Yjs)', () => {
  it('holds: a re-sent stored struct whose origin is its own future clock throws midway; only judged content lands', () => {
    const t = setup();
    const A = 910_001;
    const B = 910_002; // higher id: Yjs integrates it first
    t.attack(
      handUpdate([{ client: A, clock: 0, structs: [{ kind: 'item', parent: 'touchpoints', parentSub: 'a', content: { any: [1] } }] }]),
    );
    expect(t.participant.closed).toBeNull();
    const p2 = new RoleSocket('p2', 'participant', 'key-p');
    t.join(p2);
    t.attack(
      handUpdate([
        // Stored already: skipped by the judge; Yjs' getMissing looks its origin up (A, 5): past A's state.
        { client: A, clock: 0, structs: [{ kind: 'item', origin: { client: A, clock: 5 }, content: { any: [2] } }] },
        { client: B, clock: 0, structs: [{ kind: 'item', parent: 'touchpoints', parentSub: 'b', content: { any: [3] } }] },
      ]),
      p2,
    );
    expect(t.room.doc.getMap('touchpoints').get('a')).toBe(1);
    // Observed: Yjs throws (1007) after integrating B's struct; that partial transaction is still
    // stored and forwarded. It is content the judge accepted, so the promise holds.
    expect(p2.closed?.code).toBe(1007);
    expect(t.reloaded().getMap('touchpoints').get('b')).toBe(3);
    t.expectStructureIntact();
    t.expectStillFlowing();
  });

  it('holds: a re-sent stored struct whose neighbours are structure items (Yjs splits them) changes no structure', () => {
    const t = setup();
    const A = 910_003;
    t.attack(
      handUpdate([
        { client: A, clock: 0, structs: [{ kind: 'item', parent: 'touchpoints', parentSub: 'a', content: { any: [1, 2, 3] } }] },
      ]),
    );
    const meta = fEntry(t, 'meta');
    const stage = fEntry(t, 'stages');
    t.attack(
      handUpdate([
        {
          client: A,
          clock: 0,
          structs: [
            { kind: 'item', origin: meta, rightOrigin: stage, content: { any: [9, 9] } },
            { kind: 'item', origin: { client: A, clock: 1 }, content: { any: [4] } },
          ],
        },
      ]),
    );
    t.expectStructureIntact();
    t.expectStillFlowing();
  });

  it('holds: a re-sent stored struct waiting on a missing clock leaves nothing pending', () => {
    const t = setup();
    const A = 910_004;
    t.attack(
      handUpdate([{ client: A, clock: 0, structs: [{ kind: 'item', parent: 'touchpoints', parentSub: 'a', content: { any: [1] } }] }]),
    );
    t.attack(
      handUpdate([
        {
          client: A,
          clock: 0,
          structs: [
            { kind: 'item', origin: { client: F(t), clock: Y.getState(t.room.doc.store, F(t)) + 10 }, content: { any: [2] } },
            { kind: 'item', parent: 'stages', parentSub: 'x', content: { any: ['Piraté'] } },
          ],
        },
      ]),
    );
    expect(t.room.doc.store.pendingStructs).toBeNull();
    expect(t.room.doc.store.pendingDs).toBeNull();
    t.facilitatorEdit((d) => renameBoard(d, 'Suite'));
    t.expectStructureIntact();
  });
});

describe('redteam: writer keys and odd client ids', () => {
  for (const client of [0, 2 ** 32, Number.MAX_SAFE_INTEGER]) {
    it(`holds: client id ${client} is owned by its first writer only, and nothing crashes`, () => {
      const t = setup();
      t.attack(
        handUpdate([
          { client, clock: 0, structs: [{ kind: 'item', parent: 'touchpoints', parentSub: 'odd', content: { any: ['mine'] } }] },
        ]),
      );
      expect(t.participant.closed).toBeNull();
      const thief = new RoleSocket('thief', 'participant', 'key-thief');
      t.join(thief);
      t.attack(
        handUpdate([
          { client, clock: 1, structs: [{ kind: 'item', parent: 'touchpoints', parentSub: 'odd', content: { any: ['stolen'] } }] },
        ]),
        thief,
      );
      expect(thief.closed?.code).toBe(4409);
      expect(t.room.doc.getMap('touchpoints').get('odd')).toBe('mine');
      t.expectStillFlowing();
    });
  }

  it('holds: the relay’s own doc client id cannot be written, nor a key-less connection’s ids after it left', () => {
    const t = setup();
    const relayId = t.room.doc.clientID;
    t.attack(
      handUpdate([
        { client: relayId, clock: 0, structs: [{ kind: 'item', parent: 'touchpoints', parentSub: 'r', content: { any: [1] } }] },
      ]),
    );
    expect(t.participant.closed?.code).toBe(4409);
    const anon = new RoleSocket('anon', 'participant');
    t.join(anon);
    t.attack(
      handUpdate([
        { client: 920_000, clock: 0, structs: [{ kind: 'item', parent: 'touchpoints', parentSub: 'n', content: { any: [1] } }] },
      ]),
      anon,
    );
    expect(anon.closed).toBeNull();
    t.room.disconnect(anon);
    const anon2 = new RoleSocket('anon2', 'participant');
    t.join(anon2);
    t.attack(
      handUpdate([
        { client: 920_000, clock: 1, structs: [{ kind: 'item', parent: 'touchpoints', parentSub: 'n', content: { any: [2] } }] },
      ]),
      anon2,
    );
    expect(anon2.closed?.code).toBe(4409);
  });
});

describe('redteam: cost of what a participant sends', () => {
  it('holds: 50 000 delete ranges over unknown clients are dropped quickly and leave nothing pending', () => {
    const t = setup();
    const ranges: [number, number, number][] = [];
    for (let i = 0; i < 50_000; i++) ranges.push([1_000_000 + i, 0, 5]);
    const started = performance.now();
    t.attack(handUpdate([], ranges));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(t.room.doc.store.pendingDs).toBeNull();
    t.expectStillFlowing();
  });

  it('holds: a viewer’s step 2 and updates change nothing', () => {
    const t = setup();
    const viewer = new RoleSocket('viewer', 'viewer');
    t.join(viewer);
    const u = handUpdate([
      { client: 930_000, clock: 0, structs: [{ kind: 'item', parent: 'touchpoints', parentSub: 'v', content: { any: [1] } }] },
    ]);
    const step2 = new Uint8Array([0, 1, ...encodeLen(u.byteLength), ...u]);
    t.room.receive(viewer, step2);
    t.attack(u, viewer);
    expect(t.room.doc.getMap('touchpoints').has('v')).toBe(false);
  });
});

function encodeLen(n: number): number[] {
  const out: number[] = [];
  while (n > 127) {
    out.push((n & 127) | 128);
    n >>>= 7;
  }
  out.push(n);
  return out;
}
