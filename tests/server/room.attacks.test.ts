/**
 * Hand-made updates from a participant's connection that tried to change the structure, lay
 * traps on other clients' clocks or take over their client ids. Each is checked against the
 * room's document, a board reloaded from storage, and a reference doc only the facilitator wrote.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addLane, addTouchpoint, renameBoard } from '../../src/doc/commands';
import { STRUCTURE_ROOTS } from '../../src/doc/schema';
import { createMemoryStore } from '../../server/storage/memory';
import { CLOSE_CHANGE_REFUSED } from '../../server/protocol';
import { Room } from '../../server/room';
import { createLogger } from '../../server/log';
import { FakeSocket } from '../helpers/fakeSocket';
import { facilitatedRoom } from '../helpers/facilitatedRoom';
import { RoleSocket } from '../helpers/roomHarness';
import { handUpdate, type HandId } from '../helpers/handUpdate';

const BOARD = 'attack-board-0001';
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function setup() {
  const { store, room, join, facilitator, facilitatorEdit, journeyId, participant, reloaded } = facilitatedRoom(BOARD);
  cleanups.push(() => room.destroy(1001, 'test over'));
  const F = facilitator.doc.clientID;
  const fState = () => Y.getState(facilitator.doc.store, F);
  /** The id of the item holding a map entry of the facilitator's doc. */
  const entryId = (root: string, key: string): HandId => {
    const item = facilitator.doc.getMap(root)._map.get(key)!;
    return { client: item.id.client, clock: item.id.clock };
  };
  const attack = (update: Uint8Array) => room.receive(participant, FakeSocket.updateFrame(update));
  const structure = (doc: Y.Doc) => Object.fromEntries(STRUCTURE_ROOTS.map((name) => [name, doc.getMap(name).toJSON()]));
  /** Structure of the room, and of the board as stored, equals what the facilitator alone wrote. */
  const expectStructureIntact = () => {
    expect(structure(room.doc)).toEqual(structure(facilitator.doc));
    expect(structure(reloaded())).toEqual(structure(facilitator.doc));
  };
  return {
    room,
    store,
    facilitator,
    participant,
    facilitatorEdit,
    journeyId,
    F,
    fState,
    entryId,
    attack,
    expectStructureIntact,
    reloaded,
    join,
  };
}

const anyStage = (doc: Y.Doc) => [...doc.getMap('stages').keys()][0]!;

describe('a participant cannot reach the structure', () => {
  it('refuses a shadow struct: a look-alike at a stored structure id with a real item naming it', () => {
    const t = setup();
    const stage = anyStage(t.facilitator.doc);
    const target = t.entryId('stages', stage);
    const attacker = 900_001;
    const update = handUpdate([
      {
        client: target.client,
        clock: target.clock,
        structs: [{ kind: 'item', parent: 'touchpoints', parentSub: stage, content: { any: [1] } }],
      },
      { client: attacker, clock: 0, structs: [{ kind: 'item', origin: target, parentSub: stage, content: { any: ['Piraté'] } }] },
    ]);
    t.attack(update);
    expect(t.participant.closed?.code).toBe(CLOSE_CHANGE_REFUSED);
    t.expectStructureIntact();
  });

  it('refuses a shadow delete: a delete range over a stored structure item', () => {
    const t = setup();
    const target = t.entryId('stages', anyStage(t.facilitator.doc));
    t.attack(handUpdate([], [[target.client, target.clock, 1]]));
    expect(t.participant.closed?.code).toBe(CLOSE_CHANGE_REFUSED);
    t.expectStructureIntact();
  });

  it('refuses an item straddling the facilitator’s last clock', () => {
    const t = setup();
    const update = handUpdate([
      { client: t.F, clock: t.fState() - 1, structs: [{ kind: 'item', parent: 'touchpoints', content: { string: 'ab' } }] },
    ]);
    t.attack(update);
    expect(t.participant.closed?.code).toBe(CLOSE_CHANGE_REFUSED);
    t.expectStructureIntact();
    t.facilitatorEdit((d) => renameBoard(d, 'Parcours 2027'));
    t.expectStructureIntact();
  });

  it('refuses items under an unknown top-level name, subdocuments’ place and nesting past the cap', () => {
    const t = setup();
    const a = 900_002;
    t.attack(handUpdate([{ client: a, clock: 0, structs: [{ kind: 'item', parent: 'hacked', parentSub: 'x', content: { any: [1] } }] }]));
    expect(t.participant.closed?.code).toBe(CLOSE_CHANGE_REFUSED);
    expect(t.room.doc.share.has('hacked')).toBe(false);
    // Six nested maps under a card: refused at the fifth level, in one cheap pass.
    const p2 = new RoleSocket('p2', 'participant', 'key-p2');
    t.join(p2);
    const structs = [{ kind: 'item' as const, parent: 'touchpoints', parentSub: 'deep', content: { type: 'map' as const } }];
    for (let i = 1; i < 6; i++)
      structs.push({ kind: 'item', parent: { client: a + 1, clock: i - 1 } as never, parentSub: 'd', content: { type: 'map' } });
    t.room.receive(p2, FakeSocket.updateFrame(handUpdate([{ client: a + 1, clock: 0, structs }])));
    expect(p2.closed?.code).toBe(CLOSE_CHANGE_REFUSED);
    expect(t.room.doc.getMap('touchpoints').has('deep')).toBe(false);
  });

  it('refuses a duplicate client group (Yjs keeps only the last one)', () => {
    const t = setup();
    const stage = anyStage(t.facilitator.doc);
    const a = 900_003;
    const update = handUpdate([
      { client: a, clock: 0, structs: [{ kind: 'item', parent: 'touchpoints', parentSub: 'x', content: { any: [1] } }] },
      { client: 900_004, clock: 0, structs: [{ kind: 'item', parent: 'touchpoints', parentSub: 'y', content: { any: [1] } }] },
      { client: a, clock: 0, structs: [{ kind: 'item', parent: 'stages', parentSub: stage, content: { any: ['Piraté'] } }] },
    ]);
    t.attack(update);
    expect(t.participant.closed?.code).toBe(CLOSE_CHANGE_REFUSED);
    t.expectStructureIntact();
  });
});

describe('a participant cannot lay traps on other clients’ clocks', () => {
  it('drops a delete range over the facilitator’s future clocks: the next stage survives', () => {
    const t = setup();
    t.attack(handUpdate([], [[t.F, t.fState(), 2 ** 30]]));
    let stageId = '';
    t.facilitatorEdit((d) => {
      stageId = addLane(d, 'stages', t.journeyId, 'Onboarding');
    });
    t.facilitatorEdit((d) => renameBoard(d, 'Nouveau titre'));
    expect(t.room.doc.getMap('stages').has(stageId)).toBe(true);
    t.expectStructureIntact();
  });

  it('drops a delete range over another participant’s future clocks: their next card survives', () => {
    const t = setup();
    const victim = new RoleSocket('victim', 'participant', 'key-v');
    t.join(victim);
    t.attack(handUpdate([], [[victim.doc.clientID, 0, 2 ** 30]]));
    const updates: Uint8Array[] = [];
    victim.doc.on('update', (u: Uint8Array) => updates.push(u));
    const card = addTouchpoint(
      victim.doc,
      { journeyId: t.journeyId, stageId: anyStage(victim.doc), channelId: [...victim.doc.getMap('channels').keys()][0]! },
      'Je compare',
    );
    for (const u of updates) t.room.receive(victim, FakeSocket.updateFrame(u));
    expect(victim.closed).toBeNull();
    expect(t.room.doc.getMap('touchpoints').has(card)).toBe(true);
    expect(t.reloaded().getMap('touchpoints').has(card)).toBe(true);
  });

  it('refuses an item naming a future clock of the facilitator, and a GC struct over its next clocks', () => {
    const t = setup();
    t.attack(
      handUpdate([
        { client: 900_005, clock: 0, structs: [{ kind: 'item', origin: { client: t.F, clock: t.fState() }, content: { any: [1] } }] },
      ]),
    );
    expect(t.participant.closed?.code).toBe(CLOSE_CHANGE_REFUSED);
    const p2 = new RoleSocket('p2', 'participant', 'key-p2');
    t.join(p2);
    t.room.receive(p2, FakeSocket.updateFrame(handUpdate([{ client: t.F, clock: t.fState(), structs: [{ kind: 'gc', length: 50 }] }])));
    expect(p2.closed?.code).toBe(CLOSE_CHANGE_REFUSED);
    expect(Y.getState(t.room.doc.store, t.F)).toBe(t.fState());
    // The facilitator's next edits land whole.
    let stageId = '';
    t.facilitatorEdit((d) => {
      stageId = addLane(d, 'stages', t.journeyId, 'Fidélisation');
    });
    expect(t.room.doc.getMap('stages').has(stageId)).toBe(true);
    t.expectStructureIntact();
  });

  it('refuses skip structs, and writing under another participant’s client id', () => {
    const t = setup();
    t.attack(
      handUpdate([
        {
          client: 900_006,
          clock: 0,
          structs: [
            { kind: 'skip', length: 5 },
            { kind: 'item', parent: 'touchpoints', parentSub: 'x', content: { any: [1] } },
          ],
        },
      ]),
    );
    expect(t.participant.closed?.code).toBe(CLOSE_CHANGE_REFUSED);
    const victim = new RoleSocket('victim', 'participant', 'key-v');
    t.join(victim);
    const updates: Uint8Array[] = [];
    victim.doc.on('update', (u: Uint8Array) => updates.push(u));
    addTouchpoint(
      victim.doc,
      { journeyId: t.journeyId, stageId: anyStage(victim.doc), channelId: [...victim.doc.getMap('channels').keys()][0]! },
      'Je compare',
    );
    for (const u of updates) t.room.receive(victim, FakeSocket.updateFrame(u));
    const V = victim.doc.clientID;
    const thief = new RoleSocket('thief', 'participant', 'key-t');
    t.join(thief);
    t.room.receive(
      thief,
      FakeSocket.updateFrame(
        handUpdate([
          {
            client: V,
            clock: Y.getState(victim.doc.store, V),
            structs: [{ kind: 'item', parent: 'touchpoints', parentSub: 'z', content: { any: [1] } }],
          },
        ]),
      ),
    );
    expect(thief.closed?.code).toBe(CLOSE_CHANGE_REFUSED);
    // The same writer key, reconnecting, continues its own client id.
    const again = new RoleSocket('victim again', 'participant', 'key-v');
    t.join(again);
    t.room.receive(
      again,
      FakeSocket.updateFrame(
        handUpdate([
          {
            client: V,
            clock: Y.getState(victim.doc.store, V),
            structs: [{ kind: 'item', parent: 'touchpoints', parentSub: 'z', content: { any: [1] } }],
          },
        ]),
      ),
    );
    expect(again.closed).toBeNull();
    expect(t.room.doc.getMap('touchpoints').get('z')).toBe(1);
  });
});

describe('viewers and presence', () => {
  it('drops a viewer’s update unread, and stamps presence with the connection’s role', () => {
    const t = setup();
    const viewer = new RoleSocket('viewer', 'viewer');
    t.join(viewer);
    t.room.receive(viewer, FakeSocket.updateFrame(new Uint8Array([1, 2, 3, 250, 250])));
    expect(viewer.closed).toBeNull();
    viewer.awareness.setLocalState({ user: { name: 'Faux animateur', color: '#000000', role: 'facilitator' }, summon: { at: 1e15 } });
    t.room.receive(viewer, viewer.awarenessFrame());
    expect((t.room.awareness.getStates().get(viewer.doc.clientID) as { user: { role: string } }).user.role).toBe('viewer');
  });

  it('refuses a presence state over 4 KiB and never hands a departed id to another writer', () => {
    const t = setup();
    const big = new RoleSocket('big', 'viewer', 'key-b');
    t.join(big);
    big.awareness.setLocalState({ user: { name: 'x'.repeat(5000), color: '#000000' } });
    t.room.receive(big, big.awarenessFrame());
    expect(big.closed?.code).toBe(1008);
    t.participant.awareness.setLocalState({ user: { name: 'Paul', color: '#2563eb' } });
    t.room.receive(t.participant, t.participant.awarenessFrame());
    const id = t.participant.doc.clientID;
    t.room.disconnect(t.participant);
    const impostor = new RoleSocket('impostor', 'viewer', 'key-i');
    t.join(impostor);
    t.room.receive(impostor, impostor.awarenessFrame([id], t.participant.awareness));
    expect(t.room.awareness.getStates().has(id)).toBe(false);
    const back = new RoleSocket('back', 'participant', 'key-p');
    t.join(back);
    t.room.receive(back, back.awarenessFrame([id], t.participant.awareness));
    expect(t.room.awareness.getStates().has(id)).toBe(true);
  });
});

describe('the size cap counts what deletions do', () => {
  it('refuses deletions that fragment a board past its cap', () => {
    const store = createMemoryStore();
    const room = new Room({ boardId: BOARD, store, log: createLogger('silent'), compactEvery: 10_000, maxBoardBytes: 64 * 1024 });
    cleanups.push(() => room.destroy(1001, 'test over'));
    const writer = new RoleSocket('writer', 'participant', 'key-w');
    room.connect(writer);
    const rich = new Y.Doc();
    rich.on('update', (u: Uint8Array) => room.receive(writer, FakeSocket.updateFrame(u)));
    const t = new Y.Text();
    rich.getMap('touchpoints').set('t', t);
    t.insert(0, 'x'.repeat(40_000));
    expect(writer.closed).toBeNull();
    // Delete every other character: each deletion splits the text.
    const client = rich.clientID;
    const start = Y.getState(rich.store, client) - 40_000;
    const ranges: [number, number, number][] = [];
    for (let i = 0; i < 20_000; i++) ranges.push([client, start + 2 * i, 1]);
    room.receive(writer, FakeSocket.updateFrame(handUpdate([], ranges)));
    expect(writer.closed?.code).toBe(4413);
    expect(Y.encodeStateAsUpdate(room.doc).byteLength).toBeLessThan(64 * 1024 * 1.1);
  });
});
