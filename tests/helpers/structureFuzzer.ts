/**
 * A seeded structure fuzzer for participants: random hand-made updates built from a board's
 * real ids (shadows, straddles, references to future clocks, GC and skip structs, duplicate
 * groups, delete ranges, look-alike client ids), sent to a Room from participant connections
 * while the facilitator keeps editing. After every step the room's structure maps, and those
 * of the board reloaded from storage, must equal a reference doc only the facilitator wrote.
 */
import * as Y from 'yjs';
import { addLane, renameBoard, renameLane } from '../../src/doc/commands';
import { STRUCTURE_ROOTS } from '../../src/doc/schema';
import { FakeSocket } from './fakeSocket';
import { mulberry32 } from './mulberry32';
import { facilitatorRoom } from './facilitatedRoom';
import { RoleSocket } from './roomHarness';
import { handUpdate, type HandGroup, type HandId, type HandStruct } from './handUpdate';

export interface StructureFuzzResult {
  steps: number;
  refused: number;
  /** First step whose structure differed from the reference, with what was sent; null if none. */
  failure: { step: number; detail: string } | null;
}

const structure = (doc: Y.Doc) => JSON.stringify(STRUCTURE_ROOTS.map((name) => doc.getMap(name).toJSON()));

/** Every struct id of a doc (start clocks and a few inner ones), to aim references at. */
function realIds(doc: Y.Doc): HandId[] {
  const ids: HandId[] = [];
  doc.store.clients.forEach((structs, client) => {
    for (const s of structs) {
      ids.push({ client, clock: s.id.clock });
      if (s.length > 1) ids.push({ client, clock: s.id.clock + s.length - 1 });
    }
  });
  return ids;
}

/** Runs `steps` hostile updates with seed `seed`. */
export function fuzzStructure(seed: number, steps: number): StructureFuzzResult {
  const random = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const {
    room,
    join,
    facilitator,
    facilitatorEdit: send,
    journeyId,
    reloaded,
  } = facilitatorRoom(`structure-fuzz-${seed}`, {
    compactEvery: 200,
    maxBoardBytes: 2 * 1024 * 1024,
    facilitatorKey: 'fkey',
  });
  const keys = ['pkey-a', 'pkey-b'];
  let attacker = new RoleSocket('attacker', 'participant', keys[0]);
  join(attacker);
  const roots = [...STRUCTURE_ROOTS, 'touchpoints', 'painPoints', 'comments', 'dots'];
  const content = (): Extract<HandStruct, { kind: 'item' }>['content'] =>
    pick([{ any: [int(0, 9)] }, { string: 'ab'.slice(0, int(1, 2)) }, { type: 'map' as const }, { deleted: int(1, 3) }]);
  let refused = 0;
  for (let step = 0; step < steps; step++) {
    if (attacker.closed) {
      refused++;
      room.disconnect(attacker);
      attacker.destroy();
      attacker = new RoleSocket('attacker', 'participant', pick(keys));
      join(attacker);
    }
    // The facilitator keeps writing: traps would show in these.
    if (random() < 0.15) {
      const stages = [...facilitator.doc.getMap('stages').keys()];
      const r = random();
      if (r < 0.3) send((d) => renameBoard(d, `Titre ${step}`));
      else if (r < 0.6 && stages.length > 0) send((d) => renameLane(d, 'stages', pick(stages), `Étape ${step}`));
      else send((d) => addLane(d, 'stages', journeyId, `Nouvelle ${step}`));
    }
    const ids = realIds(room.doc);
    const F = facilitator.doc.clientID;
    const clients = [F, attacker.doc.clientID, 900_000 + int(0, 3), pick(ids).client];
    const groups: HandGroup[] = [];
    for (let g = int(0, 3); g > 0; g--) {
      const client = pick(clients);
      const state = Y.getState(room.doc.store, client);
      const clock = pick([state, Math.max(0, state - 1), state + int(1, 3), pick(ids).clock, 0]);
      const structs: HandStruct[] = [];
      for (let n = int(1, 3); n > 0; n--) {
        const r = random();
        if (r < 0.08) structs.push({ kind: 'gc', length: int(1, 4) });
        else if (r < 0.12) structs.push({ kind: 'skip', length: int(1, 4) });
        else {
          const ref = (): HandId =>
            random() < 0.2 ? { client: pick(clients), clock: Y.getState(room.doc.store, pick(clients)) + int(0, 2) } : pick(ids);
          const item: HandStruct = { kind: 'item', content: content() };
          if (random() < 0.5) item.origin = ref();
          if (random() < 0.3) item.rightOrigin = ref();
          if (!item.origin && !item.rightOrigin) {
            item.parent = random() < 0.7 ? pick(roots) : ref();
            if (random() < 0.8) item.parentSub = pick([...room.doc.getMap(pick(roots)).keys(), 'title', 'x']);
          }
          structs.push(item);
        }
      }
      groups.push({ client, clock, structs });
    }
    const deletes: [number, number, number][] = [];
    for (let d = random() < 0.4 ? int(1, 3) : 0; d > 0; d--) {
      const id = pick(ids);
      deletes.push([random() < 0.3 ? pick(clients) : id.client, id.clock, pick([1, 2, int(1, 50), 2 ** 30])]);
    }
    const update = handUpdate(groups, deletes);
    room.receive(attacker, FakeSocket.updateFrame(update));
    const expected = structure(facilitator.doc);
    let actual = structure(room.doc);
    if (actual === expected && step % 25 === 0) {
      actual = structure(reloaded());
    }
    if (actual !== expected) {
      room.destroy(1001, 'fuzz over');
      return { steps: step + 1, refused, failure: { step, detail: JSON.stringify({ groups, deletes }) } };
    }
  }
  room.destroy(1001, 'fuzz over');
  attacker.destroy();
  facilitator.destroy();
  return { steps, refused, failure: null };
}
