/**
 * Checks that the bench client speaks each relay's protocol like the stock provider does: a
 * real provider (y-websocket's WebsocketProvider, or Hocuspocus's own) and a bench client on one
 * board see each other's edits and presence.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { BenchClient } from './benchClient';
import type { Relay } from './relays';
import { sleep } from './report';

async function until(predicate: () => boolean, timeoutMs = 5000): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!predicate()) {
    if (performance.now() > deadline) return false;
    await sleep(10);
  }
  return true;
}

interface StockProvider {
  doc: Y.Doc;
  setPresence(state: Record<string, unknown>): void;
  destroy(): void;
}

function stockProvider(relay: Relay, board: string): StockProvider {
  const doc = new Y.Doc();
  const WebSocketPolyfill = WebSocket as unknown as typeof globalThis.WebSocket;
  if (relay.dialect === 'hocuspocus') {
    const provider = new HocuspocusProvider({
      url: `ws://127.0.0.1:${relay.port}`,
      name: board,
      document: doc,
      WebSocketPolyfill,
    } as ConstructorParameters<typeof HocuspocusProvider>[0]);
    return { doc, setPresence: (s) => provider.setAwarenessField('user', s), destroy: () => provider.destroy() };
  }
  const provider = new WebsocketProvider(`ws://127.0.0.1:${relay.port}/sync`, board, doc, {
    WebSocketPolyfill,
    disableBc: true,
    params: relay.params(board),
  });
  return { doc, setPresence: (s) => provider.awareness.setLocalStateField('user', s), destroy: () => provider.destroy() };
}

/** True when edits and presence flow both ways between a stock provider and a bench client. */
export async function checkProtocol(relay: Relay): Promise<boolean> {
  const board = await relay.newBoard();
  const stock = stockProvider(relay, board);
  const bench = new BenchClient(relay.url(board), board, relay.dialect);
  let presence = 0;
  bench.ws.on('message', () => (presence = bench.awarenessReceived));
  try {
    await bench.synced;
    stock.doc.getMap('check').set('from', 'provider');
    const toBench = await until(() => bench.doc.getMap('check').get('from') === 'provider');
    bench.doc.getMap('check').set('to', 'provider');
    const toStock = await until(() => stock.doc.getMap('check').get('to') === 'provider');
    stock.setPresence({ name: 'Stock' });
    const presenceSeen = await until(() => presence > 0);
    return toBench && toStock && presenceSeen;
  } finally {
    stock.destroy();
    bench.close();
  }
}
