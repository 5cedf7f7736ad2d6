/** Relay configuration, read from environment variables (documented in docs/operations.md). */
import path from 'node:path';
import { isLogLevel, type LogLevel } from './log';
import { loadClusterConfig, type ClusterConfig } from './cluster/config';

export interface ServerConfig {
  /** TCP port; 0 lets the OS pick a free one. */
  port: number;
  host: string;
  /** Directory holding parcours.sqlite; created if missing. */
  dataDir: string;
  /** The built SPA (vite's dist/). */
  staticDir: string;
  logLevel: LogLevel;
  /** Largest websocket frame accepted; bigger frames close the connection with 1009. */
  maxMessageBytes: number;
  /** How long a board stays loaded after its last connection left. */
  roomIdleMs: number;
  /** Compact a board's update log once it holds more than this many rows. */
  compactEvery: number;
  /** Keepalive ping period; a connection that missed the previous pong is terminated. */
  pingIntervalMs: number;
  /** Sustained messages per second one connection may send (token bucket refill rate); 0 = no limit. */
  maxMessagesPerSecond: number;
  /** Messages one connection may send in a burst (token bucket size). */
  maxMessageBurst: number;
  /** Largest encoded size a board may grow to; updates that would exceed it are refused. 0 = no limit. */
  maxBoardBytes: number;
  /** Sustained bytes per second one connection may send (token bucket refill rate); 0 = no limit. */
  maxBytesPerSecond: number;
  /** Bytes one connection may send in a burst (token bucket size); at least maxMessageBytes. */
  maxByteBurst: number;
  /** Bytes waiting to be sent to one connection past which it is closed (1008): it does not read. 0 = no limit. */
  maxSendBufferBytes: number;
  /** A sync step 1 arriving while more than this still waits to be sent to its connection is refused (1008). */
  syncRequestBufferBytes: number;
  /** Reverse proxies in front of the relay whose X-Forwarded-For is believed; 0 = the socket's address is the client. */
  trustProxy: number;
  /** Concurrent websockets from one client address; 0 = no limit. */
  ipMaxConnections: number;
  /** Concurrent TCP sockets (HTTP and websockets) from one address, counted without proxies only; 0 = no limit. */
  ipMaxSockets: number;
  /** Output waiting for all the websockets of one address, past which the one furthest behind is closed; 0 = no limit. */
  ipMaxSendBufferBytes: number;
  /** Sustained API requests per second from one address (token bucket refill rate); 0 = no limit. */
  ipRequestsPerSecond: number;
  /** API requests one address may make in a burst (token bucket size). */
  ipRequestBurst: number;
  /** New boards per hour from one address (POST /api/boards, the only way a board is made); 0 = no limit. */
  ipNewBoardsPerHour: number;
  /** New boards one address may create in a burst (token bucket size). */
  ipNewBoardBurst: number;
  /** Named versions per hour one address may save (each a stored copy of a whole board); 0 = no limit. */
  ipNewVersionsPerHour: number;
  /** Named versions one address may save in a burst (token bucket size). */
  ipNewVersionBurst: number;
  /** Wrong administrator secrets per hour from one address, once its burst is spent; 0 = no limit. */
  ipAdminFailuresPerHour: number;
  /** Wrong administrator secrets one address may send before it has to wait (token bucket size). */
  ipAdminFailureBurst: number;
  /** Most client addresses tracked at once; past it the least recently seen idle one is forgotten. */
  ipTrackedMax: number;
  /** HTTP: the request headers must be complete within this (slowloris). */
  headersTimeoutMs: number;
  /** HTTP: the whole request, body included, must arrive within this. */
  requestTimeoutMs: number;
  /** HTTP: how long a keep-alive socket may wait for its next request. */
  keepAliveTimeoutMs: number;
  /** HTTP: a socket (not a websocket) with no traffic either way for this long is dropped. */
  httpIdleTimeoutMs: number;
  /** Several instances serving the same boards (REDIS_URL, server/cluster); null: this one alone. */
  cluster: ClusterConfig | null;
  /** postgres://… (DATABASE_URL): boards are stored in PostgreSQL; null: SQLite in dataDir. */
  databaseUrl: string | null;
}

export const DEFAULT_CONFIG: ServerConfig = {
  port: 8080,
  host: '0.0.0.0',
  dataDir: './data',
  staticDir: './dist',
  logLevel: 'info',
  maxMessageBytes: 1024 * 1024,
  roomIdleMs: 30_000,
  compactEvery: 500,
  pingIntervalMs: 30_000,
  // A fast typist sends 10-20 updates/s; the app's presence adds its cursor (20/s) and, while
  // panning, its view (once a frame, 60/s): about 100/s at worst. 200/s leaves twice that.
  maxMessagesPerSecond: 200,
  maxMessageBurst: 600,
  // A board of 1 000 touchpoints encodes to about 270 KB: 8 MiB is some 30 times that.
  maxBoardBytes: 8 * 1024 * 1024,
  // Importing a full 8 MiB board in chunks must pass in one go: the burst holds twice that. An
  // honest client's steady traffic is kilobytes a second; 2 MiB/s still refills a full import in 8 s.
  maxBytesPerSecond: 2 * 1024 * 1024,
  maxByteBurst: 16 * 1024 * 1024,
  // The largest frame the relay sends is a sync step 2 holding the whole board (up to
  // maxBoardBytes). A slow client joining a full board must be able to receive it with live
  // updates queued behind it, so the cap is a full board plus 8 MiB of traffic.
  maxSendBufferBytes: 16 * 1024 * 1024,
  // An honest client sends one step 1 per connection, when little is queued for it yet (the
  // relay's own step 1 and the room's presence, a few kilobytes): at most one full-board reply
  // may be outstanding, whatever a hostile client asks.
  syncRequestBufferBytes: 256 * 1024,
  trustProxy: 0,
  // Sized for a workshop room behind one NAT: 100 people with a board open in two tabs each.
  ipMaxConnections: 200,
  // Those 200 websockets, plus the half-dozen parallel HTTP sockets each of 100 browsers opens
  // while loading the app (closed after keepAliveTimeoutMs). An idle socket costs the relay a
  // file descriptor and some 5 KB: without a cap one machine could hold tens of thousands.
  ipMaxSockets: 1000,
  // Each whole-board reply is a buffer of its own: without a cap per address, 200 connections
  // asking for an 8 MiB board once and never reading would pin 1.6 GB. 128 MiB is 16 full
  // boards in flight at once, or a room of 100 opening a 1 MB board together.
  ipMaxSendBufferBytes: 128 * 1024 * 1024,
  // Opening a board costs a browser two or three API calls (access, clock, versions): 100 people
  // opening the link within ten seconds of each other fit in the burst plus refill.
  ipRequestsPerSecond: 20,
  ipRequestBurst: 100,
  // A class where everyone creates a board (or two) at once fits in the burst; afterwards 3 a
  // minute (30 per 10 minutes), far more than people create by hand and far less than a script.
  ipNewBoardsPerHour: 180,
  ipNewBoardBurst: 30,
  // A facilitator names a version at milestones, a few per workshop; automatic versions are the
  // relay's own and not counted. Each is a copy of up to MAX_BOARD_BYTES: without this, 20 API
  // calls a second could store 160 MiB a second.
  ipNewVersionsPerHour: 60,
  ipNewVersionBurst: 10,
  // The secret has 256 bits: the limit keeps guessing out of the logs and the CPU, not out of
  // luck. An administrator mistyping it gets 10 tries at once, then one every 6 minutes.
  ipAdminFailuresPerHour: 10,
  ipAdminFailureBurst: 10,
  // An address costs a few hundred bytes to track: 50 000 of them stay around 20 MB.
  ipTrackedMax: 50_000,
  // Headers fit in one packet: 10 s covers a poor mobile link, and slowloris sockets die quickly.
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  httpIdleTimeoutMs: 30_000,
  cluster: null,
  databaseUrl: null,
};

/** Reads an integer variable within bounds; a bad value is an error, not a silent default. */
function readInt(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function readText(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name];
  return raw === undefined || raw.trim() === '' ? fallback : raw.trim();
}

/**
 * DATABASE_URL, or null when unset. Only the scheme and the shape are checked here (a URL with a
 * host and a database name): whether the server answers is known when the relay connects.
 */
export function readDatabaseUrl(env: NodeJS.ProcessEnv): string | null {
  const raw = env.DATABASE_URL?.trim() ?? '';
  if (raw === '') return null;
  const shape = 'DATABASE_URL must look like postgres://user:password@host:5432/database';
  if (!/^postgres(ql)?:\/\//.test(raw)) throw new Error(`${shape} (postgres:// or postgresql://)`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${shape}; it is not a valid URL`);
  }
  if (url.hostname === '' && !url.searchParams.has('host')) throw new Error(`${shape}; it names no host`);
  if (url.pathname.replace(/^\//, '') === '') throw new Error(`${shape}; it names no database`);
  return raw;
}

/** Builds the configuration from environment variables; throws with a readable message on bad values. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  // First: where the boards live decides everything else about the instance.
  const databaseUrl = readDatabaseUrl(env);
  const logLevel = readText(env, 'LOG_LEVEL', DEFAULT_CONFIG.logLevel).toLowerCase();
  if (!isLogLevel(logLevel)) {
    throw new Error(`LOG_LEVEL must be one of error, warn, info, debug (or silent), got "${logLevel}"`);
  }
  const config: ServerConfig = {
    port: readInt(env, 'PORT', DEFAULT_CONFIG.port, 0, 65_535),
    host: readText(env, 'HOST', DEFAULT_CONFIG.host),
    dataDir: path.resolve(readText(env, 'DATA_DIR', DEFAULT_CONFIG.dataDir)),
    staticDir: path.resolve(readText(env, 'STATIC_DIR', DEFAULT_CONFIG.staticDir)),
    logLevel,
    maxMessageBytes: readInt(env, 'MAX_MESSAGE_BYTES', DEFAULT_CONFIG.maxMessageBytes, 1024, 2 ** 30),
    roomIdleMs: readInt(env, 'ROOM_IDLE_MS', DEFAULT_CONFIG.roomIdleMs, 0, 2 ** 31 - 1),
    compactEvery: readInt(env, 'COMPACT_EVERY', DEFAULT_CONFIG.compactEvery, 1, 10_000_000),
    pingIntervalMs: DEFAULT_CONFIG.pingIntervalMs,
    maxMessagesPerSecond: readInt(env, 'MAX_MESSAGES_PER_SECOND', DEFAULT_CONFIG.maxMessagesPerSecond, 0, 1_000_000),
    maxMessageBurst: readInt(env, 'MAX_MESSAGE_BURST', DEFAULT_CONFIG.maxMessageBurst, 1, 10_000_000),
    maxBoardBytes: readInt(env, 'MAX_BOARD_BYTES', DEFAULT_CONFIG.maxBoardBytes, 0, 2 ** 31 - 1),
    maxBytesPerSecond: readInt(env, 'MAX_BYTES_PER_SECOND', DEFAULT_CONFIG.maxBytesPerSecond, 0, 2 ** 31 - 1),
    maxByteBurst: readInt(env, 'MAX_BYTE_BURST', DEFAULT_CONFIG.maxByteBurst, 1024, 2 ** 31 - 1),
    maxSendBufferBytes: readInt(env, 'MAX_SEND_BUFFER_BYTES', DEFAULT_CONFIG.maxSendBufferBytes, 0, 2 ** 31 - 1),
    syncRequestBufferBytes: DEFAULT_CONFIG.syncRequestBufferBytes,
    trustProxy: readInt(env, 'TRUST_PROXY', DEFAULT_CONFIG.trustProxy, 0, 16),
    ipMaxConnections: readInt(env, 'IP_MAX_CONNECTIONS', DEFAULT_CONFIG.ipMaxConnections, 0, 1_000_000),
    ipMaxSockets: readInt(env, 'IP_MAX_SOCKETS', DEFAULT_CONFIG.ipMaxSockets, 0, 1_000_000),
    ipMaxSendBufferBytes: readInt(env, 'IP_MAX_SEND_BUFFER_BYTES', DEFAULT_CONFIG.ipMaxSendBufferBytes, 0, 2 ** 40),
    ipRequestsPerSecond: readInt(env, 'IP_REQUESTS_PER_SECOND', DEFAULT_CONFIG.ipRequestsPerSecond, 0, 1_000_000),
    ipRequestBurst: readInt(env, 'IP_REQUEST_BURST', DEFAULT_CONFIG.ipRequestBurst, 1, 10_000_000),
    ipNewBoardsPerHour: readInt(env, 'IP_NEW_BOARDS_PER_HOUR', DEFAULT_CONFIG.ipNewBoardsPerHour, 0, 10_000_000),
    ipNewBoardBurst: readInt(env, 'IP_NEW_BOARD_BURST', DEFAULT_CONFIG.ipNewBoardBurst, 1, 10_000_000),
    ipNewVersionsPerHour: readInt(env, 'IP_NEW_VERSIONS_PER_HOUR', DEFAULT_CONFIG.ipNewVersionsPerHour, 0, 10_000_000),
    ipNewVersionBurst: readInt(env, 'IP_NEW_VERSION_BURST', DEFAULT_CONFIG.ipNewVersionBurst, 1, 10_000_000),
    ipAdminFailuresPerHour: readInt(env, 'IP_ADMIN_FAILURES_PER_HOUR', DEFAULT_CONFIG.ipAdminFailuresPerHour, 0, 10_000_000),
    ipAdminFailureBurst: readInt(env, 'IP_ADMIN_FAILURE_BURST', DEFAULT_CONFIG.ipAdminFailureBurst, 1, 10_000_000),
    ipTrackedMax: DEFAULT_CONFIG.ipTrackedMax,
    headersTimeoutMs: DEFAULT_CONFIG.headersTimeoutMs,
    requestTimeoutMs: DEFAULT_CONFIG.requestTimeoutMs,
    keepAliveTimeoutMs: DEFAULT_CONFIG.keepAliveTimeoutMs,
    httpIdleTimeoutMs: DEFAULT_CONFIG.httpIdleTimeoutMs,
    cluster: loadClusterConfig(env),
    databaseUrl,
  };
  checkConsistency(config);
  return config;
}

/** Limits that only make sense together; a combination that would lock honest clients out is an error. */
function checkConsistency(config: ServerConfig): void {
  const { maxMessageBytes, maxBoardBytes, maxBytesPerSecond, maxByteBurst, maxSendBufferBytes, ipMaxSendBufferBytes } = config;
  if (maxBytesPerSecond > 0 && maxByteBurst < maxMessageBytes) {
    throw new Error(
      `MAX_BYTE_BURST (${maxByteBurst}) must be at least MAX_MESSAGE_BYTES (${maxMessageBytes}), or the largest message could never pass`,
    );
  }
  const largestReply = maxBoardBytes + maxMessageBytes;
  if (maxSendBufferBytes > 0 && maxSendBufferBytes < largestReply) {
    throw new Error(
      `MAX_SEND_BUFFER_BYTES (${maxSendBufferBytes}) must be at least MAX_BOARD_BYTES + MAX_MESSAGE_BYTES (${largestReply}), or a slow client could never receive a full board`,
    );
  }
  const perConnection = maxSendBufferBytes > 0 ? maxSendBufferBytes : largestReply;
  if (ipMaxSendBufferBytes > 0 && ipMaxSendBufferBytes < perConnection) {
    throw new Error(
      `IP_MAX_SEND_BUFFER_BYTES (${ipMaxSendBufferBytes}) must be at least MAX_SEND_BUFFER_BYTES (${perConnection}), or one slow client could be closed for its whole address`,
    );
  }
}
