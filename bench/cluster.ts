/**
 * Several relay instances: what the cluster path costs.
 *
 *   npm run bench:cluster                 (about 2 min)
 *   npm run bench:cluster -- --edits=2000
 *
 * 1. Same instance: two stock y-websocket clients on one relay process (SQLite); an edit's time
 *    from the editor to the other client.
 * 2. Instance to instance: two cluster nodes (server/cluster) on a private redis-server and a
 *    shared log numbered like PostgreSQL's rows; an update's time from its commit on one
 *    instance to its application on the other (what a cross-instance edit adds to 1), with no
 *    message dropped and with 30 % dropped (the seq catch-up), and how many updates are lost.
 *
 * 2b. Through relay processes: 1 and 3 instances (editor on the first, the other client on the
 *    last), boards in SQLite (one DATA_DIR) and in PostgreSQL (DATABASE_URL, a private server),
 *    and the time for a client of a killed instance (kill -9) to be back in sync on another one.
 *
 * 3. Hocuspocus 3.4.4 with @hocuspocus/extension-redis, two processes on the same Redis: an
 *    edit's time to a client of the same instance and to a client of the other (the reference).
 *
 * 4. kill -9 while an editor types, ours (a relay process, SQLite) and Hocuspocus storing through
 *    its onStoreDocument hook: of the edits a watcher had received, how many storage lacks.
 *
 * Clients and nodes share this process's clock. See docs/benchmarks.md, "Several instances".
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { ClusterBus } from '../server/cluster/bus';
import { ClusterNode } from '../server/cluster/node';
import { silentLogger } from '../server/log';
import { createMemoryStore } from '../server/storage/memory';
import { openSqliteStore } from '../server/storage/sqlite';
import { Room } from '../server/room';
import { clusterRoomOver, SharedLog } from '../tests/helpers/cluster';
import { findPostgresBin, startPostgres, type PostgresServer } from '../tests/helpers/postgres';
import { startRedis, type RedisServer } from '../tests/helpers/redis';
import {
  cleanupTempDirs,
  connectClient,
  createTestBoard,
  destroyAllClients,
  killAllRelayProcesses,
  makeTempDir,
  startRelayProcess,
  waitFor,
  type RelayProcess,
} from '../tests/helpers/relay';
import { BenchClient } from './lib/benchClient';
import { REPO_ROOT } from './lib/relays';
import { flag, fmt, printTable, quantiles } from './lib/report';

const EDITS = Number(flag('edits') ?? 1000);
/** One edit every this many ms: a lively workshop, not a flood (queueing would measure the rate). */
const EDIT_EVERY_MS = 5;
const BOARD = 'bench-cluster';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Writes EDITS keys into `editor`'s 'bench' map, one every EDIT_EVERY_MS, noting when each was
 * made; resolves once they are written with, for each of `watchers`, the times from an edit to its
 * arrival there (filled as edits arrive: wait for EDITS of them).
 */
async function timeEdits<W extends readonly Y.Doc[]>(editor: Y.Doc, watchers: W): Promise<{ [K in keyof W]: number[] }> {
  const sentAt = new Map<number, number>();
  const arrivals = watchers.map((watcher) => {
    const samples: number[] = [];
    watcher.getMap<number>('bench').observe((event) => {
      const now = performance.now();
      for (const key of event.keysChanged) {
        const at = sentAt.get(Number(key));
        if (at !== undefined) samples.push(now - at);
      }
    });
    return samples;
  });
  const map = editor.getMap<number>('bench');
  for (let i = 0; i < EDITS; i++) {
    sentAt.set(i, performance.now());
    map.set(String(i), i);
    await sleep(EDIT_EVERY_MS);
  }
  return arrivals as { [K in keyof W]: number[] };
}

interface RelaysResult {
  samples: number[];
  /** kill -9 of the last instance to its client, reopened on the first, synced with every edit. */
  resyncMs: number | null;
}

/**
 * Edit-to-remote through `instances` relay processes (on Redis when more than one), boards in
 * SQLite or in PostgreSQL database `name`: the editor on the first, the other client on the last.
 */
async function throughRelays(redis: RedisServer, instances: number, postgres: PostgresServer | null, name: string): Promise<RelaysResult> {
  const dataDir = makeTempDir('parcours-bench-cluster-');
  const env: Record<string, string> = instances > 1 ? { REDIS_URL: redis.url } : {};
  if (postgres) env.DATABASE_URL = await postgres.createDatabase(name);
  const relays: RelayProcess[] = [];
  for (let i = 0; i < instances; i++) relays.push(await startRelayProcess({ dataDir, env: { ...env, INSTANCE_ID: `relay-${i}` } }));
  const first = relays[0]!;
  const last = relays[instances - 1]!;
  const board = await createTestBoard(first.httpUrl);
  const editor = connectClient(first.wsUrl, board.boardId, new Y.Doc(), board.params);
  const viewer = connectClient(last.wsUrl, board.boardId, new Y.Doc(), board.params);
  await Promise.all([editor.synced, viewer.synced]);
  const [samples] = await timeEdits(editor.doc, [viewer.doc] as const);
  await waitFor(() => samples.length === EDITS, 30_000, 'every edit seen');
  let resyncMs: number | null = null;
  if (instances > 1) {
    // The viewer's instance dies; the balancer sends its next connection to another one.
    viewer.provider.destroy();
    const killedAt = performance.now();
    await last.kill('SIGKILL');
    editor.doc.getMap<number>('bench').set('after-kill', -1);
    const again = connectClient(first.wsUrl, board.boardId, viewer.doc, board.params);
    await again.synced;
    await waitFor(() => viewer.doc.getMap('bench').has('after-kill'), 10_000, 'the reopened client in sync');
    resyncMs = performance.now() - killedAt;
  }
  destroyAllClients();
  await killAllRelayProcesses();
  return { samples, resyncMs };
}

interface HopResult {
  samples: number[];
  lost: number;
  catchUps: number;
}

/** Commit on node a to application on node b, through Redis and the seq feed. */
async function instanceHop(redis: RedisServer, dropShare: number): Promise<HopResult> {
  const log = new SharedLog();
  const committedAt = new Map<number, number>();
  const samples: number[] = [];
  const docB = new Y.Doc();
  const nodes: ClusterNode[] = [];
  const rooms: Room[] = [];
  for (const id of ['a', 'b']) {
    const bus = await ClusterBus.connectAndWait({
      url: redis.url,
      log: silentLogger,
      instanceId: id,
      dropShare: id === 'b' ? dropShare : 0,
    });
    const node = new ClusterNode({ bus, store: log, log: silentLogger });
    const room = new Room({ boardId: BOARD, store: createMemoryStore(), log: silentLogger, compactEvery: 1_000_000 });
    rooms.push(room);
    const clusterRoom = clusterRoomOver(room, {
      applyRemote: (update, seq) => {
        Y.applyUpdate(docB, update);
        const at = committedAt.get(seq);
        if (at !== undefined) samples.push(performance.now() - at);
      },
      closeAll: () => undefined,
    });
    await node.prepare(BOARD);
    node.attach(BOARD, clusterRoom, 0);
    nodes.push(node);
  }
  const [a, b] = nodes as [ClusterNode, ClusterNode];
  const docA = new Y.Doc();
  docA.on('update', (update: Uint8Array) => {
    const seq = log.append(update);
    committedAt.set(seq, performance.now());
    a.committed(BOARD, update, seq);
  });
  for (let i = 0; i < EDITS; i++) {
    docA.getMap('bench').set(String(i), i);
    await sleep(EDIT_EVERY_MS);
  }
  await waitFor(() => b.feedOf(BOARD)!.appliedSeq === log.rows.length, 20_000, 'node b caught up');
  const lost = EDITS - docB.getMap('bench').size;
  const catchUps = b.feedOf(BOARD)!.catchUps;
  for (const node of nodes) await node.close();
  for (const room of rooms) room.destroy(1001, 'bench over');
  return { samples, lost, catchUps };
}

/** Starts one Hocuspocus process joined to `redis`; resolves with its port and a stop function. */
function startHocuspocus(redis: RedisServer | null, storeDir?: string): Promise<{ port: number; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/lib/clusterHocuspocus.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      REDIS_PORT: redis ? String(redis.port) : '',
      STORE_DIR: storeDir ?? '',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hocuspocus did not start:\n${output}`)), 20_000);
    child.once('exit', (code) => reject(new Error(`hocuspocus exited with ${code}:\n${output}`)));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const match = /listening on http:\/\/localhost:(\d+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({ port: Number(match[1]), stop: () => child.kill('SIGKILL') });
    });
  });
}

/** Hocuspocus: one editor on instance 1; watchers on instance 1 and on instance 2. */
async function hocuspocus(redis: RedisServer): Promise<{ same: number[]; cross: number[]; lostSame: number; lostCross: number }> {
  const first = await startHocuspocus(redis);
  const second = await startHocuspocus(redis);
  const board = `bench-${Date.now()}`;
  const url = (port: number) => `ws://127.0.0.1:${port}/${board}`;
  const editor = new BenchClient(url(first.port), board, 'hocuspocus');
  const near = new BenchClient(url(first.port), board, 'hocuspocus');
  const far = new BenchClient(url(second.port), board, 'hocuspocus');
  try {
    await Promise.all([editor.synced, near.synced, far.synced]);
    const [same, cross] = await timeEdits(editor.doc, [near.doc, far.doc] as const);
    // What has not arrived after 20 s is counted as lost rather than failing the run.
    await waitFor(() => same.length === EDITS && cross.length === EDITS, 20_000, 'every Hocuspocus edit seen').catch(() => undefined);
    return { same, cross, lostSame: EDITS - near.doc.getMap('bench').size, lostCross: EDITS - far.doc.getMap('bench').size };
  } finally {
    for (const client of [editor, near, far]) client.close();
    first.stop();
    second.stop();
  }
}

/** What one round of the kill test found: edits another client had received, and those of them not in storage. */
interface KillRound {
  acknowledged: number;
  lost: number;
}

const KILL_ROUNDS = 3;
/** The editor's edits per round; the server is killed after KILL_AFTER of them, while it keeps editing. */
const KILL_EDITS = 150;
const KILL_AFTER = 120;

/** A pause in the typing, halfway to the kill: long enough for a debounced store to run (Hocuspocus' 2 s). */
const KILL_PAUSE_MS = 2500;

/**
 * Edits from `editor`, one every EDIT_EVERY_MS, with a pause of KILL_PAUSE_MS halfway; `kill`
 * runs after KILL_AFTER of them, the rest go to a dead server.
 */
async function editThenKill(editor: Y.Doc, kill: () => Promise<void>): Promise<void> {
  const map = editor.getMap<number>('bench');
  for (let i = 0; i < KILL_EDITS; i++) {
    if (i === KILL_AFTER / 2) await sleep(KILL_PAUSE_MS);
    if (i === KILL_AFTER) await kill();
    map.set(String(i), i);
    await sleep(EDIT_EVERY_MS);
  }
}

/** Keys of the 'bench' map in a stored Yjs state. */
function storedKeys(updates: readonly Uint8Array[]): Set<string> {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return new Set(doc.getMap('bench').keys());
}

/**
 * kill -9 with edits in flight: an editor and a watcher on one server; the server is killed
 * while the editor types; then what the storage holds is compared with what the watcher had
 * received (acknowledged by the server to another person). Ours: a relay process, SQLite.
 */
async function oursUnderKill(): Promise<KillRound> {
  const dataDir = makeTempDir('parcours-bench-kill-');
  const relay = await startRelayProcess({ dataDir });
  const board = await createTestBoard(relay.httpUrl);
  const editor = connectClient(relay.wsUrl, board.boardId, new Y.Doc(), board.params);
  const watcher = connectClient(relay.wsUrl, board.boardId, new Y.Doc(), board.params);
  await Promise.all([editor.synced, watcher.synced]);
  let acknowledged = new Set<string>();
  await editThenKill(editor.doc, async () => {
    acknowledged = new Set(watcher.doc.getMap('bench').keys());
    await relay.kill('SIGKILL');
  });
  destroyAllClients();
  const store = openSqliteStore(dataDir);
  const stored = storedKeys(store.load(board.boardId));
  store.close();
  await killAllRelayProcesses();
  return { acknowledged: acknowledged.size, lost: [...acknowledged].filter((key) => !stored.has(key)).length };
}

/** The same round on Hocuspocus storing through its onStoreDocument hook (bench/lib/clusterHocuspocus.ts). */
async function hocuspocusUnderKill(): Promise<KillRound> {
  const storeDir = makeTempDir('parcours-bench-hocuspocus-');
  const server = await startHocuspocus(null, storeDir);
  const name = `bench-kill-${Date.now()}`;
  const url = `ws://127.0.0.1:${server.port}/${name}`;
  const editor = new BenchClient(url, name, 'hocuspocus');
  const watcher = new BenchClient(url, name, 'hocuspocus');
  let acknowledged = new Set<string>();
  try {
    await Promise.all([editor.synced, watcher.synced]);
    await editThenKill(editor.doc, async () => {
      acknowledged = new Set(watcher.doc.getMap('bench').keys());
      server.stop();
      await sleep(100);
    });
  } finally {
    editor.close();
    watcher.close();
    server.stop();
  }
  const file = fs.readdirSync(storeDir).find((f) => f.endsWith('.ydoc'));
  const stored = storedKeys(file ? [fs.readFileSync(path.join(storeDir, file))] : []);
  return { acknowledged: acknowledged.size, lost: [...acknowledged].filter((key) => !stored.has(key)).length };
}

async function main(): Promise<void> {
  const redis = await startRedis();
  try {
    // One relay process, SQLite: what an edit costs without the cluster path.
    const same = (await throughRelays(redis, 1, null, 'bench_same')).samples;
    const hop = await instanceHop(redis, 0);
    const dropped = await instanceHop(redis, 0.3);
    const postgres = findPostgresBin() !== null ? await startPostgres() : null;
    if (!postgres) console.warn('PostgreSQL not installed: the PostgreSQL rows are left out');
    const relayRuns: { label: string; result: RelaysResult }[] = [];
    try {
      for (const store of postgres ? [null, postgres] : [null])
        for (const instances of [1, 3]) {
          const label = `${instances} relay process${instances > 1 ? 'es' : ''}, ${store ? 'PostgreSQL' : 'SQLite'}, first to last`;
          relayRuns.push({ label, result: await throughRelays(redis, instances, store, `bench_${instances}_${relayRuns.length}`) });
        }
    } finally {
      postgres?.stop();
    }
    const reference = await hocuspocus(redis);
    const killRounds: { ours: KillRound; theirs: KillRound }[] = [];
    for (let round = 0; round < KILL_ROUNDS; round++) killRounds.push({ ours: await oursUnderKill(), theirs: await hocuspocusUnderKill() });
    const row = (name: string, samples: number[], lost: string, catchUps: string) => {
      const q = quantiles(samples);
      return [name, String(samples.length), fmt(q.p50, 2), fmt(q.p95, 2), fmt(q.p99, 2), lost, catchUps];
    };
    printTable(
      `Several instances: ${EDITS} edits, one every ${EDIT_EVERY_MS} ms (ms)`,
      ['path', 'samples', 'p50', 'p95', 'p99', 'lost', 'catch-ups'],
      [
        row('same instance, client to client (websockets, SQLite)', same, '0', '–'),
        row('instance to instance, commit to apply (Redis)', hop.samples, String(hop.lost), String(hop.catchUps)),
        row('instance to instance, 30 % of messages dropped', dropped.samples, String(dropped.lost), String(dropped.catchUps)),
        ...relayRuns.map(({ label, result }) => row(label, result.samples, '0', '–')),
        row('Hocuspocus + Redis extension, same instance', reference.same, String(reference.lostSame), '–'),
        row('Hocuspocus + Redis extension, other instance', reference.cross, String(reference.lostCross), '–'),
      ],
    );
    printTable(
      'A client of an instance killed with kill -9, reopened on another: back in sync (ms)',
      ['store', 'ms'],
      relayRuns.filter(({ result }) => result.resyncMs !== null).map(({ label, result }) => [label, fmt(result.resyncMs!, 0)]),
    );
    const sum = (pick: (r: { ours: KillRound; theirs: KillRound }) => number) => String(killRounds.reduce((n, r) => n + pick(r), 0));
    printTable(
      `kill -9 of the server while an editor types (${KILL_ROUNDS} rounds, a pause of ${KILL_PAUSE_MS / 1000} s after ${KILL_AFTER / 2} edits, killed after ${KILL_AFTER} of ${KILL_EDITS}): edits a watcher had received, and how many of them storage lacks`,
      ['server', 'acknowledged', 'lost'],
      [
        ['Parcours relay, SQLite', sum((r) => r.ours.acknowledged), sum((r) => r.ours.lost)],
        ['Hocuspocus, onStoreDocument (default debounce 2 s)', sum((r) => r.theirs.acknowledged), sum((r) => r.theirs.lost)],
      ],
    );
  } finally {
    await redis.stop('SIGTERM');
    cleanupTempDirs();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
