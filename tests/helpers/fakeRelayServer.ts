/**
 * A websocket server on a free port that plays the relay's part in the client's tests: it notes
 * each request's address, and `onSocket` says what it does with each new socket. It registers
 * its own vitest hooks (started once per file, reset after each test).
 */
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { WebSocket as NodeWebSocket, WebSocketServer } from 'ws';
import type { BoardConnection } from '../../src/sync/connection';

export interface FakeRelay {
  /** The sync address to connect to (set once the server listens). */
  url: string;
  /** The address of every websocket request, in order. */
  requests: URL[];
  /** What the server does with each new socket (nothing by default). */
  onSocket: (ws: NodeWebSocket) => void;
  /** Connections the test opened: destroyed after each test. */
  open: BoardConnection[];
}

/** Starts the fake relay for the file's tests. */
export function fakeRelayServer(): FakeRelay {
  const relay: FakeRelay = { url: '', requests: [], onSocket: () => {}, open: [] };
  let server: WebSocketServer;
  beforeAll(async () => {
    (globalThis as { WebSocket?: unknown }).WebSocket ??= NodeWebSocket;
    server = new WebSocketServer({ port: 0 });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    relay.url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/sync`;
    server.on('connection', (ws, req) => {
      relay.requests.push(new URL(req.url ?? '/', 'http://relay'));
      relay.onSocket(ws);
    });
  });
  afterEach(() => {
    for (const c of relay.open.splice(0)) c.destroy();
    relay.requests.length = 0;
    relay.onSocket = () => {};
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return relay;
}
