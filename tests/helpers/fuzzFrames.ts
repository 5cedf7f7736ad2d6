/**
 * A seeded generator of hostile and odd websocket frames for the relay: random bytes, valid
 * headers with garbage bodies, truncated varints, huge lengths, awareness updates with forged
 * client ids, updates that reference missing structs, and mutations of valid frames. Shared by
 * the short fuzz test (tests/server) and the long run (bench/fuzz.ts).
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { awarenessFrame } from './handAwareness';
import { createRandom, type Random } from './random';

export interface FuzzFrame {
  /** The frame's kind, for the report. */
  kind: string;
  data: Uint8Array | string;
  /** Whether the relay is expected to close the connection on it (a batch ends after one). */
  fatal: boolean;
}

const encode = (write: (e: encoding.Encoder) => void): Uint8Array => encoding.encode(write);

function randomBytes(random: Random, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = random.int(0, 255);
  return bytes;
}

/** A length from a distribution that favours small values but reaches the edges. */
function oddNumber(random: Random): number {
  return random.pick([0, 1, 127, 128, 255, 2 ** 16, 2 ** 31 - 1, 2 ** 32, 2 ** 53 - 1, random.int(0, 1000)]);
}

function syncFrame(step: number, payload: Uint8Array): Uint8Array {
  return encode((e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, step);
    encoding.writeVarUint8Array(e, payload);
  });
}

/** Flips, truncates, duplicates or splices bytes of a valid frame. */
function mutate(random: Random, frame: Uint8Array): Uint8Array {
  const bytes = [...frame];
  const edits = random.int(1, 4);
  for (let i = 0; i < edits && bytes.length > 0; i++) {
    const at = random.int(0, bytes.length - 1);
    const op = random.int(0, 4);
    if (op === 0) bytes[at] = random.int(0, 255);
    else if (op === 1) bytes[at] = (bytes[at] ?? 0) ^ (1 << random.int(0, 7));
    else if (op === 2) bytes.length = at;
    else if (op === 3) bytes.splice(at, 0, ...randomBytes(random, random.int(1, 8)));
    else bytes.splice(at, random.int(1, 8));
  }
  return Uint8Array.from(bytes);
}

/**
 * Endless seeded frames. `victimClientIds` are awareness ids of real clients that forged
 * awareness entries should try to overwrite or remove.
 */
export function* fuzzFrames(seed: number, victimClientIds: () => readonly number[] = () => []): Generator<FuzzFrame> {
  const random = createRandom(seed);
  // Source documents whose updates are sent in order, out of order, or mutated.
  const sources = Array.from({ length: 3 }, () => {
    const doc = new Y.Doc();
    doc.clientID = random.int(1, 2 ** 31);
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    return { doc, updates };
  });
  const edit = (): Uint8Array => {
    const { doc, updates } = random.pick(sources);
    const before = updates.length;
    const map = doc.getMap('fuzz');
    const roll = random.int(0, 3);
    if (roll === 0) map.set(random.word(6), random.word(20));
    else if (roll === 1) doc.getText('t').insert(random.int(0, doc.getText('t').length), random.word(10));
    else if (roll === 2 && doc.getText('t').length > 2) doc.getText('t').delete(0, random.int(1, 2));
    else doc.getArray('a').push([random.int(0, 1000), { nested: random.word(4) }]);
    return updates.length > before ? Y.mergeUpdates(updates.slice(before)) : Y.encodeStateAsUpdate(doc);
  };

  for (;;) {
    const roll = random.int(0, 99);
    if (roll < 10) {
      yield {
        kind: 'random bytes',
        data: randomBytes(random, random.pick([0, 1, 2, random.int(3, 64), random.int(65, 4096)])),
        fatal: true,
      };
    } else if (roll < 20) {
      const step = random.chance(0.8) ? random.int(0, 2) : random.int(3, 300);
      yield { kind: 'sync header, garbage body', data: syncFrame(step, randomBytes(random, random.int(0, 200))), fatal: true };
    } else if (roll < 25) {
      const prefix = random.pick([[], [0], [0, 2], [1]]);
      yield { kind: 'truncated varint', data: Uint8Array.from([...prefix, ...Array(random.int(1, 10)).fill(0xff)]), fatal: true };
    } else if (roll < 30) {
      const prefix = random.pick([[0, 0], [0, 1], [0, 2], [1]]);
      const data = encode((e) => {
        for (const b of prefix) encoding.writeVarUint(e, b);
        encoding.writeVarUint(e, random.pick([2 ** 31, 2 ** 32 + 5, 2 ** 53 - 1, 1e9]));
        encoding.writeUint8Array(e, randomBytes(random, random.int(0, 16)));
      });
      yield { kind: 'huge length', data, fatal: true };
    } else if (roll < 50) {
      const victims = victimClientIds();
      const count = random.int(1, 4);
      const entries = Array.from({ length: count }, () => ({
        clientID: victims.length > 0 && random.chance(0.5) ? random.pick(victims) : random.int(0, 2 ** 32),
        clock: oddNumber(random),
        json: random.pick([
          'null',
          '{"user":{"name":"Mallory","color":"#000000"}}',
          '42',
          '"x"',
          '[1,2]',
          `{"cursor":{"x":${random.int(0, 9e9)}}}`,
        ]),
      }));
      const badJson = random.chance(0.1);
      if (badJson) entries[0]!.json = random.pick(['{', '', 'undefined', '{"a":}', '\u0000']);
      yield { kind: badJson ? 'awareness, bad JSON' : 'awareness, forged ids', data: awarenessFrame(entries), fatal: badJson };
    } else if (roll < 60) {
      // Skip one update: the next ones reference structs the relay never saw, and stay pending.
      edit();
      yield { kind: 'update with missing structs', data: syncFrame(2, edit()), fatal: false };
    } else if (roll < 70) {
      yield { kind: 'valid update', data: syncFrame(random.pick([1, 2]), edit()), fatal: false };
    } else if (roll < 85) {
      yield { kind: 'mutated update', data: mutate(random, syncFrame(2, edit())), fatal: true };
    } else if (roll < 90) {
      const sv = encode((e) => {
        const n = random.int(0, 4);
        encoding.writeVarUint(e, n);
        for (let i = 0; i < n; i++) {
          encoding.writeVarUint(e, random.int(0, 2 ** 32));
          encoding.writeVarUint(e, oddNumber(random));
        }
      });
      yield { kind: 'sync step 1, odd state vector', data: syncFrame(0, sv), fatal: false };
    } else if (roll < 95) {
      yield { kind: 'query awareness', data: Uint8Array.of(3), fatal: false };
    } else if (roll < 98) {
      yield {
        kind: 'unknown message type',
        data: encode((e) => encoding.writeVarUint(e, random.pick([2, 4, 5, 7, 8, 127, 128, 2 ** 20]))),
        fatal: true,
      };
    } else {
      yield { kind: 'text frame', data: random.word(30), fatal: true };
    }
  }
}
