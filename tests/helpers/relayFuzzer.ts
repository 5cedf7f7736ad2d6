/**
 * Drives fuzzFrames() into a running relay over real websockets. Frames go out in batches that
 * end at the first frame expected to be refused; a websocket ping follows each batch. The
 * relay handles messages synchronously and in order, so its pong proves it processed the whole
 * batch; a close proves it refused one. Neither within `hangMs` is a hang.
 */
import WebSocket from 'ws';
import { fuzzFrames } from './fuzzFrames';

export interface FuzzOptions {
  /** The relay's `ws://host:port/sync` URL. */
  wsUrl: string;
  /** Boards to fuzz (valid ids); connections pick one at random. */
  boards: readonly string[];
  frames: number;
  seed: number;
  /** Parallel fuzzing connections. */
  concurrency?: number;
  /** Frames per batch at most. */
  maxBatch?: number;
  hangMs?: number;
  /** Awareness ids of honest clients, for forged entries to target. */
  victims?: () => readonly number[];
  onProgress?: (framesSent: number) => void;
}

export interface FuzzReport {
  framesSent: number;
  /** Frames in batches the relay confirmed with a pong (processed, connection kept). */
  framesConfirmed: number;
  connections: number;
  /** Close codes the relay sent, with counts. */
  closes: Map<number, number>;
  kinds: Map<string, number>;
  /** Batches answered by neither a pong nor a close in time. */
  hangs: number;
  /** Upgrades the relay refused or that failed. */
  failedConnects: number;
}

type Outcome = 'pong' | 'closed' | 'timeout';

function bump<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Runs the fuzzer to completion and reports what happened. */
export async function fuzzRelay(options: FuzzOptions): Promise<FuzzReport> {
  const { wsUrl, boards, frames, seed } = options;
  const maxBatch = options.maxBatch ?? 16;
  const hangMs = options.hangMs ?? 5000;
  const report: FuzzReport = {
    framesSent: 0,
    framesConfirmed: 0,
    connections: 0,
    closes: new Map(),
    kinds: new Map(),
    hangs: 0,
    failedConnects: 0,
  };
  const generator = fuzzFrames(seed, options.victims);
  let pick = seed >>> 0;
  const nextBoard = () => boards[(pick = (Math.imul(pick, 1103515245) + 12345) >>> 0) % boards.length] as string;

  async function connection(): Promise<void> {
    const ws = new WebSocket(`${wsUrl}/${nextBoard()}`, { perMessageDeflate: false });
    ws.on('error', () => undefined);
    let closed = false;
    const closedAt = new Promise<void>((resolve) =>
      ws.once('close', (code) => {
        closed = true;
        bump(report.closes, code);
        resolve();
      }),
    );
    const opened = await new Promise<boolean>((resolve) => {
      ws.once('open', () => resolve(true));
      ws.once('unexpected-response', () => resolve(false));
      ws.once('close', () => resolve(false));
    });
    if (!opened) {
      report.failedConnects++;
      return;
    }
    report.connections++;
    while (!closed && report.framesSent < frames) {
      let batch = 0;
      let fatal = false;
      while (batch < maxBatch && !fatal && report.framesSent < frames) {
        const { value } = generator.next() as IteratorYieldResult<{ kind: string; data: Uint8Array | string; fatal: boolean }>;
        ws.send(value.data, { binary: typeof value.data !== 'string' });
        bump(report.kinds, value.kind);
        report.framesSent++;
        batch++;
        fatal = value.fatal;
      }
      options.onProgress?.(report.framesSent);
      const outcome = await new Promise<Outcome>((resolve) => {
        const timer = setTimeout(() => resolve('timeout'), hangMs);
        ws.once('pong', () => (clearTimeout(timer), resolve('pong')));
        void closedAt.then(() => (clearTimeout(timer), resolve('closed')));
        ws.ping();
      });
      if (outcome === 'pong') report.framesConfirmed += batch;
      if (outcome === 'timeout') {
        report.hangs++;
        ws.terminate();
        return;
      }
    }
    if (!closed) {
      ws.close(1000);
      await closedAt;
    }
  }

  const workers = Array.from({ length: options.concurrency ?? 4 }, async () => {
    while (report.framesSent < frames) await connection();
  });
  await Promise.all(workers);
  return report;
}
