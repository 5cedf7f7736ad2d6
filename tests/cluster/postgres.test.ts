/**
 * Three relay processes on ONE PostgreSQL (DATABASE_URL: boards, links, versions) and one
 * Redis: stock y-websocket clients spread over them converge, a participant's structure change
 * is refused whichever instance it reaches, and a viewer's edits are never stored.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initBoard, renameLane } from '../../src/doc/commands';
import { readBoard } from '../../src/doc/projection';
import { defaultBoard } from '../../src/model/defaults';
import { createLink, storedBoard } from '../helpers/cluster';
import { postgresAvailable, startPostgres, type PostgresServer } from '../helpers/postgres';
import { clusterToolsAvailable, startRedis, stopRedis, type RedisServer } from '../helpers/redis';
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

const available = clusterToolsAvailable() && postgresAvailable();
const STAGES = ['Découverte', 'Évaluation', 'Achat', 'Usage & fidélisation', 'Recommandation'];

describe.runIf(available)('three relay instances on one PostgreSQL and one Redis', () => {
  let redis: RedisServer;
  let postgres: PostgresServer;
  let url: string;
  let relays: RelayProcess[] = [];
  beforeAll(async () => {
    redis = await startRedis();
    postgres = await startPostgres();
    url = await postgres.createDatabase('cluster_postgres');
    // One DATA_DIR for the signing secret only: boards and links are in PostgreSQL.
    const dataDir = makeTempDir('parcours-cluster-pg-');
    for (let i = 0; i < 3; i++)
      relays.push(await startRelayProcess({ dataDir, env: { REDIS_URL: redis.url, DATABASE_URL: url, INSTANCE_ID: `pg-${i}` } }));
  }, 60_000);
  afterEach(() => destroyAllClients());
  afterAll(async () => {
    await killAllRelayProcesses();
    relays = [];
    await stopRedis(redis);
    postgres?.stop();
    cleanupTempDirs();
  });

  it('converges, refuses a participant’s structure change on every instance, and stores no viewer edit', async () => {
    const board = await createTestBoard(relays[0]!.httpUrl);
    const facilitator = connectClient(relays[0]!.wsUrl, board.boardId, new Y.Doc(), board.params);
    await facilitator.synced;
    initBoard(facilitator.doc, defaultBoard('fr'));
    const clients = relays.map((relay) => connectClient(relay.wsUrl, board.boardId, new Y.Doc(), board.params));
    await Promise.all(clients.map((client) => client.synced));
    clients.forEach((client, i) => client.doc.getMap('notes').set(`from-${i}`, i));
    await waitFor(
      () => [facilitator, ...clients].every((c) => c.doc.getMap('notes').size === 3 && readBoard(c.doc).stages.length === 5),
      15_000,
      'every edit on every instance',
    );

    // A participant renames a stage through each instance in turn: each is closed with 4409.
    const participantToken = await createLink(relays[1]!.httpUrl, board.boardId, board.token, 'participant');
    for (const [i, relay] of relays.entries()) {
      const participant = connectClient(relay.wsUrl, board.boardId, new Y.Doc(), { token: participantToken });
      const codes: number[] = [];
      participant.provider.on('connection-close', (event: CloseEvent | null) => codes.push(event?.code ?? 0));
      await participant.synced;
      await waitFor(() => readBoard(participant.doc).stages.length === 5, 10_000, 'the board at the participant');
      renameLane(participant.doc, 'stages', readBoard(participant.doc).stages[i]!.id, `Renommée sur l’instance ${i}`);
      await waitFor(() => codes.includes(4409), 10_000, `the refusal on instance ${i}`);
      participant.destroy();
    }

    // A viewer on the third instance writes: nobody sees it, PostgreSQL does not keep it.
    const viewer = connectClient(relays[2]!.wsUrl, board.boardId, new Y.Doc(), {
      token: await createLink(relays[0]!.httpUrl, board.boardId, board.token, 'viewer'),
    });
    await viewer.synced;
    viewer.doc.getMap('notes').set('from-viewer', 99);
    clients[0]!.doc.getMap('notes').set('after-viewer', 1);
    await waitFor(() => clients.every((c) => c.doc.getMap('notes').has('after-viewer')), 10_000, 'a later edit everywhere');
    expect(clients.some((c) => c.doc.getMap('notes').has('from-viewer'))).toBe(false);

    const kept = await storedBoard(board.boardId, { databaseUrl: url });
    expect(kept.getMap('notes').toJSON()).toEqual({ 'from-0': 0, 'from-1': 1, 'from-2': 2, 'after-viewer': 1 });
    expect(readBoard(kept).stages.map((s) => s.name)).toEqual(STAGES);
    for (const client of clients) expect(readBoard(client.doc).stages.map((s) => s.name)).toEqual(STAGES);
  }, 90_000);
});
