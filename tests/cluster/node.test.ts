/**
 * Cluster nodes on a real Redis around a shared log of seq-numbered rows (what PostgreSQL holds):
 * each instance's copy of the board converges whatever pub/sub loses, close orders reach every
 * instance, and an instance that lost Redis catches up once it is back.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ClusterBus } from '../../server/cluster/bus';
import { ClusterNode } from '../../server/cluster/node';
import { silentLogger } from '../../server/log';
import { createMemoryStore } from '../../server/storage/memory';
import { Room } from '../../server/room';
import { clusterRoomOver, SharedLog } from '../helpers/cluster';
import { clusterToolsAvailable, startRedis, stopRedis, type RedisServer } from '../helpers/redis';
import { waitFor } from '../helpers/relay';

const available = clusterToolsAvailable();
const BOARD = 'node-board';

/** One instance: a node, a room for presence and close orders, and the board as this instance holds it. */
interface Instance {
  node: ClusterNode;
  doc: Y.Doc;
  closes: { code: number; reason: string }[];
  /** Edits here: stored in the shared log, then published (what the relay does after a commit). */
  edit(text: string): void;
}

describe.runIf(available)('cluster nodes on a shared log', () => {
  let redis: RedisServer;
  const made: Instance[] = [];
  const rooms: Room[] = [];

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await stopRedis(redis);
  });
  afterEach(async () => {
    for (const { node, doc } of made.splice(0)) {
      await node.close();
      doc.destroy();
    }
    for (const room of rooms.splice(0)) room.destroy(1001, 'test over');
  });

  async function instance(id: string, log: SharedLog, dropShare = 0): Promise<Instance> {
    const bus = await ClusterBus.connectAndWait({ url: redis.url, log: silentLogger, instanceId: id, dropShare });
    const node = new ClusterNode({ bus, store: log, log: silentLogger, checkEveryMs: 200 });
    const doc = new Y.Doc();
    const closes: { code: number; reason: string }[] = [];
    const room = new Room({ boardId: BOARD, store: createMemoryStore(), log: silentLogger, compactEvery: 1000 });
    rooms.push(room);
    const clusterRoom = clusterRoomOver(room, {
      applyRemote: (update) => Y.applyUpdate(doc, update, 'remote'),
      closeAll: (code, reason) => closes.push({ code, reason }),
    });
    await node.prepare(BOARD);
    for (const row of await log.loadSince(BOARD, 0)) Y.applyUpdate(doc, row.update);
    node.attach(BOARD, clusterRoom, log.rows.length);
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'remote') return;
      node.committed(BOARD, update, log.append(update));
    });
    const result: Instance = {
      node,
      doc,
      closes,
      edit: (text) => doc.getText('t').insert(doc.getText('t').length, text),
    };
    made.push(result);
    return result;
  }

  const text = (instance: Instance) => instance.doc.getText('t').toString();
  const converged = (instances: Instance[]) => instances.every((i) => text(i) === text(instances[0]!) && text(i).length > 0);

  it('converges three instances with 30 % of update messages dropped', async () => {
    const log = new SharedLog();
    const instances = [await instance('a', log, 0.3), await instance('b', log, 0.3), await instance('c', log, 0.3)];
    for (let i = 0; i < 300; i++) instances[i % 3]!.edit(String(i % 10));
    await waitFor(() => converged(instances), 10_000);
    expect(text(instances[0]!)).toHaveLength(300);
    const stored = new Y.Doc();
    for (const row of log.rows) Y.applyUpdate(stored, row.update);
    expect(stored.getText('t').toString()).toBe(text(instances[0]!));
    // The convergence came from the store: some feeds had to read it.
    expect(instances.reduce((n, i) => n + i.node.feedOf(BOARD)!.catchUps, 0)).toBeGreaterThan(0);
  });

  it('catches a lost last message with the periodic check', async () => {
    const log = new SharedLog();
    const a = await instance('a', log);
    const b = await instance('b', log, 1); // b hears no update at all
    a.edit('only');
    await waitFor(() => text(b) === 'only', 10_000);
  });

  it('a board opened while others edit holds everything: subscribed, then loaded, then the rest', async () => {
    const log = new SharedLog();
    const a = await instance('a', log);
    const editing = setInterval(() => a.edit('x'), 2);
    try {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const b = await instance('b', log);
      await new Promise((resolve) => setTimeout(resolve, 50));
      clearInterval(editing);
      await waitFor(() => converged([a, b]), 10_000);
      expect(text(b)).toHaveLength(log.rows.length);
    } finally {
      clearInterval(editing);
    }
  });

  it('a board loaded before it is subscribed (follow) gets what was stored in between', async () => {
    const log = new SharedLog();
    const a = await instance('a', log);
    a.edit('before ');
    // b loads the board now, at this seq…
    const doc = new Y.Doc();
    for (const row of await log.loadSince(BOARD, 0)) Y.applyUpdate(doc, row.update);
    const loadedSeq = log.rows.length;
    // …a goes on editing before b could subscribe: b hears none of it.
    a.edit('between ');
    const bus = await ClusterBus.connectAndWait({ url: redis.url, log: silentLogger, instanceId: 'b' });
    const node = new ClusterNode({ bus, store: log, log: silentLogger, checkEveryMs: 60_000 });
    const room = new Room({ boardId: BOARD, store: createMemoryStore(), log: silentLogger, compactEvery: 1000 });
    rooms.push(room);
    made.push({ node, doc, closes: [], edit: () => undefined });
    const remote = { applyRemote: (update: Uint8Array) => Y.applyUpdate(doc, update, 'remote'), closeAll: () => undefined };
    node.follow(BOARD, clusterRoomOver(room, remote), loadedSeq);
    // The periodic check is a minute away: only the catch-up after subscribing can bring it.
    await waitFor(() => doc.getText('t').toString() === 'before between ', 10_000);
    a.edit('after');
    await waitFor(() => doc.getText('t').toString() === 'before between after', 10_000);
  });

  it('sends close orders to every other instance', async () => {
    const log = new SharedLog();
    const a = await instance('a', log);
    const b = await instance('b', log);
    const c = await instance('c', log);
    // A code no application may close a websocket with is ignored (ws would throw on it).
    a.node.closeBoardEverywhere(BOARD, 1005, 'no status');
    a.node.closeBoardEverywhere(BOARD, 4403, 'revoked');
    await waitFor(() => b.closes.length === 1 && c.closes.length === 1, 10_000);
    expect(b.closes[0]).toEqual({ code: 4403, reason: 'revoked' });
    expect(a.closes).toEqual([]);
  });

  it('keeps editing while Redis is down and converges once it is back', async () => {
    const log = new SharedLog();
    const a = await instance('a', log);
    const b = await instance('b', log);
    expect(await a.node.redisHealthy()).toBe(true);
    await redis.stop();
    expect(await a.node.redisHealthy()).toBe(false);
    a.edit('while ');
    b.edit('away ');
    // Each instance still serves its own edits, and reads the other's from the store.
    await waitFor(() => converged([a, b]), 10_000);
    await redis.restart();
    a.edit('back');
    await waitFor(() => converged([a, b]) && text(a).endsWith('back'), 15_000);
    // Reconnection backs off up to a second: wait for it rather than race it.
    const deadline = Date.now() + 10_000;
    while (!(await b.node.redisHealthy()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await b.node.redisHealthy()).toBe(true);
  }, 30_000);
});
