/** Judging a participant's update must stay linear in its size, whatever the update claims. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { mayApply } from '../../server/permissions';

/** An update with no structs and one delete range of `len` clocks of a client the room never saw. */
function deleteRangeOfUnknownClient(len: number): Uint8Array {
  return encoding.encode((e) => {
    encoding.writeVarUint(e, 0); // no structs
    encoding.writeVarUint(e, 1); // one client in the delete set…
    encoding.writeVarUint(e, 424_242);
    encoding.writeVarUint(e, 1); // …with one range
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, len);
  });
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

describe("a participant's hostile update", () => {
  it('with a delete range of 2^31 unknown clocks is judged at once (it changes nothing)', () => {
    const { value, ms } = timed(() => mayApply('participant', new Y.Doc(), deleteRangeOfUnknownClient(2 ** 31 - 1)));
    expect(value.ok).toBe(true);
    expect(ms).toBeLessThan(200);
  });

  it('deleting collected content, or content beyond it, is judged without walking it clock by clock', () => {
    const room = new Y.Doc();
    room.clientID = 7;
    room.getText('t').insert(0, 'x'.repeat(100_000));
    room.getText('t').delete(0, 100_000); // collected into one GC-able range
    const update = encoding.encode((e) => {
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint(e, 7);
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 2 ** 31 - 1);
    });
    const { value, ms } = timed(() => mayApply('participant', room, update));
    expect(value.ok).toBe(true);
    expect(ms).toBeLessThan(200);
  });

  it('with 50 000 structs is judged in linear time', () => {
    const author = new Y.Doc();
    const updates: Uint8Array[] = [];
    author.on('update', (u: Uint8Array) => updates.push(u));
    author.transact(() => {
      for (let i = 0; i < 50_000; i++) author.getMap('touchpoints').set(`card${i}`, i);
    });
    const { value, ms } = timed(() => mayApply('participant', new Y.Doc(), updates[0] as Uint8Array));
    expect(value.ok).toBe(true);
    expect(ms).toBeLessThan(2000);
  });
});
