/**
 * Repeated `kill -9` of the relay under load, shared by relay.killloop.test.ts (short) and
 * bench/crash.ts (long). Clients edit a real board through stock providers while the relay
 * process is SIGKILLed at random moments and restarted on the same data directory and port.
 */
import * as Y from 'yjs';
import { addTouchpoint, initBoard, moveTouchpoint, setTouchpointEvaluation, setTouchpointText } from '../../src/doc/commands';
import { readBoard } from '../../src/doc/projection';
import { sortedLanes } from '../../src/doc/read';
import { defaultBoard } from '../../src/model/defaults';
import { EVALUATIONS } from '../../src/model/types';
import { openSqliteStore } from '../../server/storage/sqlite';
import { createRandom } from '../helpers/random';
import {
  connectClient,
  createTestBoard,
  makeTempDir,
  startRelayProcess,
  waitFor,
  type RelayProcess,
  type TestClient,
} from '../helpers/relay';

export interface KillLoopOptions {
  clients: number;
  kills: number;
  /** Each client makes one edit every `editEveryMs`. */
  editEveryMs: number;
  /** Editing time before each kill is drawn from this range (ms). */
  killAfterMs: [number, number];
  seed: number;
}

export interface KillRecord {
  /** Touchpoints some client had received from the relay before the kill. */
  observed: number;
  /** Of those, how many were missing from the stored board right after the kill. */
  missing: string[];
  restartMs: number;
}

export interface KillLoopResult {
  kills: KillRecord[];
  edits: number;
  /** Whether all clients ended with equal state vectors and equal boards. */
  converged: boolean;
  /** Whether a fresh client, after a last kill with every other client gone, got the converged state. */
  durableAtEnd: boolean;
  touchpoints: number;
  convergeMs: number;
}

/** Reads a board from the relay's database directly (relay stopped). */
function storedTouchpointIds(dataDir: string, boardId: string): Set<string> {
  const store = openSqliteStore(dataDir);
  try {
    const doc = new Y.Doc();
    for (const update of store.load(boardId)) Y.applyUpdate(doc, update);
    return new Set(doc.getMap('touchpoints').keys());
  } finally {
    store.close();
  }
}

const sameState = (a: Y.Doc, b: Y.Doc) => Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)));

/** Runs the scenario; the caller destroys clients and relay processes afterwards. */
export async function runKillLoop(options: KillLoopOptions): Promise<KillLoopResult> {
  const random = createRandom(options.seed);
  const dataDir = makeTempDir('parcours-killloop-');
  let relay: RelayProcess = await startRelayProcess({ dataDir });
  const port = String(relay.port);
  // Its token stays good across restarts: the signing secret lives in the data directory.
  const { boardId: board, params } = await createTestBoard(relay.httpUrl);

  const seeder = connectClient(relay.wsUrl, board, undefined, params);
  await seeder.synced;
  const journeyId = initBoard(seeder.doc, defaultBoard('fr'))?.journeyId as string;
  const stages = sortedLanes(seeder.doc, 'stages', journeyId).map((l) => l.id);
  const channels = sortedLanes(seeder.doc, 'channels', journeyId).map((l) => l.id);
  const clients: TestClient[] = [seeder];
  for (let i = 1; i < options.clients; i++) clients.push(connectClient(relay.wsUrl, board, undefined, params));
  await Promise.all(clients.map((c) => c.synced));
  await waitFor(() => clients.every((c) => sameState(c.doc, seeder.doc)), 10_000, 'the seeded board everywhere');

  // Touchpoints a client received from the relay: the relay stored them before sending them.
  const observed = new Set<string>();
  for (const client of clients) {
    client.doc.getMap('touchpoints').observe((event) => {
      if (event.transaction.origin !== client.provider) return;
      for (const [key, change] of event.changes.keys) if (change.action === 'add') observed.add(key);
    });
  }

  let edits = 0;
  const own = clients.map(() => [] as string[]);
  const timers = clients.map((client, i) =>
    setInterval(() => {
      const doc = client.doc;
      const mine = own[i] as string[];
      const roll = random.int(0, 99);
      const cell = { stageId: random.pick(stages), channelId: random.pick(channels) };
      if (roll < 30 || mine.length === 0) mine.push(addTouchpoint(doc, { journeyId, ...cell }, `Je suis le client ${i}`, null));
      else if (roll < 75) setTouchpointText(doc, random.pick(mine), `Je suis le client ${i} ${random.word(12)}`);
      else if (roll < 90) setTouchpointEvaluation(doc, random.pick(mine), random.pick(EVALUATIONS));
      else moveTouchpoint(doc, random.pick(mine), { ...cell, index: 0 });
      edits++;
    }, options.editEveryMs),
  );

  const kills: KillRecord[] = [];
  try {
    for (let k = 0; k < options.kills; k++) {
      await new Promise((resolve) => setTimeout(resolve, random.int(...options.killAfterMs)));
      await relay.kill('SIGKILL');
      const seen = [...observed];
      const stored = storedTouchpointIds(dataDir, board);
      const started = performance.now();
      relay = await startRelayProcess({ dataDir, env: { PORT: port } });
      kills.push({ observed: seen.length, missing: seen.filter((id) => !stored.has(id)), restartMs: performance.now() - started });
    }
    await new Promise((resolve) => setTimeout(resolve, options.killAfterMs[0]));
  } finally {
    for (const timer of timers) clearInterval(timer);
  }

  const convergeStarted = performance.now();
  const converged = await waitFor(
    () => clients.every((c) => c.provider.synced && sameState(c.doc, seeder.doc)),
    20_000,
    'every client to converge',
  ).then(
    () => clients.every((c) => JSON.stringify(readBoard(c.doc)) === JSON.stringify(readBoard(seeder.doc))),
    () => false,
  );
  const convergeMs = performance.now() - convergeStarted;

  // Last kill with nobody left to re-upload anything: storage alone must hold the converged board.
  await relay.kill('SIGKILL');
  const reference = new Y.Doc();
  Y.applyUpdate(reference, Y.encodeStateAsUpdate(seeder.doc));
  for (const client of clients) client.destroy();
  relay = await startRelayProcess({ dataDir, env: { PORT: port } });
  const fresh = connectClient(relay.wsUrl, board, undefined, params);
  await fresh.synced;
  const durableAtEnd = sameState(fresh.doc, reference) && JSON.stringify(readBoard(fresh.doc)) === JSON.stringify(readBoard(reference));
  return { kills, edits, converged, durableAtEnd, touchpoints: reference.getMap('touchpoints').size, convergeMs };
}
