/**
 * GET /healthz says whether the board store and, on an instance of a cluster, Redis answer: 200
 * while the store does (Redis down is `degraded`, the instance still serves its boards), 503 with
 * the same body when it does not, and a store that hangs answers `ok: false` instead of hanging
 * the request.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/app';
import { DEFAULT_CONFIG, type ServerConfig } from '../../server/config';
import type { HealthReport } from '../../server/http';
import { silentLogger } from '../../server/log';
import { openSqliteStore } from '../../server/storage/sqlite';
import type { BoardStore } from '../../server/persistence';
import { cleanupTempDirs, httpRequest, makeTempDir } from '../helpers/relay';
import { clusterToolsAvailable, startRedis, stopRedis, type RedisServer } from '../helpers/redis';

const running: RunningServer[] = [];

async function relay(overrides: Partial<ServerConfig> = {}, store?: BoardStore): Promise<string> {
  const dataDir = makeTempDir('parcours-data-');
  const config: ServerConfig = {
    ...DEFAULT_CONFIG,
    port: 0,
    host: '127.0.0.1',
    dataDir,
    staticDir: makeTempDir('parcours-static-'),
    logLevel: 'silent',
    ...overrides,
  };
  const server = await startServer(config, { logger: silentLogger, ...(store ? { store } : {}) });
  running.push(server);
  return `http://127.0.0.1:${server.port}`;
}

async function health(httpUrl: string): Promise<{ status: number; report: HealthReport }> {
  const res = await httpRequest(httpUrl, '/healthz');
  return { status: res.status, report: JSON.parse(res.body) as HealthReport };
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close().catch(() => undefined)));
});
afterAll(() => cleanupTempDirs());

describe('/healthz and the board store', () => {
  it('answers 200 with the SQLite store when it reads', async () => {
    const { status, report } = await health(await relay());
    expect(status).toBe(200);
    expect(report).toMatchObject({ status: 'ok', storage: { kind: 'sqlite', ok: true } });
    expect(report.redis).toBeUndefined();
  });

  it('answers 503 with the same body once the SQLite file can no longer be read', async () => {
    const store = openSqliteStore(makeTempDir('parcours-store-'));
    const url = await relay({}, { ...store, close: () => undefined });
    expect((await health(url)).status).toBe(200);
    store.close();
    const { status, report } = await health(url);
    expect(status).toBe(503);
    expect(report).toMatchObject({ status: 'down', rooms: 0, connections: 0, storage: { kind: 'sqlite', ok: false } });
  });

  it('answers 503 for a PostgreSQL store that says it does not answer', async () => {
    const store = openSqliteStore(makeTempDir('parcours-store-'));
    let up = true;
    const url = await relay({}, { ...store, kind: 'postgres', healthy: async () => up } as BoardStore);
    expect(await health(url)).toMatchObject({ status: 200, report: { storage: { kind: 'postgres', ok: true } } });
    up = false;
    expect(await health(url)).toMatchObject({ status: 503, report: { status: 'down', storage: { kind: 'postgres', ok: false } } });
  });

  it('answers 503 instead of hanging when the store never answers', async () => {
    const store = openSqliteStore(makeTempDir('parcours-store-'));
    const hung = new Promise<boolean>(() => undefined);
    const url = await relay({}, { ...store, kind: 'postgres', healthy: () => hung } as BoardStore);
    expect(await health(url)).toMatchObject({ status: 503, report: { storage: { kind: 'postgres', ok: false } } });
  });
});

const clustered = clusterToolsAvailable();

describe.runIf(clustered)('/healthz on an instance of a cluster', () => {
  let redis: RedisServer | undefined;
  afterAll(async () => {
    await stopRedis(redis);
  });

  async function until(httpUrl: string, ok: boolean): Promise<HealthReport> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const { report } = await health(httpUrl);
      if (report.redis?.ok === ok) return report;
      if (Date.now() > deadline) throw new Error(`redis.ok stayed ${String(report.redis?.ok)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('says Redis is down when it is killed (200, degraded: the store still answers) and up once it is back', async () => {
    redis = await startRedis();
    const url = await relay({ cluster: { redisUrl: redis.url, dropShare: 0, instanceId: 'relay-a' } });
    expect(await until(url, true)).toMatchObject({ status: 'ok', storage: { ok: true }, redis: { ok: true, instance: 'relay-a' } });
    await redis.stop('SIGKILL');
    const { status, report } = await health(url);
    expect(status).toBe(200);
    expect(report).toMatchObject({ status: 'degraded', storage: { kind: 'sqlite', ok: true }, redis: { ok: false, instance: 'relay-a' } });
    await redis.restart();
    expect(await until(url, true)).toMatchObject({ status: 'ok', redis: { ok: true } });
  }, 30_000);
});
