import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInProcessRelay, type InProcessRelay } from '../helpers/inProcessRelay';
import { cleanupTempDirs, testBoardId } from '../helpers/relay';

const HEADERS_TIMEOUT_MS = 1000;
let relay: InProcessRelay;

beforeAll(async () => {
  relay = await startInProcessRelay({ headersTimeoutMs: HEADERS_TIMEOUT_MS, requestTimeoutMs: 2000, keepAliveTimeoutMs: 500 });
});
afterAll(async () => {
  await relay.close();
  cleanupTempDirs();
});

/**
 * Opens a raw TCP socket, writes `first`, then one more byte of `trickle` every 200 ms (a
 * slowloris client keeps its request alive that way). Resolves with how long the relay kept it.
 */
function heldFor(first: string, trickle = ''): Promise<number> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = net.connect(relay.port, '127.0.0.1', () => socket.write(first));
    let sent = 0;
    const timer = setInterval(() => {
      if (sent < trickle.length && !socket.destroyed) socket.write(trickle[sent++]!);
    }, 200);
    socket.on('error', () => undefined);
    socket.on('data', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      resolve(Date.now() - started);
    });
  });
}

describe('HTTP timeouts', () => {
  it('drops a socket that sends a partial request line and nothing more', async () => {
    const held = await heldFor('GET /index');
    expect(held).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 50);
    expect(held).toBeLessThan(HEADERS_TIMEOUT_MS + 1000);
  });

  it('drops a socket that trickles its headers one byte at a time (slowloris)', async () => {
    const held = await heldFor('GET / HTTP/1.1\r\nHost: x\r\n', 'X-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
    expect(held).toBeLessThan(HEADERS_TIMEOUT_MS + 1000);
  });

  it('drops a websocket upgrade whose headers never complete', async () => {
    const held = await heldFor(
      `GET /sync/${testBoardId()} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n`,
      'Sec-WebSocket-Version: 13',
    );
    expect(held).toBeLessThan(HEADERS_TIMEOUT_MS + 1000);
  });

  it('drops a socket that connects and never says anything', async () => {
    expect(await heldFor('')).toBeLessThan(HEADERS_TIMEOUT_MS + 1000);
  });

  it('drops a request whose body trickles in past the request timeout', async () => {
    const held = await heldFor(
      'POST /api/boards/x/links HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{',
      ' '.repeat(100),
    );
    expect(held).toBeLessThan(2000 + 1000);
  });

  it('closes an idle keep-alive socket after its response', async () => {
    const held = await heldFor('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(held).toBeLessThan(500 + 1000 + 1000); // Node adds a 1 s margin to keepAliveTimeout
  });
});
