/**
 * Start time and memory of the relay as it used to run (TypeScript through tsx) and as `npm start`
 * runs it now (node on the compiled bundle): `npm run bench:startup [-- --rounds=5 --clients=20]`.
 * Start time is from spawn to the "listening on" line; RSS is the whole process tree (tsx's CLI
 * runs the relay in a child of its own), idle one second after start, then with clients editing
 * one board.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { BenchClient } from './lib/benchClient';
import { sampleProcess } from './lib/proc';
import { REPO_ROOT } from './lib/relays';
import { flag, fmt, mib, printTable } from './lib/report';

interface Mode {
  name: string;
  command: string;
  args: string[];
}

const MODES: Mode[] = [
  {
    name: 'tsx server/index.ts (npm start before)',
    command: path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
    args: ['server/index.ts'],
  },
  { name: 'node --import tsx server/index.ts (tests)', command: process.execPath, args: ['--import', 'tsx', 'server/index.ts'] },
  { name: 'node dist-server/index.js (npm start now)', command: process.execPath, args: ['dist-server/index.js'] },
];

interface Round {
  startMs: number;
  idleRss: number;
  loadedRss: number;
  processes: number;
}

/** pid and its descendants, from /proc/<pid>/task/<tid>/children. */
function processTree(pid: number): number[] {
  const children = fs
    .readdirSync(`/proc/${pid}/task`)
    .flatMap((tid) => fs.readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
  return [pid, ...children.flatMap(processTree)];
}

function treeRss(pid: number): { rss: number; processes: number } {
  const pids = processTree(pid);
  return { rss: pids.reduce((sum, p) => sum + sampleProcess(p).rssBytes, 0), processes: pids.length };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function start(mode: Mode, dataDir: string): Promise<{ child: ChildProcess; port: number; startMs: number }> {
  const env = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    DATA_DIR: dataDir,
    IP_MAX_CONNECTIONS: '0',
    IP_MAX_SOCKETS: '0',
    IP_REQUESTS_PER_SECOND: '0',
  };
  const spawned = performance.now();
  const child = spawn(mode.command, mode.args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${mode.name} exited with ${code}:\n${output}`)));
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const match = /listening on http:\/\/localhost:(\d+)/.exec(output);
      if (match) resolve({ child, port: Number(match[1]), startMs: performance.now() - spawned });
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Clients on one board made through the API, each adding touchpoint-sized entries. */
async function edit(port: number, clients: number, editsPerClient: number): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${port}/api/boards`, { method: 'POST' });
  const { boardId, token } = (await res.json()) as { boardId: string; token: string };
  const url = `ws://127.0.0.1:${port}/sync/${boardId}?token=${encodeURIComponent(token)}`;
  const peers = Array.from({ length: clients }, () => new BenchClient(url, boardId, 'y-websocket', { full: false }));
  await Promise.all(peers.map((peer) => peer.synced));
  for (let i = 0; i < editsPerClient; i++) {
    for (const [n, peer] of peers.entries()) {
      peer.doc.getMap('touchpoints').set(`tp-${n}-${i}`, new Y.Map([['text', `Je compare les offres ${n}-${i}`]]));
    }
    await sleep(5);
  }
  await sleep(500);
  for (const peer of peers) peer.ws.close();
}

async function measure(mode: Mode, clients: number): Promise<Round> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-startup-'));
  const { child, port, startMs } = await start(mode, dataDir);
  await sleep(1000);
  const idle = treeRss(child.pid as number);
  await edit(port, clients, 50);
  const loaded = treeRss(child.pid as number);
  await stop(child);
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { startMs, idleRss: idle.rss, loadedRss: loaded.rss, processes: idle.processes };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist-server', 'index.js')))
    throw new Error('dist-server/index.js is missing: run `npm run build` first');
  const rounds = Number(flag('rounds') ?? 5);
  const clients = Number(flag('clients') ?? 20);
  const results = new Map<Mode, Round[]>(MODES.map((mode) => [mode, []]));
  // Interleaved, so that a busy moment of the machine does not fall on one mode only.
  for (let round = 0; round < rounds; round++) {
    for (const mode of MODES) results.get(mode)?.push(await measure(mode, clients));
  }
  printTable(
    `Relay start and memory, median of ${rounds} rounds (${os.cpus().length} cores, node ${process.version})`,
    ['how it runs', 'processes', 'start (ms)', 'min–max (ms)', 'RSS idle (MiB)', `RSS, ${clients} clients editing (MiB)`],
    MODES.map((mode) => {
      const rows = results.get(mode) ?? [];
      const starts = rows.map((r) => r.startMs);
      return [
        mode.name,
        String(rows[0]?.processes ?? 0),
        fmt(median(starts), 0),
        `${fmt(Math.min(...starts), 0)}–${fmt(Math.max(...starts), 0)}`,
        mib(median(rows.map((r) => r.idleRss))),
        mib(median(rows.map((r) => r.loadedRss))),
      ];
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
