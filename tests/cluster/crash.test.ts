/**
 * Crashes across relay processes, nothing mocked: 20 stock y-websocket clients spread over three
 * relay instances (one Redis, one store shared by the three) keep editing while an instance is
 * killed with SIGKILL and restarted on its port five times, and while Redis is killed and
 * restarted on its port.
 *
 * "Acknowledged": an edit that a client connected to ANOTHER instance received. An instance only
 * publishes an update after its commit, and another instance only reads it from the store or from
 * that publication, so such an edit was stored. At the end every acknowledged edit (and, once all
 * clients converged, every edit any client holds) must be in the store: the stored board is rebuilt
 * from the store's rows after every relay is killed, and every client's edits are looked up in it.
 * All clients must converge: equal state vectors and equal JSON.
 *
 * The store is one PostgreSQL database (DATABASE_URL) shared by the three processes; PostgreSQL is
 * also restarted with `pg_ctl restart -m immediate` (a crash of the database) while they edit.
 * Without the PostgreSQL binaries the instances share one DATA_DIR instead (SQLite, one machine).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { storedBoard } from '../helpers/cluster';
import { findPostgresBin, startPostgres, type PostgresServer } from '../helpers/postgres';
import { mulberry32 } from '../helpers/mulberry32';
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
  type TestClient,
} from '../helpers/relay';
import { clusterToolsAvailable, startRedis, stopRedis, type RedisServer } from '../helpers/redis';

const available = clusterToolsAvailable();
const onPostgres = findPostgresBin() !== null;
const INSTANCES = 3;
const CLIENTS = 20;
/** Each client's pause between two edits. */
const EDIT_EVERY_MS = 150;

// Each stock provider listens to the process's exit (to say its presence is gone).
process.setMaxListeners(CLIENTS + 10);

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Editor {
  client: TestClient;
  /** The instance it connects to (the same after a restart: same port). */
  instance: number;
  /** Keys it wrote. */
  written: string[];
}

describe.runIf(available)('relay instances killed while clients edit', () => {
  let redis: RedisServer;
  let postgres: PostgresServer | undefined;
  let databases = 0;
  beforeAll(async () => {
    redis = await startRedis();
    if (onPostgres) postgres = await startPostgres();
  });
  afterAll(async () => {
    await stopRedis(redis);
    postgres?.stop();
    cleanupTempDirs();
  });
  afterEach(async () => {
    destroyAllClients();
    await killAllRelayProcesses();
  });

  /** Runs the scenario; resolves with the close codes the clients saw. */
  async function run(crash: (kit: { relays: RelayProcess[]; restart(i: number): Promise<void> }) => Promise<void>): Promise<number[]> {
    const dataDir = makeTempDir('parcours-crash-');
    const databaseUrl = postgres ? await postgres.createDatabase(`crash_${++databases}`) : undefined;
    const env = (i: number, port = 0) => ({
      REDIS_URL: redis.url,
      INSTANCE_ID: `relay-${i}`,
      PORT: String(port),
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    });
    const relays: RelayProcess[] = [];
    for (let i = 0; i < INSTANCES; i++) relays.push(await startRelayProcess({ dataDir, env: env(i) }));
    const restart = async (i: number): Promise<void> => {
      const port = relays[i]!.port;
      await relays[i]!.kill('SIGKILL');
      relays[i] = await startRelayProcess({ dataDir, env: env(i, port) });
    };

    const board = await createTestBoard(relays[0]!.httpUrl);
    const acknowledged = new Set<string>();
    const closeCodes: number[] = [];
    const editors: Editor[] = [];
    for (let c = 0; c < CLIENTS; c++) {
      const instance = c % INSTANCES;
      const client = connectClient(relays[instance]!.wsUrl, board.boardId, new Y.Doc(), board.params);
      const editor: Editor = { client, instance, written: [] };
      // What this client receives from a client of another instance is acknowledged.
      client.doc.getMap<number>('edits').observe((event) => {
        if (event.transaction.local) return;
        for (const key of event.keysChanged) if (Number(key.split(':')[0]) % INSTANCES !== instance) acknowledged.add(key);
      });
      client.provider.on('connection-close', (event: CloseEvent | null) => closeCodes.push(event?.code ?? 0));
      editors.push(editor);
    }
    await Promise.all(editors.map((editor) => editor.client.synced));

    let editing = true;
    const loops = editors.map(async (editor, c) => {
      for (let n = 0; editing; n++) {
        const key = `${c}:${n}`;
        editor.client.doc.getMap<number>('edits').set(key, n);
        editor.written.push(key);
        await pause(EDIT_EVERY_MS);
      }
    });
    await crash({ relays, restart });
    editing = false;
    await Promise.all(loops);

    const first = editors[0]!.client.doc;
    const converged = () =>
      editors.every(
        ({ client }) =>
          client.provider.wsconnected &&
          Buffer.from(Y.encodeStateVector(client.doc)).equals(Buffer.from(Y.encodeStateVector(first))) &&
          client.doc.getMap('edits').size === first.getMap('edits').size,
      );
    await waitFor(converged, 30_000, 'every client converged');
    const json = first.getMap('edits').toJSON();
    for (const { client } of editors) expect(client.doc.getMap('edits').toJSON()).toEqual(json);

    // Every client's edits are in every client (converged) and in the store.
    await killAllRelayProcesses();
    const stored = await storedBoard(board.boardId, databaseUrl ? { databaseUrl } : { dataDir });
    const storedEdits = stored.getMap<number>('edits');
    const written = editors.flatMap((editor) => editor.written);
    const missingAcked = [...acknowledged].filter((key) => !storedEdits.has(key));
    const missingWritten = written.filter((key) => !storedEdits.has(key));
    expect(acknowledged.size).toBeGreaterThan(CLIENTS);
    expect(missingAcked).toEqual([]);
    expect(missingWritten).toEqual([]);
    expect(storedEdits.size).toBe(written.length);
    expect(storedEdits.toJSON()).toEqual(json);
    return closeCodes;
  }

  it('loses nothing acknowledged when a random instance is killed and restarted five times', async () => {
    const random = mulberry32(20261202);
    await run(async ({ restart }) => {
      for (let round = 0; round < 5; round++) {
        await pause(1200);
        await restart(Math.floor(random() * INSTANCES));
      }
      await pause(1000);
    });
  }, 90_000);

  it('loses nothing acknowledged when Redis is killed and restarted on its port', async () => {
    await run(async () => {
      await pause(1500);
      await redis.stop('SIGKILL');
      await pause(1000);
      await redis.restart();
      await pause(1500);
    });
  }, 90_000);

  it.runIf(onPostgres)(
    'loses nothing acknowledged when PostgreSQL is restarted with -m immediate',
    async () => {
      const codes = await run(async () => {
        await pause(1500);
        // The clients keep editing while PostgreSQL is down and comes back.
        await postgres!.restartImmediateInBackground();
        await pause(2000);
      });
      // The instances refused to acknowledge while PostgreSQL was down: 4503, storage unavailable.
      expect(codes).toContain(4503);
    },
    90_000,
  );
});
