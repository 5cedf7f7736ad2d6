/**
 * Long relay fuzz run: `npm run bench:fuzz` (FUZZ_FRAMES, default 100 000; FUZZ_SEED).
 * The relay runs in its own process with the default configuration; an honest pair of clients
 * on another board keeps round-tripping edits, an observer sits on a fuzzed board, and the
 * relay's RSS is sampled throughout. Exits non-zero on a crash, a hang or a failed check.
 */
import * as Y from 'yjs';
import { fuzzRelay } from '../tests/helpers/relayFuzzer';
import {
  cleanupTempDirs,
  connectClient,
  destroyAllClients,
  httpRequest,
  killAllRelayProcesses,
  seedOpenBoard,
  startRelayProcess,
  waitFor,
} from '../tests/helpers/relay';
import { sampleProcess } from './lib/proc';
import { fmt, mib, percentile, printTable } from './lib/report';

const FRAMES = Number(process.env.FUZZ_FRAMES ?? 100_000);
const SEED = Number(process.env.FUZZ_SEED ?? 1);
/** The relay's RSS must stay under this (bytes) at the end of the run. */
const RSS_BOUND = 256 * 2 ** 20;

async function main(): Promise<void> {
  const relay = await startRelayProcess();
  const pid = relay.child.pid as number;
  const startRss = sampleProcess(pid).rssBytes;
  // Open boards, stored as before share links: the fuzzer's sockets carry no token.
  const healthyBoard = seedOpenBoard(relay.dataDir);
  const alice = connectClient(relay.wsUrl, healthyBoard);
  const bob = connectClient(relay.wsUrl, healthyBoard);
  const fuzzBoards = Array.from({ length: 4 }, () => seedOpenBoard(relay.dataDir));
  const observer = connectClient(relay.wsUrl, fuzzBoards[0] as string);
  observer.provider.awareness.setLocalStateField('user', { name: 'Observer', color: '#2563eb' });
  await Promise.all([alice.synced, bob.synced, observer.synced]);

  const rss: number[] = [];
  const roundTrips: number[] = [];
  let failures = 0;
  let rounds = 0;
  const sampler = setInterval(() => rss.push(sampleProcess(pid).rssBytes), 250);
  const honest = setInterval(() => {
    const key = `r${++rounds}`;
    const started = performance.now();
    alice.doc.getMap('notes').set(key, rounds);
    waitFor(() => bob.doc.getMap('notes').has(key), 5000, key).then(
      () => roundTrips.push(performance.now() - started),
      () => failures++,
    );
  }, 100);

  const started = performance.now();
  let lastPrint = 0;
  const report = await fuzzRelay({
    wsUrl: relay.wsUrl,
    boards: fuzzBoards,
    frames: FRAMES,
    seed: SEED,
    concurrency: 8,
    victims: () => [alice.doc.clientID, bob.doc.clientID, observer.doc.clientID],
    onProgress: (sent) => {
      if (sent - lastPrint >= 10_000) {
        lastPrint = sent;
        process.stdout.write(`  ${sent} frames, relay RSS ${mib(sampleProcess(pid).rssBytes)} MiB\n`);
      }
    },
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(honest);
  await new Promise((resolve) => setTimeout(resolve, 500));
  clearInterval(sampler);

  const alive = relay.child.exitCode === null && relay.child.signalCode === null;
  const health = alive ? (await httpRequest(relay.httpUrl, '/healthz')).status : 0;
  const fresh = connectClient(relay.wsUrl, fuzzBoards[0] as string);
  await fresh.synced;
  await waitFor(() => fresh.provider.awareness.getStates().has(observer.doc.clientID), 5000, 'observer presence').catch(() => undefined);
  const observerConsistent =
    Y.encodeStateVector(observer.doc).toString() === Y.encodeStateVector(fresh.doc).toString() &&
    JSON.stringify(observer.doc.toJSON()) === JSON.stringify(fresh.doc.toJSON());
  const presenceIntact =
    JSON.stringify(fresh.provider.awareness.getStates().get(observer.doc.clientID)) === '{"user":{"name":"Observer","color":"#2563eb"}}';
  const endRss = sampleProcess(pid).rssBytes;

  printTable(
    `Relay fuzz: ${report.framesSent} frames, seed ${SEED}, ${fmt(seconds)} s (${fmt(report.framesSent / seconds, 0)} frames/s)`,
    ['frame kind', 'sent'],
    [...report.kinds].sort((a, b) => b[1] - a[1]).map(([kind, n]) => [kind, String(n)]),
  );
  printTable(
    'Outcome',
    ['check', 'value'],
    [
      ['frames confirmed by pong (connection kept)', String(report.framesConfirmed)],
      ['connections opened', String(report.connections)],
      [
        'closes by code',
        [...report.closes]
          .sort((a, b) => a[0] - b[0])
          .map(([c, n]) => `${c}×${n}`)
          .join(' '),
      ],
      ['hangs (no pong, no close within 5 s)', String(report.hangs)],
      ['relay process alive, /healthz', `${alive} ${health}`],
      ['honest round trips ok / failed', `${roundTrips.length} / ${failures}`],
      ['honest round trip p50 / p99 (ms)', `${fmt(percentile(roundTrips, 50))} / ${fmt(percentile(roundTrips, 99))}`],
      ['observer on fuzzed board = relay state', String(observerConsistent)],
      ['observer presence intact', String(presenceIntact)],
      ['relay RSS start / max / end (MiB)', `${mib(startRss)} / ${mib(Math.max(...rss))} / ${mib(endRss)}`],
    ],
  );

  destroyAllClients();
  await killAllRelayProcesses();
  cleanupTempDirs();
  const ok = alive && health === 200 && report.hangs === 0 && failures === 0 && observerConsistent && presenceIntact && endRss < RSS_BOUND;
  console.log(ok ? `\nPASS (RSS bound ${mib(RSS_BOUND)} MiB)` : '\nFAIL');
  process.exit(ok ? 0 : 1);
}

main().catch(async (error: unknown) => {
  console.error(error);
  await killAllRelayProcesses();
  process.exit(1);
});
