/** Joining the cluster from the configuration, and what /healthz is to say about Redis. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterHealth, startCluster } from '../../server/cluster';
import { silentLogger } from '../../server/log';
import { clusterToolsAvailable, freePort, startRedis, stopRedis, type RedisServer } from '../helpers/redis';

const available = clusterToolsAvailable();
const noRows = { loadSince: async () => [], maxSeq: async () => 0 };

async function until(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.runIf(available)('startCluster', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await stopRedis(redis);
  });

  it('names the instance and reports Redis as it goes and comes back', async () => {
    const node = await startCluster({ redisUrl: redis.url, dropShare: 0, instanceId: 'relay-1' }, noRows, silentLogger);
    try {
      await until(async () => (await clusterHealth(node)).redis === 'ok');
      expect(await clusterHealth(node)).toEqual({ instance: 'relay-1', redis: 'ok' });
      await redis.stop();
      expect(await clusterHealth(node)).toEqual({ instance: 'relay-1', redis: 'unreachable' });
      await redis.restart();
      await until(async () => (await clusterHealth(node)).redis === 'ok');
    } finally {
      await node.close();
    }
  }, 30_000);

  it('starts at once when Redis is not there', async () => {
    const node = await startCluster({ redisUrl: `redis://127.0.0.1:${await freePort()}`, dropShare: 0 }, noRows, silentLogger);
    try {
      expect((await clusterHealth(node)).redis).toBe('unreachable');
      expect(node.instanceId).toMatch(/^[0-9a-f]{12}$/);
    } finally {
      await node.close();
    }
  });
});
