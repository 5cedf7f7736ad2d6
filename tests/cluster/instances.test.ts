/**
 * Three relay processes serving the same board through Redis, sharing one store (one DATA_DIR
 * on this machine): stock y-websocket clients spread over them see each other's edits and
 * presence, a viewer's edits are never stored, and 30 % of pub/sub messages lost on purpose
 * change nothing.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createLink, storedBoard } from '../helpers/cluster';
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
} from '../helpers/relay';
import { clusterToolsAvailable, startRedis, stopRedis, type RedisServer } from '../helpers/redis';

const available = clusterToolsAvailable();

describe.runIf(available)('three relay instances on one board', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await stopRedis(redis);
    cleanupTempDirs();
  });
  afterEach(async () => {
    destroyAllClients();
    await killAllRelayProcesses();
  });

  async function cluster(env: Record<string, string> = {}): Promise<{ relays: RelayProcess[]; dataDir: string }> {
    const dataDir = makeTempDir('parcours-cluster-');
    const relays: RelayProcess[] = [];
    for (let i = 0; i < 3; i++)
      relays.push(await startRelayProcess({ dataDir, env: { REDIS_URL: redis.url, INSTANCE_ID: `relay-${i}`, ...env } }));
    return { relays, dataDir };
  }

  it('shows every edit and every presence on every instance, and stores no viewer edit', async () => {
    const { relays, dataDir } = await cluster();
    const board = await createTestBoard(relays[0]!.httpUrl);
    const clients = relays.map((relay) => connectClient(relay.wsUrl, board.boardId, new Y.Doc(), board.params));
    await Promise.all(clients.map((client) => client.synced));
    clients.forEach((client, i) => client.doc.getMap('notes').set(`from-${i}`, i));
    const allSeen = () => clients.every((client) => client.doc.getMap('notes').size === 3);
    await waitFor(allSeen, 10_000, 'every edit on every instance');

    clients.forEach((client, i) => client.provider.awareness.setLocalStateField('user', { name: `person ${i}` }));
    const presenceSeen = () => clients.every((client) => client.provider.awareness.getStates().size === 3);
    await waitFor(presenceSeen, 10_000, 'every presence on every instance');
    const names = [...clients[1]!.provider.awareness.getStates().values()].map((state) => (state.user as { name: string }).name).sort();
    expect(names).toEqual(['person 0', 'person 1', 'person 2']);

    // A viewer on the third instance writes: nobody sees it, the store does not keep it.
    const viewer = connectClient(relays[2]!.wsUrl, board.boardId, new Y.Doc(), {
      token: await createLink(relays[1]!.httpUrl, board.boardId, board.token, 'viewer'),
    });
    await viewer.synced;
    viewer.doc.getMap('notes').set('from-viewer', 99);
    clients[0]!.doc.getMap('notes').set('after-viewer', 1);
    await waitFor(() => clients.every((client) => client.doc.getMap('notes').has('after-viewer')), 10_000, 'a later edit everywhere');
    expect(clients.some((client) => client.doc.getMap('notes').has('from-viewer'))).toBe(false);

    // One client leaves: its presence goes on the other instances (well before the 30 s timeout).
    const showsPersonZero = (client: (typeof clients)[number]) =>
      [...client.provider.awareness.getStates().values()].some(
        (state) => (state.user as { name?: string } | undefined)?.name === 'person 0',
      );
    expect(clients.slice(1).every(showsPersonZero)).toBe(true);
    clients[0]!.destroy();
    await waitFor(() => !clients.slice(1).some(showsPersonZero), 10_000, 'presence gone');

    const stored = await storedBoard(board.boardId, { dataDir });
    expect(stored.getMap('notes').toJSON()).toEqual({ 'from-0': 0, 'from-1': 1, 'from-2': 2, 'after-viewer': 1 });
  }, 60_000);

  it('revoking the links on one instance closes the board’s sockets on every instance', async () => {
    const { relays } = await cluster();
    const board = await createTestBoard(relays[0]!.httpUrl);
    const viewerToken = await createLink(relays[0]!.httpUrl, board.boardId, board.token, 'viewer');
    const viewers = relays.map((relay) => connectClient(relay.wsUrl, board.boardId, new Y.Doc(), { token: viewerToken }));
    await Promise.all(viewers.map((viewer) => viewer.synced));
    const codes = viewers.map(() => [] as number[]);
    viewers.forEach((viewer, i) => viewer.provider.on('connection-close', (event: CloseEvent | null) => codes[i]!.push(event?.code ?? 0)));
    const res = await fetch(`${relays[1]!.httpUrl}/api/boards/${board.boardId}/revoke`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${board.token}` },
    });
    expect(res.status).toBe(200);
    await waitFor(() => codes.every((list) => list.includes(4403)), 10_000, 'every viewer closed with 4403');
  }, 60_000);

  it('converges with 30 % of pub/sub messages dropped', async () => {
    const { relays } = await cluster({ PARCOURS_TEST_DROP_PUBSUB: '0.3' });
    const board = await createTestBoard(relays[0]!.httpUrl);
    const clients = [0, 1, 2, 0, 1, 2].map((i) => connectClient(relays[i]!.wsUrl, board.boardId, new Y.Doc(), board.params));
    await Promise.all(clients.map((client) => client.synced));
    for (let round = 0; round < 20; round++) {
      clients.forEach((client, i) => client.doc.getText('t').insert(0, String(i)));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const same = () =>
      clients.every(
        (client) =>
          client.doc.getText('t').length === 120 &&
          Buffer.from(Y.encodeStateVector(client.doc)).equals(Buffer.from(Y.encodeStateVector(clients[0]!.doc))),
      );
    await waitFor(same, 20_000, 'every client converged');
    expect(new Set(clients.map((client) => client.doc.getText('t').toString())).size).toBe(1);
  }, 60_000);
});
