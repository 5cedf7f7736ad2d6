import net from 'node:net';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { InProcessRelay } from '../helpers/inProcessRelay';
import { relaysPerTest } from '../helpers/relayForFile';
import { connectClient, openRawSocket, seedOpenBoard, testBoardId, upgradeStatus, waitFor } from '../helpers/relay';

const relayWith = relaysPerTest();

/** Attempts an upgrade with extra headers; resolves with the HTTP status (101 if accepted) and the open socket, if any. */
function upgrade(url: string, headers: Record<string, string> = {}): Promise<{ status: number; retryAfter?: string; ws?: WebSocket }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('error', () => undefined);
    ws.once('unexpected-response', (req, res) => {
      resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] });
      req.destroy();
    });
    ws.once('open', () => resolve({ status: 101, ws }));
  });
}

async function post(relay: InProcessRelay, path: string, headers: Record<string, string> = {}, body?: unknown) {
  const res = await fetch(`${relay.httpUrl}${path}`, {
    method: 'POST',
    headers: body ? { ...headers, 'Content-Type': 'application/json' } : headers,
    body: body ? JSON.stringify(body) : undefined,
  });
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    type: res.headers.get('content-type'),
    body: (await res.json()) as Record<string, unknown>,
  };
}

describe('per-address websocket cap', () => {
  it('answers 429 to the websocket past IP_MAX_CONNECTIONS, and lets one in again once another closes', async () => {
    const relay = await relayWith({ ipMaxConnections: 5 });
    const board = seedOpenBoard(relay.config.dataDir);
    const open = await Promise.all(Array.from({ length: 5 }, () => upgrade(`${relay.wsUrl}/${board}`)));
    expect(open.map((o) => o.status)).toEqual([101, 101, 101, 101, 101]);
    expect(await upgradeStatus(`${relay.wsUrl}/${board}`)).toBe(429);
    expect(await upgradeStatus(`${relay.wsUrl}/${testBoardId()}`)).toBe(429); // per address, not per board

    open[0]!.ws!.close();
    await waitFor(() => relay.server.rooms.connectionCount === 4, 5000, 'the closed websocket to be counted out');
    expect(await upgradeStatus(`${relay.wsUrl}/${board}`)).toBe(101);
    for (const o of open) o.ws?.terminate();
  });

  it('does not count refused upgrades against the cap', async () => {
    const relay = await relayWith({ ipMaxConnections: 2 });
    for (let i = 0; i < 10; i++) expect(await upgradeStatus(`${relay.wsUrl}/not-a-board`)).toBe(400);
    for (let i = 0; i < 10; i++) expect(await upgradeStatus(`${relay.wsUrl}/${testBoardId()}`)).toBe(404);
    const first = await upgrade(`${relay.wsUrl}/${seedOpenBoard(relay.config.dataDir)}`);
    const second = await upgrade(`${relay.wsUrl}/${seedOpenBoard(relay.config.dataDir)}`);
    expect([first.status, second.status]).toEqual([101, 101]);
    first.ws?.terminate();
    second.ws?.terminate();
  });

  it('keeps a stock provider that was refused reconnecting until it gets in', async () => {
    const relay = await relayWith({ ipMaxConnections: 1 });
    const board = seedOpenBoard(relay.config.dataDir);
    const holder = await upgrade(`${relay.wsUrl}/${board}`);
    const client = connectClient(relay.wsUrl, board);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(client.provider.wsconnected).toBe(false);
    holder.ws!.close();
    await client.synced;
  });
});

/** Opens a TCP socket that sends nothing; resolves once connected, with a promise of how long until it was closed. */
function idleSocket(port: number): Promise<{ socket: net.Socket; closedAfter: Promise<number> }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = net.connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    const closedAfter = new Promise<number>((done) => socket.once('close', () => done(Date.now() - started)));
    socket.once('connect', () => resolve({ socket, closedAfter }));
  });
}

describe('per-address socket cap', () => {
  it('closes at once a TCP socket past IP_MAX_SOCKETS, whatever it would have sent, and takes one again once another closes', async () => {
    const relay = await relayWith({ ipMaxSockets: 5 });
    const held = await Promise.all(Array.from({ length: 5 }, () => idleSocket(relay.port)));
    const extra = await idleSocket(relay.port);
    expect(await extra.closedAfter).toBeLessThan(1000); // not the 10 s headers timeout
    held[0]!.socket.destroy();
    await held[0]!.closedAfter;
    await new Promise((resolve) => setTimeout(resolve, 50));
    const res = await fetch(`${relay.httpUrl}/healthz`);
    expect(res.status).toBe(200);
    for (const h of held) h.socket.destroy();
  });

  it('does not count sockets by the peer behind a proxy, where every socket is the proxy', async () => {
    const relay = await relayWith({ ipMaxSockets: 2, trustProxy: 1 });
    const held = await Promise.all(Array.from({ length: 4 }, () => idleSocket(relay.port)));
    expect((await fetch(`${relay.httpUrl}/healthz`)).status).toBe(200);
    for (const h of held) h.socket.destroy();
  });
});

describe('per-address API budget', () => {
  it('answers 429 JSON with Retry-After past the burst, in the style of the other API errors', async () => {
    const relay = await relayWith({ ipRequestsPerSecond: 1, ipRequestBurst: 5 });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await fetch(`${relay.httpUrl}/api/time`)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    const refused = await post(relay, '/api/boards');
    expect(refused.status).toBe(429);
    expect(refused.type).toMatch(/^application\/json/);
    expect(refused.body).toEqual({ error: 'too many requests from this address' });
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    // Static files and the health check are not API calls.
    expect((await fetch(`${relay.httpUrl}/healthz`)).status).toBe(200);
  });

  it('refills at the configured rate', async () => {
    const relay = await relayWith({ ipRequestsPerSecond: 10, ipRequestBurst: 2 });
    for (let i = 0; i < 2; i++) expect((await fetch(`${relay.httpUrl}/api/time`)).status).toBe(200);
    expect((await fetch(`${relay.httpUrl}/api/time`)).status).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await fetch(`${relay.httpUrl}/api/time`)).status).toBe(200);
  });
});

describe('per-address new-board budget', () => {
  it('refuses POST /api/boards past IP_NEW_BOARD_BURST with 429 and a Retry-After of the refill time', async () => {
    const relay = await relayWith({ ipNewBoardsPerHour: 60, ipNewBoardBurst: 3 });
    const created = [];
    for (let i = 0; i < 3; i++) created.push((await post(relay, '/api/boards')).status);
    expect(created).toEqual([201, 201, 201]);
    const refused = await post(relay, '/api/boards');
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ error: 'too many new boards from this address' });
    expect(Number(refused.retryAfter)).toBeGreaterThan(30); // 60 an hour: one a minute
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);
  });

  it('makes no board from a websocket to an unknown address, so such attempts cost no new-board budget', async () => {
    const relay = await relayWith({ ipNewBoardBurst: 2 });
    for (let i = 0; i < 5; i++) expect((await upgrade(`${relay.wsUrl}/${testBoardId()}`)).status).toBe(404);
    expect(relay.server.rooms.size).toBe(0);
    expect([(await post(relay, '/api/boards')).status, (await post(relay, '/api/boards')).status]).toEqual([201, 201]);
    expect((await post(relay, '/api/boards')).status).toBe(429);

    // An open board with content opens as many times as asked, even after it was unloaded.
    const open = seedOpenBoard(relay.config.dataDir);
    const writer = connectClient(relay.wsUrl, open);
    await writer.synced;
    writer.destroy();
    await waitFor(() => relay.server.rooms.peek(open)?.connectionCount === 0, 5000, 'the writer to leave');
    relay.server.rooms.unload(relay.server.rooms.peek(open)!);
    expect((await upgrade(`${relay.wsUrl}/${open}`)).status).toBe(101);
  });

  it('does not charge protected boards made through the API', async () => {
    const relay = await relayWith({ ipNewBoardBurst: 1 });
    const { boardId, token } = (await post(relay, '/api/boards')).body as { boardId: string; token: string };
    for (let i = 0; i < 3; i++) {
      const socket = openRawSocket(`${relay.wsUrl}/${boardId}?token=${encodeURIComponent(token)}`);
      await socket.opened;
      socket.ws.terminate();
    }
  });
});

describe('per-address saved-version budget', () => {
  it('refuses named versions past IP_NEW_VERSION_BURST: each is a stored copy of the whole board', async () => {
    const relay = await relayWith({ ipNewVersionsPerHour: 60, ipNewVersionBurst: 3 });
    const { boardId, token } = (await post(relay, '/api/boards')).body as { boardId: string; token: string };
    const auth = { Authorization: `Bearer ${token}` };
    const saved = [];
    for (let i = 0; i < 3; i++) saved.push((await post(relay, `/api/boards/${boardId}/versions`, auth, { name: `v${i}` })).status);
    expect(saved).toEqual([201, 201, 201]);
    const refused = await post(relay, `/api/boards/${boardId}/versions`, auth, { name: 'v4' });
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ error: 'too many saved versions from this address' });
    expect(Number(refused.retryAfter)).toBeGreaterThan(30);
    // Reading versions is not saving one.
    const list = await fetch(`${relay.httpUrl}/api/boards/${boardId}/versions`, { headers: auth });
    expect(list.status).toBe(200);
  });
});

describe('TRUST_PROXY', () => {
  it('ignores X-Forwarded-For by default: a client cannot pose as many addresses', async () => {
    const relay = await relayWith({ ipMaxConnections: 2 });
    const board = seedOpenBoard(relay.config.dataDir);
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await upgrade(`${relay.wsUrl}/${board}`, { 'X-Forwarded-For': `203.0.113.${i}` }));
    expect(results.map((r) => r.status)).toEqual([101, 101, 429]);
    for (const r of results) r.ws?.terminate();
  });

  it('with one trusted proxy, counts the address that proxy saw, whatever the client wrote further left', async () => {
    const relay = await relayWith({ ipMaxConnections: 1, trustProxy: 1 });
    const board = seedOpenBoard(relay.config.dataDir);
    const alice = await upgrade(`${relay.wsUrl}/${board}`, { 'X-Forwarded-For': '203.0.113.7' });
    const bob = await upgrade(`${relay.wsUrl}/${board}`, { 'X-Forwarded-For': '198.51.100.9' });
    expect([alice.status, bob.status]).toEqual([101, 101]);
    // Alice again, prefixing a made-up address: the proxy appended her real one on the right.
    const spoofed = await upgrade(`${relay.wsUrl}/${board}`, { 'X-Forwarded-For': '192.0.2.1, 203.0.113.7' });
    expect(spoofed.status).toBe(429);
    // Two addresses in one IPv6 /64 are one subscriber.
    const v6a = await upgrade(`${relay.wsUrl}/${board}`, { 'X-Forwarded-For': '2001:db8:1:2::a' });
    const v6b = await upgrade(`${relay.wsUrl}/${board}`, { 'X-Forwarded-For': '2001:db8:1:2:ffff::b' });
    expect([v6a.status, v6b.status]).toEqual([101, 429]);
    for (const r of [alice, bob, v6a]) r.ws?.terminate();
  });

  it('applies the API budget to the forwarded address', async () => {
    const relay = await relayWith({ ipRequestsPerSecond: 1, ipRequestBurst: 1, trustProxy: 1 });
    const from = (address: string) => fetch(`${relay.httpUrl}/api/time`, { headers: { 'X-Forwarded-For': address } }).then((r) => r.status);
    expect(await from('203.0.113.7')).toBe(200);
    expect(await from('203.0.113.7')).toBe(429);
    expect(await from('198.51.100.9')).toBe(200);
  });
});
