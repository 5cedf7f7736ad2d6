/**
 * Helpers to run the Parcours relay in tests: as a child process (the real entry point,
 * `server/index.ts`), plus y-websocket clients and polling. Used by the server and e2e suites.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { newBoardId } from '../../src/model/ids';
import { openSqliteStore } from '../../server/storage/sqlite';
import { appendToDatabaseSync, databaseUrlFor, testStorageIsPostgres } from './testStorage';

/** Absolute path of the repository root (where `server/index.ts` lives). */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface RelayProcessOptions {
  /** DATA_DIR; a fresh temp dir when omitted. Pass the same dir again to restart on the same data. */
  dataDir?: string;
  /** STATIC_DIR (relative to the repo root or absolute); the relay's default (./dist) when omitted. */
  staticDir?: string;
  /** Extra environment variables; they win over the defaults (PORT=0, HOST=127.0.0.1, LOG_LEVEL=error). */
  env?: Record<string, string | undefined>;
  /** How long to wait for the "listening on" line (default 15 s). */
  startTimeoutMs?: number;
  /** Run the compiled relay (`node dist-server/index.js`, as `npm start` does) instead of the sources through tsx. */
  compiled?: boolean;
  /** The compiled relay's working directory (default: the repository root, as `npm start`); tsx resolves from the root only. */
  cwd?: string;
}

/** The compiled relay `npm run build` writes and `npm start` runs. */
export const COMPILED_RELAY = path.join(REPO_ROOT, 'dist-server', 'index.js');

export interface RelayProcess {
  port: number;
  /** e.g. http://127.0.0.1:1234 */
  httpUrl: string;
  /** The provider's serverUrl: ws://127.0.0.1:1234/sync */
  wsUrl: string;
  dataDir: string;
  child: ChildProcess;
  /** Everything the process printed so far (stdout and stderr), for assertion messages. */
  output(): string;
  /** Resolves with the exit code (null if killed by a signal) once the process has exited. */
  exited: Promise<number | null>;
  /** Sends `signal` (SIGKILL by default) and waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

const running = new Set<RelayProcess>();
const tempDirs = new Set<string>();

/** Creates a temp directory that cleanupTempDirs() removes. */
export function makeTempDir(prefix = 'parcours-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

/** Removes every directory made by makeTempDir(). */
export function cleanupTempDirs(): void {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

/** A fresh, valid board id: unknown to any relay until a board is made under it. */
export function testBoardId(): string {
  return newBoardId();
}

/** A board made through the relay's API, and what opens it as its facilitator. */
export interface TestBoard {
  boardId: string;
  /** The facilitator's token, as POST /api/boards answers it. */
  token: string;
  /** Provider params (`connectClient`'s last argument) that carry the token. */
  params: { token: string };
}

/** Creates a board through `POST /api/boards`, as « Nouveau tableau » does. */
export async function createTestBoard(httpUrl: string): Promise<TestBoard> {
  const res = await fetch(`${httpUrl}/api/boards`, { method: 'POST' });
  if (res.status !== 201) throw new Error(`POST /api/boards answered ${res.status}: ${await res.text()}`);
  const { boardId, token } = (await res.json()) as { boardId: string; token: string };
  return { boardId, token, params: { token } };
}

/** The websocket address of a board for a raw socket (`…/sync/<id>?token=…`); `wsUrl` is the provider's serverUrl. */
export function boardSocketUrl(wsUrl: string, board: TestBoard): string {
  return `${wsUrl}/${board.boardId}?token=${encodeURIComponent(board.token)}`;
}

/** An empty Yjs update: stored, it makes a board known without giving it content. */
const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());

/**
 * Stores a board in DATA_DIR the way relays did before boards needed the API: content and no
 * share links, so anyone with its address is facilitator. Safe while a relay uses the directory.
 */
export function seedOpenBoard(dataDir: string, boardId = newBoardId(), update: Uint8Array = EMPTY_UPDATE): string {
  if (testStorageIsPostgres()) {
    appendToDatabaseSync(dataDir, boardId, update, REPO_ROOT);
    return boardId;
  }
  const store = openSqliteStore(dataDir);
  try {
    store.append(boardId, update);
  } finally {
    store.close();
  }
  return boardId;
}

/**
 * Starts `node --import tsx server/index.ts` (or the compiled relay) and resolves once it printed
 * its port. Under PARCOURS_TEST_STORAGE=postgres its boards are in the database of its DATA_DIR.
 */
export async function startRelayProcess(options: RelayProcessOptions = {}): Promise<RelayProcess> {
  const dataDir = options.dataDir ?? makeTempDir('parcours-data-');
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', DATA_DIR: dataDir };
  if (testStorageIsPostgres() && options.env?.DATABASE_URL === undefined) env.DATABASE_URL = await databaseUrlFor(dataDir);
  if (options.staticDir !== undefined) env.STATIC_DIR = path.resolve(REPO_ROOT, options.staticDir);
  Object.assign(env, options.env);
  const child = spawn(process.execPath, options.compiled ? [COMPILED_RELAY] : ['--import', 'tsx', 'server/index.ts'], {
    cwd: options.compiled ? (options.cwd ?? REPO_ROOT) : REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  return new Promise((resolve, reject) => {
    let started = false;
    const fail = (why: string) => {
      if (started) return;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`relay did not start: ${why}\n${output}`));
    };
    const timer = setTimeout(() => fail('timed out'), options.startTimeoutMs ?? 15_000);
    void exited.then((code) => fail(`exited with code ${code}`));
    const onData = () => {
      const match = /listening on http:\/\/localhost:(\d+)/.exec(output);
      if (!match?.[1]) return;
      started = true;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      const port = Number(match[1]);
      const relay: RelayProcess = {
        port,
        httpUrl: `http://127.0.0.1:${port}`,
        wsUrl: `ws://127.0.0.1:${port}/sync`,
        dataDir,
        child,
        output: () => output,
        exited,
        kill: (signal = 'SIGKILL') => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          return exited;
        },
      };
      running.add(relay);
      void exited.then(() => running.delete(relay));
      resolve(relay);
    };
    child.stdout.on('data', onData);
  });
}

/** SIGKILLs every relay process still running (use in afterAll / afterEach). */
export async function killAllRelayProcesses(): Promise<void> {
  await Promise.all([...running].map((relay) => relay.kill('SIGKILL')));
}

/** Polls `predicate` until it holds; rejects after `timeoutMs` with `message`. */
export async function waitFor(predicate: () => boolean, timeoutMs = 5000, message = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves once the provider received the server's sync step 2. */
  synced: Promise<void>;
  /** Destroys provider and doc (stops reconnects and timers). Safe to call twice. */
  destroy(): void;
}

const clients = new Set<TestClient>();

/**
 * Connects a stock y-websocket provider (with `ws` as WebSocket, BroadcastChannel off so that
 * clients in one process can only meet through the relay) to `serverUrl` (…/sync) and `boardId`.
 */
export function connectClient(
  serverUrl: string,
  boardId: string,
  doc: Y.Doc = new Y.Doc(),
  params: Record<string, string> = {},
): TestClient {
  const provider = new WebsocketProvider(serverUrl, boardId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 500,
    params,
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.on('sync', (isSynced: boolean) => isSynced && resolve());
  });
  let destroyed = false;
  const client: TestClient = {
    doc,
    provider,
    synced,
    destroy: () => {
      if (destroyed) return;
      destroyed = true;
      clients.delete(client);
      provider.destroy();
      doc.destroy();
    },
  };
  clients.add(client);
  return client;
}

/** Destroys every client made by connectClient() that is still alive. */
export function destroyAllClients(): void {
  for (const client of [...clients]) client.destroy();
}

export interface RawSocket {
  ws: WebSocket;
  /** Resolves once the handshake succeeded. */
  opened: Promise<void>;
  /** Resolves with the close code and reason the client observed. */
  closed: Promise<{ code: number; reason: string }>;
}

/** A bare `ws` client (no Yjs) for feeding the relay hand-made frames; errors are swallowed. */
export function openRawSocket(url: string, options: WebSocket.ClientOptions = {}): RawSocket {
  const ws = new WebSocket(url, options);
  ws.on('error', () => undefined); // e.g. EPIPE while the relay refuses an oversized frame
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused with ${res.statusCode}`)));
  });
  opened.catch(() => undefined);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  return { ws, opened, closed };
}

/** Attempts a websocket upgrade and resolves with the HTTP status of the refusal (101 if accepted). */
export function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.on('error', () => undefined);
    ws.once('unexpected-response', (req, res) => {
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    ws.once('open', () => {
      resolve(101);
      ws.terminate();
    });
  });
}

export interface HttpResult {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * One HTTP request without connection reuse. `path` is sent verbatim (no URL normalisation),
 * so `/../x` really reaches the server.
 */
export function httpRequest(baseUrl: string, path: string, method = 'GET'): Promise<HttpResult> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path, method, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
