import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import type { InProcessRelay } from '../helpers/inProcessRelay';
import { relaysPerTest } from '../helpers/relayForFile';
import { connectClient, openRawSocket, seedOpenBoard, waitFor, type TestClient } from '../helpers/relay';

const relayWith = relaysPerTest();

/** Resolves with the code of the next close the provider observes. */
function nextCloseCode(client: TestClient): Promise<number> {
  return new Promise((resolve) => {
    client.provider.once('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? -1));
  });
}

async function syncedPair(relay: InProcessRelay, board = seedOpenBoard(relay.config.dataDir)): Promise<[TestClient, TestClient]> {
  const a = connectClient(relay.wsUrl, board);
  const b = connectClient(relay.wsUrl, board);
  await Promise.all([a.synced, b.synced]);
  return [a, b];
}

describe('per-connection message rate limit', () => {
  it('closes a connection that floods the relay with 1008, and nobody else', async () => {
    const relay = await relayWith({ maxMessagesPerSecond: 100, maxMessageBurst: 50 });
    const board = seedOpenBoard(relay.config.dataDir);
    const [alice, bob] = await syncedPair(relay, board);
    const flooder = openRawSocket(`${relay.wsUrl}/${board}`);
    await flooder.opened;
    const queryAwareness = encoding.encode((e) => encoding.writeVarUint(e, 3));
    for (let i = 0; i < 200; i++) flooder.ws.send(queryAwareness);
    expect((await flooder.closed).code).toBe(1008);

    alice.doc.getMap('notes').set('after', 1);
    await waitFor(() => bob.doc.getMap('notes').get('after') === 1, 5000, 'the pair to keep syncing');
    expect(alice.provider.wsconnected && bob.provider.wsconnected).toBe(true);
  });

  it('lets a fast typist with presence at 10 Hz through at the default rate, even with a tiny burst', async () => {
    const relay = await relayWith({ maxMessageBurst: 5 }); // default rate; the burst cannot hide a too-low rate
    const [typist, reader] = await syncedPair(relay);
    let closes = 0;
    typist.provider.on('connection-close', () => closes++);
    const text = typist.doc.getText('card');
    const started = Date.now();
    let typed = 0;
    while (Date.now() - started < 1500) {
      text.insert(text.length, 'x'); // one update per keystroke: 20/s
      typed++;
      if (typed % 2 === 0) typist.provider.awareness.setLocalStateField('cursor', { x: typed, y: 0 }); // 10/s
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await waitFor(() => reader.doc.getText('card').length === typed, 5000, 'every keystroke to arrive');
    expect(closes).toBe(0);
  });

  it("does not count the presence echoes of stock providers against a client's rate", async () => {
    // Every provider sends back each awareness update it receives: with 8 people moving their
    // cursors at 10 Hz, each client echoes about 70 messages a second on top of its own 10.
    const relay = await relayWith({ maxMessagesPerSecond: 30, maxMessageBurst: 10 });
    const board = seedOpenBoard(relay.config.dataDir);
    const people = Array.from({ length: 8 }, () => connectClient(relay.wsUrl, board));
    await Promise.all(people.map((p) => p.synced));
    let closes = 0;
    for (const p of people) p.provider.on('connection-close', () => closes++);
    const started = Date.now();
    for (let tick = 0; Date.now() - started < 1500; tick++) {
      for (const p of people) p.provider.awareness.setLocalStateField('cursor', { x: tick, y: 0 });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const last = people[0]!;
    await waitFor(
      () =>
        people.every(
          (p) =>
            (p.provider.awareness.getStates().get(last.doc.clientID) as { cursor?: { x: number } } | undefined)?.cursor?.x ===
            (last.provider.awareness.getLocalState() as { cursor: { x: number } }).cursor.x,
        ),
      5000,
      'the last cursor everywhere',
    );
    expect(closes).toBe(0);
  });
});

describe('per-board size limit', () => {
  it('refuses with 4413 an update that would grow the board past MAX_BOARD_BYTES, storing and relaying nothing of it', async () => {
    const relay = await relayWith({ maxBoardBytes: 64 * 1024 });
    const board = seedOpenBoard(relay.config.dataDir);
    const [writer, reader] = await syncedPair(relay, board);
    writer.doc.getMap('cards').set('first', 'a'.repeat(40_000));
    await waitFor(() => reader.doc.getMap('cards').has('first'), 5000, 'the first card');

    const closed = nextCloseCode(writer);
    writer.doc.getMap('cards').set('second', 'b'.repeat(40_000));
    expect(await closed).toBe(4413);
    writer.destroy();

    const late = connectClient(relay.wsUrl, board);
    await late.synced;
    expect([...late.doc.getMap('cards').keys()]).toEqual(['first']);
    expect(reader.doc.getMap('cards').has('second')).toBe(false);
    expect(Y.encodeStateAsUpdate(late.doc).byteLength).toBeLessThan(64 * 1024);
  });

  it('still accepts deletions on a full board, so people can make room', async () => {
    const relay = await relayWith({ maxBoardBytes: 16 * 1024 });
    const board = seedOpenBoard(relay.config.dataDir);
    const [writer, reader] = await syncedPair(relay, board);
    writer.doc.getMap('cards').set('big', 'a'.repeat(15_000));
    await waitFor(() => reader.doc.getMap('cards').has('big'), 5000, 'the big card');
    const refused = nextCloseCode(writer);
    writer.doc.getMap('cards').set('more', 'b'.repeat(2_000));
    expect(await refused).toBe(4413);
    writer.destroy();

    let closes = 0;
    reader.provider.on('connection-close', () => closes++);
    reader.doc.getMap('cards').delete('big');
    const late = connectClient(relay.wsUrl, board);
    await late.synced;
    await waitFor(() => !late.doc.getMap('cards').has('big'), 5000, 'the deletion to be relayed');
    expect(closes).toBe(0);
  });
});
