/** The Redis bus between relay instances, against a real redis-server. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import { ClusterBus } from '../../server/cluster/bus';
import { decodeClusterMessage, encodeClusterMessage, type ClusterMessage } from '../../server/cluster/messages';
import { silentLogger } from '../../server/log';
import { clusterToolsAvailable, freePort, startRedis, stopRedis, type RedisServer } from '../helpers/redis';
import { waitFor } from '../helpers/relay';

const available = clusterToolsAvailable();

describe('cluster messages', () => {
  it('round-trip every kind and refuse malformed bytes', () => {
    const messages: ClusterMessage[] = [
      { kind: 'update', origin: 'a', seq: 42, update: new Uint8Array([1, 2, 3]) },
      { kind: 'presence', origin: 'b', connection: 7, role: 'viewer', writerKey: 'k', awareness: new Uint8Array([1, 0]) },
      { kind: 'close', origin: 'c', code: 4403, reason: 'revoked' },
      { kind: 'presence-query', origin: 'd' },
      { kind: 'heartbeat', origin: 'e' },
    ];
    for (const message of messages) expect(decodeClusterMessage(encodeClusterMessage(message))).toEqual(message);
    expect(decodeClusterMessage(new Uint8Array([]))).toBeNull();
    expect(decodeClusterMessage(new Uint8Array([9, 1, 97]))).toBeNull();
    expect(decodeClusterMessage(new Uint8Array([0, 1, 97, 5]))).toBeNull(); // truncated update
    const trailing = encodeClusterMessage({ kind: 'heartbeat', origin: 'e' });
    expect(decodeClusterMessage(new Uint8Array([...trailing, 0]))).toBeNull();
  });
});

describe.runIf(available)('cluster bus on a real Redis', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await stopRedis(redis);
  });

  it('fans a board message to the other instances, not back to its sender, nor to other boards', async () => {
    const a = await ClusterBus.connectAndWait({ url: redis.url, log: silentLogger, instanceId: 'a' });
    const b = await ClusterBus.connectAndWait({ url: redis.url, log: silentLogger, instanceId: 'b' });
    try {
      const atA: ClusterMessage[] = [];
      const atB: ClusterMessage[] = [];
      const otherBoard: ClusterMessage[] = [];
      await a.subscribe('board1', (m) => atA.push(m));
      await b.subscribe('board1', (m) => atB.push(m));
      await b.subscribe('board2', (m) => otherBoard.push(m));
      a.publish('board1', { kind: 'update', origin: 'a', seq: 1, update: new Uint8Array([5]) });
      await waitFor(() => atB.length === 1);
      expect(atB[0]).toEqual({ kind: 'update', origin: 'a', seq: 1, update: new Uint8Array([5]) });
      // A round trip through b proves a had the time to receive its own echo, and dropped it.
      b.publish('board1', { kind: 'heartbeat', origin: 'b' });
      await waitFor(() => atA.length === 1);
      expect(atA.map((m) => m.kind)).toEqual(['heartbeat']);
      expect(otherBoard).toEqual([]);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('drops malformed messages published by anyone and keeps serving', async () => {
    const b = await ClusterBus.connectAndWait({ url: redis.url, log: silentLogger, instanceId: 'b' });
    const raw = createClient({ url: redis.url });
    await raw.connect();
    try {
      const seen: ClusterMessage[] = [];
      await b.subscribe('board3', (m) => seen.push(m));
      await raw.publish('parcours:board:board3', Buffer.from([0xff, 0xff, 0xff]));
      await raw.publish('parcours:board:board3', 'not a message');
      await raw.publish(
        'parcours:board:board3',
        Buffer.from(encodeClusterMessage({ kind: 'close', origin: 'x', code: 4403, reason: 'r' })),
      );
      await waitFor(() => seen.length === 1);
      expect(seen[0]).toMatchObject({ kind: 'close', code: 4403 });
    } finally {
      await raw.close();
      await b.close();
    }
  });

  it('drops the share of update messages the test hook asks for, and only updates', async () => {
    const a = await ClusterBus.connectAndWait({ url: redis.url, log: silentLogger, instanceId: 'a' });
    const b = await ClusterBus.connectAndWait({ url: redis.url, log: silentLogger, instanceId: 'b', dropShare: 0.3 });
    try {
      const seen: ClusterMessage[] = [];
      await b.subscribe('board4', (m) => seen.push(m));
      for (let seq = 1; seq <= 400; seq++) a.publish('board4', { kind: 'update', origin: 'a', seq, update: new Uint8Array([1]) });
      a.publish('board4', { kind: 'presence-query', origin: 'a' });
      await waitFor(() => seen.some((m) => m.kind === 'presence-query'));
      const updates = seen.filter((m) => m.kind === 'update').length;
      // 400 draws at 30 %: 280 expected, outside 220..340 has odds below one in a million.
      expect(updates).toBeGreaterThan(220);
      expect(updates).toBeLessThan(340);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('says whether Redis answers, and tells when it resubscribed after Redis came back', async () => {
    const a = await ClusterBus.connectAndWait({ url: redis.url, log: silentLogger, instanceId: 'a' });
    const b = await ClusterBus.connectAndWait({ url: redis.url, log: silentLogger, instanceId: 'b' });
    try {
      const seen: ClusterMessage[] = [];
      let resubscribed = 0;
      // The catch-up publishes (a presence query): both connections must be up when it runs.
      const connectedAtCatchUp: boolean[] = [];
      b.onResubscribed(() => {
        resubscribed++;
        connectedAtCatchUp.push(b.isConnected());
      });
      await b.subscribe('board5', (m) => seen.push(m));
      expect(await b.healthy()).toBe(true);
      await redis.stop();
      await waitFor(() => !a.isConnected());
      expect(await b.healthy()).toBe(false);
      // Publishing while Redis is away neither throws nor queues.
      a.publish('board5', { kind: 'update', origin: 'a', seq: 1, update: new Uint8Array([1]) });
      await redis.restart();
      await waitFor(() => resubscribed === 1, 10_000);
      expect(connectedAtCatchUp).toEqual([true]);
      await waitFor(() => a.isConnected(), 10_000);
      expect(await b.healthy()).toBe(true);
      a.publish('board5', { kind: 'update', origin: 'a', seq: 2, update: new Uint8Array([2]) });
      await waitFor(() => seen.length >= 1);
      expect(seen.map((m) => (m.kind === 'update' ? m.seq : -1))).toEqual([2]);
    } finally {
      await a.close();
      await b.close();
    }
  }, 30_000);
});

describe.runIf(available)('cluster bus started before Redis', () => {
  it('starts without Redis, then subscribes and catches up once Redis answers', async () => {
    const port = await freePort();
    const b = await ClusterBus.connect({ url: `redis://127.0.0.1:${port}`, log: silentLogger, instanceId: 'b' });
    let redis: RedisServer | undefined;
    try {
      let caughtUp = 0;
      b.onResubscribed(() => caughtUp++);
      const seen: ClusterMessage[] = [];
      await b.subscribe('board6', (m) => seen.push(m)); // Redis is not there: resolves, retried later
      expect(b.isConnected()).toBe(false);
      expect(await b.healthy()).toBe(false);
      redis = await startRedis(port);
      await b.ready();
      await waitFor(() => caughtUp === 1);
      const a = await ClusterBus.connectAndWait({ url: redis.url, log: silentLogger, instanceId: 'a' });
      try {
        a.publish('board6', { kind: 'update', origin: 'a', seq: 1, update: new Uint8Array([1]) });
        await waitFor(() => seen.length === 1);
      } finally {
        await a.close();
      }
    } finally {
      await b.close();
      await stopRedis(redis);
    }
  }, 30_000);
});
