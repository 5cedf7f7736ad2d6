/** Idle capacity (connections per GiB of relay memory) and cold load of a stored board. */
import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { addTouchpoint, initBoard } from '../../src/doc/commands';
import { sortedLanes } from '../../src/doc/read';
import { defaultBoard } from '../../src/model/defaults';
import { newBoardId } from '../../src/model/ids';
import { EVALUATIONS } from '../../src/model/types';
import { openSqliteStore } from '../../server/storage/sqlite';
import { BenchClient } from './benchClient';
import { sampleProcess } from './proc';
import { startRelay, type Relay, type RelayKind } from './relays';
import { quantiles, sleep } from './report';

export interface IdlePoint {
  connections: number;
  rssBytes: number;
}

export interface IdleResult {
  points: IdlePoint[];
  /** Least-squares fit rss = baseline + perConnection × connections, over the steps (not the empty relay). */
  baselineBytes: number;
  perConnectionBytes: number;
  /** Connections that fit in 1 GiB of RSS, by the fit. */
  perGiB: number;
  unexpectedCloses: number;
}

const GIB = 2 ** 30;

/** A relay's RSS once it settled (the lowest of a few samples). */
async function settledRss(pid: number): Promise<number> {
  await sleep(1500);
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) {
    samples.push(sampleProcess(pid).rssBytes);
    await sleep(300);
  }
  return Math.min(...samples);
}

/**
 * Opens idle connections in steps, three per board as in a small meeting, each like an open tab:
 * the default board seeded by the first, a completed handshake, one presence state. Measures the
 * relay's RSS at each step.
 */
export async function measureIdle(relay: Relay, steps: readonly number[]): Promise<IdleResult> {
  const clients: BenchClient[] = [];
  const points: IdlePoint[] = [{ connections: 0, rssBytes: await settledRss(relay.pid) }];
  for (const target of steps) {
    while (clients.length < target) {
      const rooms = Math.min(50, Math.ceil((target - clients.length) / 3));
      await Promise.all(
        Array.from({ length: rooms }, async () => {
          const board = await relay.newBoard();
          const first = new BenchClient(relay.url(board), board, relay.dialect, { full: false });
          await first.synced;
          initBoard(first.doc, defaultBoard('fr'));
          const room = [first, ...[1, 2].map(() => new BenchClient(relay.url(board), board, relay.dialect, { full: false }))];
          await Promise.all(room.map((c) => c.synced));
          room.forEach((c, i) => c.sendPresence(`{"user":{"name":"Idle ${i}","color":"#2563eb"}}`));
          clients.push(...room);
        }),
      );
    }
    points.push({ connections: clients.length, rssBytes: await settledRss(relay.pid) });
  }
  const unexpectedCloses = clients.filter((c) => c.closeCode !== null).length;
  for (const client of clients) client.close();
  // Fit the steps only: the first connections also pay for one-off growth (heap, JIT, caches).
  const fit = linearFit(points.filter((p) => p.connections > 0).map((p) => [p.connections, p.rssBytes]));
  return {
    points,
    baselineBytes: fit.intercept,
    perConnectionBytes: fit.slope,
    perGiB: (GIB - fit.intercept) / fit.slope,
    unexpectedCloses,
  };
}

function linearFit(xy: readonly [number, number][]): { slope: number; intercept: number } {
  const n = xy.length;
  const mx = xy.reduce((s, [x]) => s + x, 0) / n;
  const my = xy.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = xy.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = xy.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

/** A board of `count` touchpoints built with the document commands: text and evaluation spread over the cells. */
export function buildBoard(count: number): Uint8Array {
  const doc = new Y.Doc();
  const init = initBoard(doc, defaultBoard('fr'));
  if (!init) throw new Error('could not seed the board');
  const stages = sortedLanes(doc, 'stages', init.journeyId).map((l) => l.id);
  const channels = sortedLanes(doc, 'channels', init.journeyId).map((l) => l.id);
  for (let i = 0; i < count; i++) {
    const stageId = stages[i % stages.length] as string;
    const channelId = channels[Math.floor(i / stages.length) % channels.length] as string;
    const evaluation = i % 4 === 3 ? null : (EVALUATIONS[i % 3] ?? null);
    addTouchpoint(doc, { journeyId: init.journeyId, stageId, channelId }, `Je fais l'étape ${i} de mon parcours client`, evaluation);
  }
  return Y.encodeStateAsUpdate(doc);
}

export interface ColdLoadResult {
  boardBytes: number;
  cold: { p50: number; p95: number; p99: number };
  warm: { p50: number; p95: number; p99: number };
  /** Whether every client received all the touchpoints. */
  complete: boolean;
}

/** Stores `boards` copies of `state` where `kind` keeps boards, before the relay starts. */
function storeBoards(kind: RelayKind, dataDir: string, boards: readonly string[], state: Uint8Array): void {
  if (kind === 'parcours') {
    const store = openSqliteStore(dataDir);
    for (const board of boards) store.append(board, state);
    store.close();
  } else {
    for (const board of boards) fs.writeFileSync(path.join(dataDir, `${board}.bin`), state);
  }
}

async function timeToSynced(
  relay: Relay,
  board: string,
  touchpoints: number,
): Promise<{ ms: number; client: BenchClient; complete: boolean }> {
  const started = performance.now();
  const client = new BenchClient(relay.url(board), board, relay.dialect);
  await client.synced;
  const ms = performance.now() - started;
  return { ms, client, complete: client.doc.getMap('touchpoints').size === touchpoints };
}

/**
 * Cold load: a board stored in the relay's own storage, not in memory; time from opening the
 * socket to holding the whole board (sync step 2 applied). Warm: a second client while the
 * first is still there. One stored copy per attempt, so every cold load really is cold. The
 * relays run side by side and take turns, so a burst of load on the machine hits all of them;
 * each first loads one board unmeasured (the process has just started and its code is cold).
 */
export async function measureColdLoad(
  kinds: readonly RelayKind[],
  state: Uint8Array,
  touchpoints: number,
  attempts: number,
): Promise<Map<RelayKind, ColdLoadResult>> {
  const setups = await Promise.all(
    kinds.map(async (kind) => {
      const boards = Array.from({ length: attempts + 1 }, () => newBoardId());
      const dataDir = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), `bench-cold-${kind}-`));
      storeBoards(kind, dataDir, boards, state);
      return {
        kind,
        boards,
        dataDir,
        relay: await startRelay(kind, { dataDir }),
        cold: [] as number[],
        warm: [] as number[],
        complete: true,
      };
    }),
  );
  try {
    for (let attempt = 0; attempt <= attempts; attempt++) {
      for (const setup of setups) {
        const board = setup.boards[attempt] as string;
        const first = await timeToSynced(setup.relay, board, touchpoints);
        const second = await timeToSynced(setup.relay, board, touchpoints);
        if (attempt > 0) {
          setup.cold.push(first.ms);
          setup.warm.push(second.ms);
        }
        setup.complete &&= first.complete && second.complete;
        first.client.close();
        second.client.close();
        await sleep(100);
      }
    }
  } finally {
    for (const setup of setups) {
      await setup.relay.stop();
      fs.rmSync(setup.dataDir, { recursive: true, force: true });
    }
  }
  return new Map(
    setups.map((s) => [s.kind, { boardBytes: state.byteLength, cold: quantiles(s.cold), warm: quantiles(s.warm), complete: s.complete }]),
  );
}
