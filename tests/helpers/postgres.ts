/**
 * A private PostgreSQL server for the storage tests: initdb in a temp dir, pg_ctl start on a free
 * loopback port (its socket in that dir, fsync on), one database per test file, stopped by
 * pg_ctl at the end. PostgreSQL refuses to run as root: as root, the tools run as `postgres`.
 */
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './redis';

/** The one line printed when the PostgreSQL suites cannot run here. */
export const POSTGRES_HINT = 'PostgreSQL tests skipped: apt-get install postgresql';

/** The directory holding initdb and pg_ctl (PATH first, then Debian's versioned directories), or null. */
export function findPostgresBin(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl'))) return dir;
  }
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? path.join(root, versions[0]!, 'bin') : null;
}

let hinted = false;
/** Whether the PostgreSQL suites run; with REQUIRE_CLUSTER_TOOLS=1 a missing binary is an error. */
export function postgresAvailable(): boolean {
  if (findPostgresBin() !== null) return true;
  if (process.env.REQUIRE_CLUSTER_TOOLS === '1') throw new Error(`REQUIRE_CLUSTER_TOOLS=1 but ${POSTGRES_HINT}`);
  if (!hinted) console.warn(POSTGRES_HINT);
  hinted = true;
  return false;
}

export interface PostgresServer {
  port: number;
  /** postgres://postgres@127.0.0.1:<port>/<database> */
  urlFor(database: string): string;
  /** Creates a database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** `pg_ctl restart -m immediate`: what a crash of the database server looks like. */
  restartImmediate(): void;
  /** The same without blocking this process: its clients keep working while PostgreSQL is down. */
  restartImmediateInBackground(): Promise<void>;
  /** `pg_ctl stop -m immediate`: the database server is gone until start(). */
  stopImmediate(): void;
  /** Starts the server again after stopImmediate(), on the same port. */
  start(): void;
  stop(): void;
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = findPostgresBin();
  if (bin === null) throw new Error(POSTGRES_HINT);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parcours-pg-'));
  const data = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    fs.chownSync(dir, uid, gid);
  }
  const run = (tool: string, args: string[]): void => {
    const command = path.join(bin, tool);
    if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' });
    else execFileSync(command, args, { stdio: 'pipe' });
  };
  const runInBackground = (tool: string, args: string[]): Promise<void> => {
    const command = path.join(bin, tool);
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
    return new Promise((resolve, reject) => execFile(file, argv, (error) => (error ? reject(error) : resolve())));
  };
  const port = await freePort();
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
  const startArgs = [
    '-D',
    data,
    '-l',
    path.join(dir, 'server.log'),
    '-w',
    '-o',
    `-k ${dir} -c listen_addresses=127.0.0.1 -p ${port} -c fsync=on`,
  ];
  run('pg_ctl', [...startArgs, 'start']);
  let running = true;
  const urlFor = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    port,
    urlFor,
    createDatabase: async (name) => {
      const client = new pg.Client({ connectionString: urlFor('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
      return urlFor(name);
    },
    restartImmediate: () => run('pg_ctl', [...startArgs, '-m', 'immediate', 'restart']),
    restartImmediateInBackground: () => runInBackground('pg_ctl', [...startArgs, '-m', 'immediate', 'restart']),
    stopImmediate: () => run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']),
    start: () => run('pg_ctl', [...startArgs, 'start']),
    stop: () => {
      if (!running) return;
      running = false;
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
