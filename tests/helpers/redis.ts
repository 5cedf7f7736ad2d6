/**
 * A private redis-server for the cluster tests: its own temp dir, a free port on 127.0.0.1, no
 * persistence (Redis holds nothing durable in Parcours), stopped by its pid.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface RedisServer {
  port: number;
  /** redis://127.0.0.1:<port> */
  url: string;
  pid: number;
  /** Stops the server (SIGKILL by default: what a crash looks like) and waits for its exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port (after stop), empty like a restarted Redis without persistence. */
  restart(): Promise<void>;
}

/** The install line printed when a cluster suite cannot run here. */
export const CLUSTER_TOOLS_HINT = 'cluster tests skipped: apt-get install postgresql redis-server';

/** Whether redis-server can be run on this machine. */
export function hasRedisServer(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * Whether a cluster suite should run. Tools missing: one clear line and false, unless
 * REQUIRE_CLUSTER_TOOLS=1, where a missing tool is an error rather than a silent skip.
 */
export function clusterToolsAvailable(extra: () => boolean = () => true): boolean {
  const ok = hasRedisServer() && extra();
  if (ok) return true;
  if (process.env.REQUIRE_CLUSTER_TOOLS === '1') throw new Error(`REQUIRE_CLUSTER_TOOLS=1 but ${CLUSTER_TOOLS_HINT}`);
  console.warn(CLUSTER_TOOLS_HINT);
  return false;
}

/** A TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts TCP connections on the port (or rejects after timeoutMs). */
async function waitForPort(port: number, timeoutMs: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`redis-server did not listen on ${port} within ${timeoutMs} ms`);
}

/** Starts a redis-server of its own (on `port`, or a free one). */
export async function startRedis(port?: number): Promise<RedisServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parcours-redis-'));
  port ??= await freePort();
  let child: ChildProcess | null = null;
  let output = '';

  const launch = async (): Promise<void> => {
    const started = spawn(
      'redis-server',
      ['--port', String(port), '--save', '', '--appendonly', 'no', '--bind', '127.0.0.1', '--dir', dir, '--logfile', ''],
      { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    started.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output = (output + chunk).slice(-4000)));
    started.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output = (output + chunk).slice(-4000)));
    child = started;
    try {
      await waitForPort(port, 10_000, started);
    } catch (error) {
      started.kill('SIGKILL');
      throw new Error(`${String(error)}\n${output}`);
    }
  };

  const stop = async (signal: NodeJS.Signals = 'SIGKILL'): Promise<void> => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill(signal);
    await exited;
  };

  await launch();
  const listening = port;
  const server: RedisServer = {
    port: listening,
    url: `redis://127.0.0.1:${listening}`,
    get pid() {
      return child?.pid ?? -1;
    },
    stop,
    restart: async () => {
      await stop();
      await launch();
    },
  };
  return server;
}

/** Stops a server started by startRedis and removes nothing else (its temp dir holds no data). */
export async function stopRedis(server: RedisServer | undefined): Promise<void> {
  await server?.stop('SIGTERM');
}
