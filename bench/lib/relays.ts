/** Starts the three relays under comparison, each in its own child process, the same way. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { newBoardId } from '../../src/model/ids';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export type RelayKind = 'parcours' | 'y-websocket' | 'hocuspocus';
export const RELAY_KINDS: readonly RelayKind[] = ['parcours', 'y-websocket', 'hocuspocus'];

/** Hocuspocus prefixes every message with the document name and needs an auth message first. */
export type Dialect = 'y-websocket' | 'hocuspocus';

export interface Relay {
  kind: RelayKind;
  dialect: Dialect;
  pid: number;
  port: number;
  /** The websocket URL a client of `board` opens (with its token on our relay). */
  url(board: string): string;
  /**
   * A board to open. Our relay refuses ids it has never seen, so it makes one through
   * POST /api/boards and keeps its facilitator token; the reference relays take any fresh id.
   */
  newBoard(): Promise<string>;
  /** Query parameters a stock provider of `board` sends (the token of a board from newBoard on our relay). */
  params(board: string): Record<string, string>;
  /** Where this relay keeps stored boards (DATA_DIR or BENCH_STORE_DIR). */
  dataDir: string;
  stop(): Promise<void>;
}

const ENTRY: Record<RelayKind, string> = {
  parcours: 'server/index.ts',
  'y-websocket': 'bench/servers/ywsReference.ts',
  hocuspocus: 'bench/servers/hocuspocusReference.ts',
};

export interface StartOptions {
  /** Extra environment (e.g. our limits). */
  env?: Record<string, string>;
  /** An existing data directory (stored boards); a fresh temp dir otherwise. */
  dataDir?: string;
  /** Extra node flags, e.g. `--cpu-prof` to profile the relay (written when it exits). */
  nodeArgs?: string[];
}

/**
 * Starts a relay with `node --import tsx <entry>` (the same loader for all three, so the
 * baseline memory is comparable) and resolves once it printed its port.
 */
export function startRelay(kind: RelayKind, options: StartOptions = {}): Promise<Relay> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), `bench-${kind}-`));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    DATA_DIR: dataDir,
    BENCH_STORE_DIR: dataDir,
    NODE_ENV: 'production',
    // Every simulated client comes from 127.0.0.1: the per-address limits would cut the load itself.
    IP_MAX_CONNECTIONS: '0',
    IP_MAX_SOCKETS: '0',
    IP_NEW_BOARDS_PER_HOUR: '0',
    IP_REQUESTS_PER_SECOND: '0',
    IP_MAX_SEND_BUFFER_BYTES: '0',
    ...options.env,
  };
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', ENTRY[kind]], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind} did not start:\n${output}`)), 20_000);
    child.once('exit', (code) => reject(new Error(`${kind} exited with ${code}:\n${output}`)));
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const match = /listening on http:\/\/localhost:(\d+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      const port = Number(match[1]);
      const dialect: Dialect = kind === 'hocuspocus' ? 'hocuspocus' : 'y-websocket';
      const tokens = new Map<string, string>();
      const params = (board: string): Record<string, string> => {
        const token = tokens.get(board);
        return token === undefined ? {} : { token };
      };
      resolve({
        kind,
        dialect,
        pid: child.pid as number,
        port,
        dataDir,
        // Hocuspocus ignores the path
        url: (board) =>
          `ws://127.0.0.1:${port}/sync/${board}${tokens.has(board) ? `?${new URLSearchParams(params(board)).toString()}` : ''}`,
        params,
        newBoard: async () => {
          if (kind !== 'parcours') return newBoardId();
          const res = await fetch(`http://127.0.0.1:${port}/api/boards`, { method: 'POST' });
          if (res.status !== 201) throw new Error(`POST /api/boards answered ${res.status}`);
          const { boardId, token } = (await res.json()) as { boardId: string; token: string };
          tokens.set(boardId, token);
          return boardId;
        },
        // SIGKILL, except for a profiled process, which must exit on its own to write its profile.
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.kill(options.nodeArgs?.length ? 'SIGINT' : 'SIGKILL');
          }),
      });
    });
  });
}
