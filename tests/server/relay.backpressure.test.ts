import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import type { ServerConfig } from '../../server/config';
import { createLogger } from '../../server/log';
import type { InProcessRelay } from '../helpers/inProcessRelay';
import { relaysPerTest } from '../helpers/relayForFile';
import { connectClient, openRawSocket, seedOpenBoard, waitFor, type RawSocket } from '../helpers/relay';

const MiB = 1024 * 1024;
const startRelay = relaysPerTest();

/** A relay whose warnings are kept, to see why it closed a connection. */
async function relayWith(overrides: Partial<ServerConfig>): Promise<{ relay: InProcessRelay; warnings: string[] }> {
  const warnings: string[] = [];
  const logger = createLogger('warn', { out: () => undefined, err: (line) => warnings.push(line) });
  const relay = await startRelay(overrides, logger);
  return { relay, warnings };
}

/** Sync step 1 with an empty state vector: "send me the whole board". */
const wholeBoardRequest = encoding.encode((e) => {
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()));
});

/** A sync update frame inserting `bytes` characters. */
function bigUpdateFrame(bytes: number): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'x'.repeat(bytes));
  const update = Y.encodeStateAsUpdate(doc);
  return encoding.encode((e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, update);
  });
}

/** Stops reading from the relay: everything it sends piles up on its side. */
function stopReading(socket: RawSocket): void {
  (socket.ws as unknown as { _socket: Socket })._socket.pause();
}

/** Samples the process's resident memory every 20 ms while `run` runs; resolves with the peak growth. */
async function peakRssGrowth(run: () => Promise<void>): Promise<number> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    await run();
  } finally {
    clearInterval(sampler);
  }
  return Math.max(peak, process.memoryUsage().rss) - before;
}

/** Seeds a board with about `bytes` of content and returns its id. */
async function seededBoard(relay: InProcessRelay, bytes: number): Promise<string> {
  const board = seedOpenBoard(relay.config.dataDir);
  const seeder = connectClient(relay.wsUrl, board);
  await seeder.synced;
  // In chunks: one message may be at most MAX_MESSAGE_BYTES.
  for (let done = 0; done < bytes; done += 950_000) seeder.doc.getText('content').insert(done, 'y'.repeat(Math.min(950_000, bytes - done)));
  await waitFor(() => relay.server.rooms.peek(board)?.doc.getText('content').length === bytes, 10_000, 'the board to be seeded');
  seeder.destroy();
  return board;
}

describe('a client that does not read', () => {
  it('gets at most one whole-board reply outstanding: a flood of sync step 1 is cut off, memory stays bounded', async () => {
    const { relay, warnings } = await relayWith({});
    const board = await seededBoard(relay, 1_000_000);
    const flooder = openRawSocket(`${relay.wsUrl}/${board}`);
    await flooder.opened;
    stopReading(flooder);
    const growth = await peakRssGrowth(async () => {
      for (let i = 0; i < 300; i++) flooder.ws.send(wholeBoardRequest);
      await waitFor(() => warnings.some((w) => w.includes('reason="client not reading"')), 10_000, 'the relay to cut the flooder off');
      await waitFor(() => (relay.server.rooms.peek(board)?.connectionCount ?? 0) === 0, 5000, 'the flooder to leave the room');
    });
    // 300 replies of 1 MB each would be 300 MB; what is left is the kernel's buffers and a few replies.
    expect(growth).toBeLessThan(100 * MiB);
    (flooder.ws as unknown as { _socket: Socket })._socket.resume();
    expect((await flooder.closed).code).not.toBe(1000);

    const honest = connectClient(relay.wsUrl, board);
    await honest.synced;
    expect(honest.doc.getText('content').length).toBe(1_000_000);
  });

  it('cannot be multiplied: many connections of one address that each ask for the board once are cut past IP_MAX_SEND_BUFFER_BYTES', async () => {
    const { relay, warnings } = await relayWith({ ipMaxSendBufferBytes: 16 * MiB });
    const board = await seededBoard(relay, 7 * 950_000);
    const growth = await peakRssGrowth(async () => {
      for (let i = 0; i < 40; i++) {
        const lurker = openRawSocket(`${relay.wsUrl}/${board}`);
        await lurker.opened;
        stopReading(lurker);
        lurker.ws.send(wholeBoardRequest); // just once: within the per-connection rules
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await waitFor(() => (relay.server.rooms.peek(board)?.connectionCount ?? 40) < 20, 10_000, 'lurkers to be cut off');
    });
    // Replies under 4 MB mostly fit in the kernel's socket buffers; these do not. Without the
    // address budget the relay grew by some 280 MiB here, with it by some 80 (garbage included).
    expect(growth).toBeLessThan(150 * MiB);
    expect(warnings.some((w) => w.includes('reason="too much unread output for this address"'))).toBe(true);

    const honest = connectClient(relay.wsUrl, board);
    await honest.synced;
    expect(honest.doc.getText('content').length).toBe(7 * 950_000);
  });

  it('is closed once more than MAX_SEND_BUFFER_BYTES waits for it, while the others keep up', async () => {
    const { relay, warnings } = await relayWith({ maxSendBufferBytes: 2 * MiB, maxBoardBytes: 0, maxBytesPerSecond: 0 });
    const board = seedOpenBoard(relay.config.dataDir);
    const lurker = openRawSocket(`${relay.wsUrl}/${board}`);
    await lurker.opened;
    stopReading(lurker);
    const writer = connectClient(relay.wsUrl, board);
    const reader = connectClient(relay.wsUrl, board);
    await Promise.all([writer.synced, reader.synced]);
    const card = writer.doc.getMap('cards');
    // Each value replaces the last: the board stays small, the traffic does not (about 36 MB).
    for (let i = 0; i < 60; i++) {
      card.set('big', `${i}`.padEnd(600_000, 'z'));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await waitFor(
      () => (reader.doc.getMap('cards').get('big') as string | undefined)?.startsWith('59') === true,
      20_000,
      'the reader to get every value',
    );
    expect(warnings.some((w) => w.includes('reason="client not reading"'))).toBe(true);
    expect(relay.server.rooms.peek(board)?.connectionCount).toBe(2);
    expect(writer.provider.wsconnected && reader.provider.wsconnected).toBe(true);
  });

  it('lets a client that reads receive a board as large as MAX_BOARD_BYTES allows, with edits behind it', async () => {
    const { relay, warnings } = await relayWith({});
    const board = await seededBoard(relay, 900_000);
    const clients = Array.from({ length: 5 }, () => connectClient(relay.wsUrl, board));
    await Promise.all(clients.map((c) => c.synced));
    expect(clients.every((c) => c.doc.getText('content').length === 900_000)).toBe(true);
    expect(warnings).toEqual([]);
  });
});

describe('per-connection byte budget', () => {
  it('closes with 1008 a connection that sends more bytes than MAX_BYTE_BURST allows at once', async () => {
    const { relay, warnings } = await relayWith({ maxMessageBytes: 100_000, maxBytesPerSecond: 50_000, maxByteBurst: 200_000 });
    const board = seedOpenBoard(relay.config.dataDir);
    const flooder = openRawSocket(`${relay.wsUrl}/${board}`);
    await flooder.opened;
    for (let i = 0; i < 5; i++) flooder.ws.send(bigUpdateFrame(60_000));
    expect((await flooder.closed).code).toBe(1008);
    expect(warnings.some((w) => w.includes('reason="byte rate limit exceeded"'))).toBe(true);
  });

  it('lets an import of a nearly full board, in chunks as large as a message may be, through at the defaults', async () => {
    const { relay, warnings } = await relayWith({});
    const board = seedOpenBoard(relay.config.dataDir);
    const importer = connectClient(relay.wsUrl, board);
    await importer.synced;
    let closes = 0;
    importer.provider.on('connection-close', () => closes++);
    const text = importer.doc.getText('imported');
    for (let i = 0; i < 8; i++) text.insert(text.length, `${i}`.repeat(950_000)); // one message each
    await waitFor(
      () => relay.server.rooms.peek(board)?.doc.getText('imported').length === 8 * 950_000,
      20_000,
      'the whole import to arrive',
    );
    expect(closes).toBe(0);
    expect(warnings).toEqual([]);
  });
});
