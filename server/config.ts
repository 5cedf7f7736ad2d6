/** Relay configuration, read from environment variables (documented in docs/operations.md). */
import path from 'node:path';
import { isLogLevel, type LogLevel } from './log';

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

/** Builds the configuration from environment variables; throws with a readable message on bad values. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const logLevel = readText(env, 'LOG_LEVEL', DEFAULT_CONFIG.logLevel).toLowerCase();
  if (!isLogLevel(logLevel)) {
    throw new Error(`LOG_LEVEL must be one of error, warn, info, debug (or silent), got "${logLevel}"`);
  }
  return {
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
  };
}
