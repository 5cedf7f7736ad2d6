/** Assembles the relay: storage, room registry, HTTP and websocket servers, keepalive, shutdown. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { ServerConfig } from './config';
import { startKeepalive } from './connection';
import { createRequestHandler, limitSocketsPerAddress } from './http';
import { createAccessControl } from './access';
import { loadOrCreateAdminSecret } from './adminSecret';
import { AutoVersions } from './autoVersions';
import { IpLimits } from './ipLimits';
import { createLogger, type Logger } from './log';
import { openMetaStore, type MetaStore } from './metaStore';
import { openMetricsStore } from './metricsSqlite';
import type { MetricsStore } from './metricsStore';
import { loadOrCreateSecret } from './tokens';
import { openSqliteStore } from './storage/sqlite';
import { openPostgresStore } from './storage/postgres';
import { openPostgresMetaStore } from './storage/postgresMeta';
import { openPostgresMetricsStore } from './storage/postgresMetrics';
import type { RoomStore } from './storage/types';
import { RoomRegistry } from './rooms';
import { createUpgradeHandler } from './upgrade';
import { startCluster } from './cluster';

export interface RunningServer {
  /** The port actually listened on (useful with port 0). */
  port: number;
  rooms: RoomRegistry;
  /** Graceful stop: refuse new connections, close sockets (1001), compact loaded boards, close storage. */
  close(): Promise<void>;
}

export interface ServerDependencies {
  /** Board storage instead of the one the configuration names (tests). */
  store?: RoomStore;
  /** Board metadata (links, versions) instead of the file in config.dataDir (tests). */
  meta?: MetaStore;
  /** KPI values instead of the file in config.dataDir (tests). */
  metrics?: MetricsStore;
  logger?: Logger;
}

/** How long shutdown waits for clients to complete the close handshake before cutting them off. */
const CLOSE_GRACE_MS = 1000;

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * Slowloris defence: a socket must complete its request headers (an upgrade included) within
 * headersTimeoutMs, and Node only looks every connectionsCheckingInterval (30 s by default).
 */
function httpOptions(config: ServerConfig): http.ServerOptions {
  return {
    headersTimeout: config.headersTimeoutMs,
    requestTimeout: config.requestTimeoutMs,
    keepAliveTimeout: config.keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.max(50, Math.min(1000, config.headersTimeoutMs / 4)),
  };
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** Starts the relay and resolves once it listens. */
export async function startServer(config: ServerConfig, deps: ServerDependencies = {}): Promise<RunningServer> {
  const log = deps.logger ?? createLogger(config.logLevel);
  // DATABASE_URL: boards in PostgreSQL; otherwise the SQLite file, which answers synchronously.
  const store: RoomStore =
    deps.store ??
    (config.databaseUrl !== null
      ? await openPostgresStore(config.databaseUrl, {
          onError: (error) => log.warn('a PostgreSQL connection failed', { error: error.message }),
        })
      : openSqliteStore(config.dataDir));
  const stats = await store.stats?.();
  log.info('storage ready', {
    kind: store.kind ?? 'sqlite',
    dataDir: deps.store || config.databaseUrl !== null ? undefined : config.dataDir,
    boards: stats?.boards,
    rows: stats?.rows,
  });

  // Under DATABASE_URL, links, versions and KPI values live beside the boards, for every instance.
  const onPoolError = (error: Error) => log.warn('a PostgreSQL connection failed', { error: error.message });
  const { databaseUrl } = config;
  const meta =
    deps.meta ??
    (databaseUrl !== null ? await openPostgresMetaStore(databaseUrl, { onError: onPoolError }) : openMetaStore(config.dataDir));
  const metrics =
    deps.metrics ??
    (databaseUrl !== null ? await openPostgresMetricsStore(databaseUrl, { onError: onPoolError }) : openMetricsStore(config.dataDir));
  // Several instances on the same boards: each follows the others' stored updates by seq.
  const cluster = config.cluster
    ? await startCluster(
        config.cluster,
        { loadSince: async (id, seq) => store.loadSince(id, seq), maxSeq: async (id) => store.maxSeq(id) },
        log,
      )
    : undefined;
  const rooms = new RoomRegistry({
    cluster,
    store,
    log,
    idleMs: config.roomIdleMs,
    compactEvery: config.compactEvery,
    maxBoardBytes: config.maxBoardBytes,
    autoVersions: new AutoVersions({ meta, log }),
  });
  // Compression stays off: it costs zlib memory per socket and CPU spent inflating hostile frames.
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes, perMessageDeflate: false });
  // Known without links: a board with stored content (made before share links), or loaded now.
  const isStored = async (boardId: string): Promise<boolean> =>
    rooms.peek(boardId) !== undefined || ((await store.rowCount?.(boardId)) ?? 0) > 0;
  const access = createAccessControl(loadOrCreateSecret(config.dataDir), meta, isStored);
  const ipLimits = new IpLimits(config);
  const { trustProxy } = config;
  const admin = loadOrCreateAdminSecret(config.dataDir);
  // Once, at creation: afterwards the secret is only in the file.
  if (admin.created !== null)
    log.info('administrator secret created: it opens /admin; keep it private', { secret: admin.created, file: admin.file });
  const api = { access, rooms, log, admin: { secret: admin.secret, store, ipLimits, trustProxy }, metrics };
  const health = { store, cluster };
  const handler = createRequestHandler({
    staticDir: config.staticDir,
    rooms,
    log,
    startedAt: Date.now(),
    api,
    ipLimits,
    trustProxy,
    health,
  });
  const server = http.createServer(httpOptions(config), handler);
  // Sockets that never read their response (a big asset, a version) would hold it forever.
  server.setTimeout(config.httpIdleTimeoutMs);
  if (trustProxy === 0) limitSocketsPerAddress(server, ipLimits, log);
  let closing = false;
  server.on('upgrade', createUpgradeHandler({ wss, rooms, log, isClosing: () => closing, limits: config, access, ipLimits, trustProxy }));
  server.on('error', (error) => log.error('http server error', { error: error.message }));
  const stopKeepalive = startKeepalive(wss, config.pingIntervalMs, log);

  try {
    await listen(server, config.port, config.host);
  } catch (error) {
    stopKeepalive();
    ipLimits.stop();
    await cluster?.close();
    await store.close();
    await meta.close();
    await metrics.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= (async () => {
      closing = true;
      stopKeepalive();
      ipLimits.stop();
      const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      await rooms.closeAll(); // starts the close handshake of every socket, compacts and unloads every board
      await waitUntil(() => wss.clients.size === 0, CLOSE_GRACE_MS);
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await serverClosed;
      await cluster?.close();
      await store.close();
      await meta.close();
      await metrics.close();
      log.info('relay stopped');
    })();
    return closed;
  };
  return { port, rooms, close };
}
