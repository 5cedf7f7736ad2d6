/**
 * Red-team: the board size cap (maxBoardBytes) against deletions that fragment the board.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMemoryStore } from '../../server/storage/memory';
import { Room } from '../../server/room';
import { createLogger } from '../../server/log';
import { FakeSocket } from '../helpers/fakeSocket';
import { RoleSocket } from '../helpers/roomHarness';
import { handUpdate } from '../helpers/handUpdate';

const BOARD = 'redteam-size-0001';
const CAP = 64 * 1024;
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function setup() {
  const store = createMemoryStore();
  const room = new Room({ boardId: BOARD, store, log: createLogger('silent'), compactEvery: 10_000, maxBoardBytes: CAP });
  cleanups.push(() => room.destroy(1001, 'test over'));
  const writer = new RoleSocket('writer', 'participant', 'key-w');
  room.connect(writer);
  const rich = new Y.Doc();
  rich.on('update', (u: Uint8Array) => room.receive(writer, FakeSocket.updateFrame(u)));
  return { store, room, writer, rich };
}

const encodedSize = (doc: Y.Doc) => Y.encodeStateAsUpdate(doc).byteLength;
const storedBoard = (store: ReturnType<typeof createMemoryStore>) => {
  const doc = new Y.Doc();
  for (const u of store.load(BOARD)) Y.applyUpdate(doc, u);
  return doc;
};

describe('redteam: size cap vs fragmenting deletions', () => {
  // BREAKS the size cap: room.ts charges 32 bytes per deleted range only when the update is
  // deletes-only (`splits = deletesOnly && ...`). Adding a single one-byte struct to the same
  // update makes the 8 000 splitting ranges cost only the update's own bytes, so the
  // board ends up far past maxBoardBytes (measured ~3x the cap).
  it('refuses splitting deletions smuggled next to one new struct', () => {
    const t = setup();
    const text = new Y.Text();
    t.rich.getMap('touchpoints').set('t', text);
    text.insert(0, 'x'.repeat(20_000));
    expect(t.writer.closed).toBeNull();
    const client = t.rich.clientID;
    const start = Y.getState(t.rich.store, client) - 20_000;
    const ranges: [number, number, number][] = [];
    for (let i = 0; i < 8_000; i++) ranges.push([client, start + 2 * i, 1]);
    const update = handUpdate(
      [{ client: 4242, clock: 0, structs: [{ kind: 'item', parent: 'touchpoints', parentSub: 'k', content: { any: [1] } }] }],
      ranges,
    );
    t.room.receive(t.writer, FakeSocket.updateFrame(update));
    const size = encodedSize(t.room.doc);
    // Either refused (4413), or the board stays within the cap + deletion headroom.
    expect(t.writer.closed?.code === 4413 || size <= CAP + CAP / 16, `board is ${size} bytes, cap ${CAP}`).toBe(true);
    expect(encodedSize(storedBoard(t.store))).toBeLessThanOrEqual(CAP + CAP / 16);
  });

  // Whole-item deletions are free (no size check). Many separate one-character items (typed
  // backwards, so they never merge), then deleting every other one: each deletion is a
  // whole item but adds a delete-set range to the encoded board.
  it('holds: whole-item deletions keep the board within cap + 1/16 headroom', () => {
    const t = setup();
    const text = new Y.Text();
    t.rich.getMap('touchpoints').set('t', text);
    // Typed backwards: every character is its own item.
    for (let i = 0; i < 200_000 && !t.writer.closed; i++) {
      if (i % 100 === 0 && encodedSize(t.rich) > CAP - 4096) break;
      text.insert(0, 'x');
    }
    expect(t.writer.closed).toBeNull();
    const before = encodedSize(t.room.doc);
    const client = t.rich.clientID;
    const structs = t.rich.store.clients.get(client)!;
    const ranges: [number, number, number][] = [];
    for (let i = 0; i < structs.length; i += 2) {
      const s = structs[i]!;
      if (s instanceof Y.Item && s.content instanceof Y.ContentString) ranges.push([client, s.id.clock, 1]);
    }
    // Several deletes-only updates, each of whole items.
    for (let i = 0; i < ranges.length; i += 1000)
      t.room.receive(t.writer, FakeSocket.updateFrame(handUpdate([], ranges.slice(i, i + 1000))));
    const after = encodedSize(t.room.doc);
    expect(after, `before ${before}, after ${after}`).toBeLessThanOrEqual(CAP + CAP / 16);
  });
});
