/** REDIS_URL and its companions: the cluster is on only with PostgreSQL, and bad values are named. */
import { describe, expect, it } from 'vitest';
import { loadClusterConfig } from '../../server/cluster/config';

describe('loadClusterConfig', () => {
  it('is off without REDIS_URL', () => {
    expect(loadClusterConfig({})).toBeNull();
    expect(loadClusterConfig({ REDIS_URL: '  ', DATABASE_URL: 'postgres://x' })).toBeNull();
  });

  it('reads the Redis address, the drop hook and the instance name', () => {
    expect(loadClusterConfig({ REDIS_URL: 'redis://127.0.0.1:6379', DATABASE_URL: 'postgres://db/parcours' })).toEqual({
      redisUrl: 'redis://127.0.0.1:6379',
      dropShare: 0,
      instanceId: undefined,
    });
    expect(
      loadClusterConfig({
        REDIS_URL: 'rediss://r',
        DATABASE_URL: 'postgres://db',
        PARCOURS_TEST_DROP_PUBSUB: '0.3',
        INSTANCE_ID: 'relay-2',
      }),
    ).toEqual({ redisUrl: 'rediss://r', dropShare: 0.3, instanceId: 'relay-2' });
  });

  it('refuses bad values with a readable message', () => {
    expect(() => loadClusterConfig({ REDIS_URL: 'http://r', DATABASE_URL: 'postgres://db' })).toThrow(/redis:\/\//);
    expect(() => loadClusterConfig({ REDIS_URL: 'redis://r', DATABASE_URL: 'postgres://db', PARCOURS_TEST_DROP_PUBSUB: '2' })).toThrow(
      /between 0 and 1/,
    );
    expect(() => loadClusterConfig({ REDIS_URL: 'redis://r', DATABASE_URL: 'postgres://db', INSTANCE_ID: 'a b' })).toThrow(/INSTANCE_ID/);
  });
});
