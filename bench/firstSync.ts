/**
 * How long a stock provider takes to be synced with a board, with and without its state vector
 * in the address (the relay then sends the board with its greeting): `tsx bench/firstSync.ts
 * [--rtt=40] [--cards=5000] [--runs=12]`. The relay runs in-process behind a TCP proxy that
 * delays every chunk rtt/2 in each direction; the first two runs of each kind are left out.
 */
import net from 'node:net';
import * as Y from 'yjs';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { STATE_VECTOR_PARAM } from '../src/model/relayProtocol';
import { stateVectorParam } from '../src/sync/connection';
import { startInProcessRelay } from '../tests/helpers/inProcessRelay';
import { seedOpenBoard } from '../tests/helpers/relay';
import { flag } from './lib/report';

const ONE_WAY = Number(flag('rtt') ?? 40) / 2;
const CARDS = Number(flag('cards') ?? 5000);
const RUNS = Number(flag('runs') ?? 12);

/** A proxy to `port` that delays every chunk ONE_WAY ms in each direction. */
function delayingProxy(port: number): Promise<net.Server> {
  const proxy = net.createServer((client) => {
    const relay = net.connect(port, '127.0.0.1');
    const forward = (from: net.Socket, to: net.Socket) => from.on('data', (chunk) => setTimeout(() => to.write(chunk), ONE_WAY));
    forward(client, relay);
    forward(relay, client);
    for (const socket of [client, relay]) {
      socket.on('close', () => (socket === client ? relay : client).destroy());
      socket.on('error', () => undefined);
    }
  });
  return new Promise((resolve) => proxy.listen(0, '127.0.0.1', () => resolve(proxy)));
}

async function main(): Promise<void> {
  const relay = await startInProcessRelay({ roomIdleMs: 60_000 });
  const seed = new Y.Doc();
  for (let i = 0; i < CARDS; i++) seed.getMap('cards').set(`c${i}`, 'x'.repeat(40));
  const board = seedOpenBoard(relay.config.dataDir, undefined, Y.encodeStateAsUpdate(seed));
  const proxy = await delayingProxy(relay.port);
  const url = `ws://127.0.0.1:${(proxy.address() as net.AddressInfo).port}/sync`;
  const synced = async (announce: boolean): Promise<number> => {
    const doc = new Y.Doc();
    const start = performance.now();
    const provider = new WebsocketProvider(url, board, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      params: announce ? { [STATE_VECTOR_PARAM]: stateVectorParam(doc) ?? '' } : {},
    });
    await new Promise<void>((resolve) => provider.on('sync', (isSynced: boolean) => isSynced && resolve()));
    const took = performance.now() - start;
    provider.destroy();
    return took;
  };
  const times = { without: [] as number[], with: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    times.without.push(await synced(false));
    times.with.push(await synced(true));
  }
  for (const [kind, all] of Object.entries(times)) {
    const kept = all.slice(2).sort((a, b) => a - b);
    const at = (q: number) => kept[Math.min(kept.length - 1, Math.floor(q * kept.length))]!.toFixed(0);
    console.log(
      `rtt ${ONE_WAY * 2} ms, ${kind} the state vector: synced after ${at(0)}–${at(1)} ms (median ${at(0.5)}), ${kept.length} runs`,
    );
  }
  proxy.close();
  await relay.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
