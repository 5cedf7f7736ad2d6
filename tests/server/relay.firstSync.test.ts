/**
 * The board in the relay's greeting: a client that announces its state vector in its address
 * (`?sv=`) gets a sync step 2 right after the relay's step 1, before it sent anything, and its
 * own step 1 is answered with only what that step 2 did not carry.
 */
import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { toBase64UrlEncoded } from 'lib0/buffer';
import { createLogger } from '../../server/log';
import { MAX_STATE_VECTOR_PARAM_CHARS, STATE_VECTOR_PARAM } from '../../src/model/relayProtocol';
import { stateVectorParam } from '../../src/sync/connection';
import { relayForFile, relaysPerTest } from '../helpers/relayForFile';
import { connectClient, openRawSocket, seedOpenBoard, waitFor, type RawSocket } from '../helpers/relay';

const relay = relayForFile();
const startRelay = relaysPerTest();

/** A board stored with `cards` cards; returns its id and its content as one update. */
function boardWithCards(cards: number): { board: string; content: Uint8Array; doc: Y.Doc } {
  const doc = new Y.Doc();
  for (let i = 0; i < cards; i++) doc.getMap('cards').set(`c${i}`, 'x'.repeat(100));
  const content = Y.encodeStateAsUpdate(doc);
  return { board: seedOpenBoard(relay.config.dataDir, undefined, content), content, doc };
}

const sv = (vector: Uint8Array): string => toBase64UrlEncoded(vector);

interface SyncFrame {
  step: number;
  payload: Uint8Array;
}

/** A raw socket that records the sync frames it receives (and counts the rest) and sends nothing unless told. */
function rawClient(url: string): RawSocket & { frames: SyncFrame[]; others: number[] } {
  const socket = openRawSocket(url);
  const frames: SyncFrame[] = [];
  const others: number[] = [];
  socket.ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    const type = decoding.readVarUint(decoder);
    if (type !== 0) {
      others.push(type);
      return;
    }
    const step = decoding.readVarUint(decoder);
    frames.push({ step, payload: decoding.readVarUint8Array(decoder) });
  });
  return Object.assign(socket, { frames, others });
}

const step2s = (frames: SyncFrame[]): Uint8Array[] => frames.filter((f) => f.step === 1).map((f) => f.payload);

function syncStep1(vector: Uint8Array): Uint8Array {
  return encoding.encode((e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint8Array(e, vector);
  });
}

/** A state vector written by hand, entries as given (duplicates and all). */
function handVector(entries: Array<[number, number]>, count = entries.length): Uint8Array {
  return encoding.encode((e) => {
    encoding.writeVarUint(e, count);
    for (const [client, clock] of entries) {
      encoding.writeVarUint(e, client);
      encoding.writeVarUint(e, clock);
    }
  });
}

const EMPTY_VECTOR = Y.encodeStateVector(new Y.Doc());

/** Asks for the board, then for presence: once presence is answered, everything before it arrived. Resolves with the sync steps received. */
async function stepsAfterRequest(client: ReturnType<typeof rawClient>): Promise<number[]> {
  client.ws.send(syncStep1(EMPTY_VECTOR));
  client.ws.send(encoding.encode((e) => encoding.writeVarUint(e, 3)));
  await waitFor(() => client.others.length > 0, 5000, 'the presence answer');
  return client.frames.map((f) => f.step);
}

describe('a client that announces its state vector', () => {
  it('gets the board before it sent anything', async () => {
    const { board, doc } = boardWithCards(50);
    const client = rawClient(`${relay.wsUrl}/${board}?${STATE_VECTOR_PARAM}=${sv(EMPTY_VECTOR)}`);
    await client.opened;
    await waitFor(() => step2s(client.frames).length === 1, 5000, 'the greeting step 2');
    const received = new Y.Doc();
    Y.applyUpdate(received, step2s(client.frames)[0]!);
    expect(received.getMap('cards').toJSON()).toEqual(doc.getMap('cards').toJSON());
    client.ws.close();
  });

  it('receives the board once on a first visit: its own step 1 is answered with no content', async () => {
    const { board } = boardWithCards(50);
    const client = rawClient(`${relay.wsUrl}/${board}?${STATE_VECTOR_PARAM}=${sv(EMPTY_VECTOR)}`);
    await client.opened;
    client.ws.send(syncStep1(EMPTY_VECTOR)); // what a stock provider sends on open
    await waitFor(() => step2s(client.frames).length === 2, 5000, 'two step 2');
    const [greeting, answer] = step2s(client.frames).map((u) => Y.decodeUpdate(u));
    expect(greeting!.structs.length).toBeGreaterThan(0);
    expect(answer!.structs).toHaveLength(0);
    client.ws.close();
  });

  it('gets only what it lacks when it held part of the board, and converges', async () => {
    const { board, doc } = boardWithCards(40);
    const part = new Y.Doc();
    const half = new Y.Doc();
    for (let i = 0; i < 40; i++) half.getMap('cards').set(`c${i}`, 'x'.repeat(100));
    // The part: the board as it was before a later edit by someone else.
    const before = Y.encodeStateAsUpdate(doc);
    Y.applyUpdate(part, before);
    const later = new Y.Doc();
    Y.applyUpdate(later, before);
    const writer = connectClient(relay.wsUrl, board, later);
    await writer.synced;
    later.getMap('cards').set('late', 'y'.repeat(500));
    await waitFor(() => relay.server.rooms.peek(board)?.doc.getMap('cards').has('late') === true, 5000, 'the later edit');

    const client = rawClient(`${relay.wsUrl}/${board}?${STATE_VECTOR_PARAM}=${sv(Y.encodeStateVector(part))}`);
    await client.opened;
    await waitFor(() => step2s(client.frames).length === 1, 5000, 'the greeting step 2');
    const greeting = step2s(client.frames)[0]!;
    expect(greeting.byteLength).toBeLessThan(before.byteLength);
    Y.applyUpdate(part, greeting);
    expect(part.getMap('cards').toJSON()).toEqual(later.getMap('cards').toJSON());
    client.ws.close();

    // The same through a stock provider that announces its vector.
    const held = new Y.Doc();
    Y.applyUpdate(held, before);
    const provider = connectClient(relay.wsUrl, board, held, { [STATE_VECTOR_PARAM]: stateVectorParam(held)! });
    await provider.synced;
    await waitFor(() => held.getMap('cards').has('late'), 5000, 'the rest');
    expect(held.toJSON()).toEqual(later.toJSON());
  });

  it('still sends the relay what it edited offline', async () => {
    const { board, content } = boardWithCards(10);
    const offline = new Y.Doc();
    Y.applyUpdate(offline, content);
    offline.getMap('cards').set('offline', 'written on the train');
    const client = connectClient(relay.wsUrl, board, offline, { [STATE_VECTOR_PARAM]: stateVectorParam(offline)! });
    await client.synced;
    await waitFor(
      () => relay.server.rooms.peek(board)?.doc.getMap('cards').get('offline') === 'written on the train',
      5000,
      'the offline edit',
    );
    const other = connectClient(relay.wsUrl, board);
    await other.synced;
    expect(other.doc.getMap('cards').get('offline')).toBe('written on the train');
  });

  it('loses nothing by claiming more than it holds: its own step 1 gets what the greeting left out', async () => {
    const { board, doc } = boardWithCards(20);
    const author = [...doc.store.clients.keys()][0]!;
    const client = rawClient(`${relay.wsUrl}/${board}?${STATE_VECTOR_PARAM}=${sv(handVector([[author, 2 ** 50]]))}`);
    await client.opened;
    await waitFor(() => step2s(client.frames).length === 1, 5000, 'the greeting step 2');
    expect(Y.decodeUpdate(step2s(client.frames)[0]!).structs).toHaveLength(0);
    client.ws.send(syncStep1(EMPTY_VECTOR));
    await waitFor(() => step2s(client.frames).length === 2, 5000, 'the answer');
    const received = new Y.Doc();
    Y.applyUpdate(received, step2s(client.frames)[1]!);
    expect(received.getMap('cards').toJSON()).toEqual(doc.getMap('cards').toJSON());
    client.ws.close();
  });

  it('is not cut off for reading the greeting while its first step 1 arrives, but a second one still counts', async () => {
    const warnings: string[] = [];
    const logger = createLogger('warn', { out: () => undefined, err: (line) => warnings.push(line) });
    const own = await startRelay({ syncRequestBufferBytes: 1024 }, logger);
    // About 4 MB, written through a client (a seed in one piece is too large for some stores' helpers).
    const board = seedOpenBoard(own.config.dataDir);
    const seeder = connectClient(own.wsUrl, board);
    await seeder.synced;
    for (let done = 0; done < 4_000_000; done += 950_000) seeder.doc.getText('content').insert(done, 'y'.repeat(950_000));
    await waitFor(() => own.server.rooms.peek(board)?.doc.getText('content').length === 5 * 950_000, 10_000, 'the board to be seeded');
    seeder.destroy();
    const client = rawClient(`${own.wsUrl}/${board}?${STATE_VECTOR_PARAM}=${sv(EMPTY_VECTOR)}`);
    await client.opened;
    const tcp = (client.ws as unknown as { _socket: Socket })._socket;
    tcp.pause();
    // The relay has queued the greeting's whole board for a client that reads nothing yet.
    await waitFor(
      () => {
        const socket = [...(own.server.rooms.peek(board) as unknown as { connections: Set<{ pendingBytes(): number }> }).connections][0];
        return (socket?.pendingBytes() ?? 0) > 1024;
      },
      5000,
      'the greeting to wait for the client',
    );
    client.ws.send(syncStep1(EMPTY_VECTOR));
    tcp.resume();
    await waitFor(() => step2s(client.frames).length === 2, 10_000, 'the greeting and the answer');
    expect(warnings.filter((w) => w.includes('client not reading'))).toEqual([]);
    tcp.pause();
    client.ws.send(syncStep1(EMPTY_VECTOR)); // a whole board asked for, while it does not read its first
    client.ws.send(syncStep1(EMPTY_VECTOR));
    await waitFor(() => warnings.some((w) => w.includes('client not reading')), 10_000, 'the cut-off');
    tcp.resume();
    await client.closed;
  });
});

describe('a client without a usable state vector', () => {
  it('gets no step 2 before its own step 1, as a stock provider always did', async () => {
    const { board } = boardWithCards(5);
    const client = rawClient(`${relay.wsUrl}/${board}`);
    await client.opened;
    expect(await stepsAfterRequest(client)).toEqual([0, 1]);
    client.ws.close();
  });

  const hostile: Array<[string, string]> = [
    ['empty', ''],
    ['not base64url', '!!!*'],
    ['one character', 'A'],
    ['trailing bytes', sv(new Uint8Array([0, 0, 0]))],
    ['truncated', sv(new Uint8Array([2, 5]))],
    ['a count no bytes could hold', sv(handVector([[1, 1]], 2 ** 40))],
    [
      'a repeated client id',
      sv(
        handVector([
          [7, 1],
          [7, 2],
        ]),
      ),
    ],
    ['an integer past 2^53', sv(new Uint8Array([1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 1]))],
    ['too long', 'A'.repeat(MAX_STATE_VECTOR_PARAM_CHARS + 4)],
    ['thousands of entries', sv(handVector(Array.from({ length: 3000 }, (_, i): [number, number] => [i + 1, 1])))],
  ];
  for (const [what, value] of hostile) {
    it(`ignores a state vector that is ${what}, and syncs as usual`, async () => {
      const { board, doc } = boardWithCards(5);
      const raw = rawClient(`${relay.wsUrl}/${board}?${STATE_VECTOR_PARAM}=${encodeURIComponent(value)}`);
      await raw.opened;
      expect(await stepsAfterRequest(raw)).toEqual([0, 1]); // no greeting step 2: ignored
      raw.ws.close();
      const client = connectClient(relay.wsUrl, board, new Y.Doc(), { [STATE_VECTOR_PARAM]: value });
      await client.synced;
      expect(client.doc.getMap('cards').toJSON()).toEqual(doc.getMap('cards').toJSON());
    });
  }

  it('ignores the parameter given twice', async () => {
    const { board } = boardWithCards(5);
    const raw = rawClient(`${relay.wsUrl}/${board}?${STATE_VECTOR_PARAM}=AA&${STATE_VECTOR_PARAM}=AA`);
    await raw.opened;
    expect(await stepsAfterRequest(raw)).toEqual([0, 1]);
    raw.ws.close();
  });
});
