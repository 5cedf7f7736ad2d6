/** Presence spoofing through real sockets: nobody can overwrite or remove another connection's presence. */
import { describe, expect, it } from 'vitest';
import { awarenessFrame as handAwarenessFrame } from '../helpers/handAwareness';
import { relayForFile } from '../helpers/relayForFile';
import { connectClient, openRawSocket, seedOpenBoard, waitFor, type TestClient } from '../helpers/relay';

const relay = relayForFile();

const ALICE = { user: { name: 'Alice', color: '#7c3aed' } };

/** An awareness frame with hand-written entries (clientID, clock, state), as a hostile client would send. */
function awarenessFrame(entries: [clientID: number, clock: number, state: unknown][]): Uint8Array {
  return handAwarenessFrame(entries.map(([clientID, clock, state]) => ({ clientID, clock, json: JSON.stringify(state) })));
}

async function boardWithAliceAndBob(): Promise<{ board: string; alice: TestClient; bob: TestClient }> {
  const board = seedOpenBoard(relay.config.dataDir);
  const alice = connectClient(relay.wsUrl, board);
  const bob = connectClient(relay.wsUrl, board);
  alice.provider.awareness.setLocalState(ALICE);
  await Promise.all([alice.synced, bob.synced]);
  await waitFor(() => bob.provider.awareness.getStates().has(alice.doc.clientID), 5000, "Alice's presence at Bob's");
  return { board, alice, bob };
}

/** Mallory's own presence reaching Bob proves the relay processed everything she sent before it. */
async function sendThenProveProcessed(
  mallory: ReturnType<typeof openRawSocket>,
  bob: TestClient,
  frames: Uint8Array[],
  clientID: number,
  clock: number,
) {
  for (const frame of frames) mallory.ws.send(frame);
  mallory.ws.send(awarenessFrame([[clientID, clock, { user: { name: 'Mallory', color: '#000000' }, mark: clock }]]));
  await waitFor(
    () => (bob.provider.awareness.getStates().get(clientID) as { mark?: number } | undefined)?.mark === clock,
    5000,
    "Mallory's own presence",
  );
}

describe('presence ownership', () => {
  it("ignores an awareness update that overwrites or removes another connection's client, and keeps the sender connected", async () => {
    const { board, alice, bob } = await boardWithAliceAndBob();
    const mallory = openRawSocket(`${relay.wsUrl}/${board}`);
    await mallory.opened;
    const aliceId = alice.doc.clientID;
    const clock = 1_000_000;
    await sendThenProveProcessed(
      mallory,
      bob,
      [
        awarenessFrame([[aliceId, clock, { user: { name: 'Mallory', color: '#000000' } }]]),
        awarenessFrame([[aliceId, clock + 1, null]]),
        awarenessFrame([
          [4242, 1, { user: { name: 'Decoy' } }],
          [aliceId, clock + 2, null],
        ]), // all or nothing
      ],
      777_001,
      1,
    );
    expect(bob.provider.awareness.getStates().get(aliceId)).toEqual({ user: { ...ALICE.user, role: 'facilitator' } });
    expect(bob.provider.awareness.getStates().has(4242)).toBe(false);
    expect(mallory.ws.readyState).toBe(mallory.ws.OPEN);

    // Alice's own updates still go through.
    alice.provider.awareness.setLocalStateField('cursor', { x: 1, y: 2 });
    await waitFor(
      () => (bob.provider.awareness.getStates().get(aliceId) as { cursor?: unknown }).cursor !== undefined,
      5000,
      "Alice's cursor",
    );
    mallory.ws.close();
  });

  it('lets a connection speak for at most 8 client ids, and withdraws them all when it leaves, never anyone else', async () => {
    const { board, alice, bob } = await boardWithAliceAndBob();
    const mallory = openRawSocket(`${relay.wsUrl}/${board}`);
    await mallory.opened;
    const ids = Array.from({ length: 8 }, (_, i) => 900_000 + i);
    await sendThenProveProcessed(
      mallory,
      bob,
      [awarenessFrame(ids.slice(0, 7).map((id) => [id, 1, { user: { name: `bot${id}` } }]))],
      ids[7]!,
      1,
    );
    // A ninth id is one too many: the whole message is dropped.
    await sendThenProveProcessed(mallory, bob, [awarenessFrame([[999_999, 1, { user: { name: 'ninth' } }]])], ids[7]!, 2);
    expect(bob.provider.awareness.getStates().has(999_999)).toBe(false);
    for (const id of ids) expect(bob.provider.awareness.getStates().has(id)).toBe(true);

    mallory.ws.close();
    await waitFor(() => ids.every((id) => !bob.provider.awareness.getStates().has(id)), 5000, "Mallory's ids to be withdrawn");
    expect(bob.provider.awareness.getStates().get(alice.doc.clientID)).toEqual({ user: { ...ALICE.user, role: 'facilitator' } });
  });
});
