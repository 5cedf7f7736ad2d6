/**
 * Side-by-side relay benchmark: our relay, the reference y-websocket server and Hocuspocus, each
 * in its own process, under the same workloads on the same machine in one run.
 *
 *   npm run bench:relay                 full run (about 10 minutes)
 *   npm run bench:relay -- --quick      short run (under 2 minutes)
 *   npm run bench:relay -- --only=workshop,cold --json=results.json
 *
 * Workloads: workshop (30 people), crowded (100 people), rooms (500 boards × 3), idle
 * (connections per GiB), cold (load a stored board of 1 000 touchpoints). See docs/benchmarks.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import { buildBoard, measureColdLoad, measureIdle, type ColdLoadResult, type IdleResult } from './lib/capacity';
import { checkProtocol } from './lib/protocolCheck';
import { RELAY_KINDS, startRelay, type RelayKind } from './lib/relays';
import { flag, fmt, mib, printTable } from './lib/report';
import { runWorkload, type RoomWorkload, type WindowResult } from './lib/workloads';

const quick = flag('quick') !== undefined;
const only = flag('only')?.split(',');
const runs = (name: string) => !only || only.includes(name);
const loads: string[] = [];
const noteLoad = () => loads.push(os.loadavg()[0]?.toFixed(2) ?? '?');

interface RoomScenario {
  name: string;
  title: string;
  workload: RoomWorkload;
  warmupMs: number;
  measureMs: number;
}

const SCENARIOS: RoomScenario[] = [
  {
    name: 'workshop',
    title: 'One workshop room: 30 people, 2 edits/s each, cursors at 10 Hz',
    workload: { rooms: 1, clientsPerRoom: 30, editsPerSecond: 2, presenceHz: 10, observersPerRoom: 30 },
    warmupMs: quick ? 1000 : 2000,
    measureMs: quick ? 3000 : 10_000,
  },
  {
    name: 'crowded',
    title: 'One crowded room: 100 people, 2 edits/s each, cursors at 10 Hz (latency measured at 25 of them)',
    workload: { rooms: 1, clientsPerRoom: 100, editsPerSecond: 2, presenceHz: 10, observersPerRoom: 25 },
    warmupMs: quick ? 1000 : 2000,
    measureMs: quick ? 3000 : 8000,
  },
  {
    name: 'rooms',
    title: quick
      ? 'Many rooms (quick): 150 boards × 3 people, ~105 updates/s in total'
      : 'Many rooms: 500 boards × 3 people, ~350 updates/s in total',
    workload: { rooms: quick ? 150 : 500, clientsPerRoom: 3, editsPerSecond: 350 / 1500, presenceHz: 0, observersPerRoom: 3 },
    warmupMs: quick ? 1000 : 2000,
    measureMs: quick ? 3000 : 10_000,
  },
];

/** Rounds per room scenario; each figure printed is the median over the rounds. */
const ROUNDS = Number(flag('rounds') ?? (quick ? 1 : 3));

type RoomResult = WindowResult & { setupSeconds: number };

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** The median of every figure over the rounds (figure by figure). */
function medianResult(list: RoomResult[]): RoomResult {
  const pick = (f: (r: RoomResult) => number) => median(list.map(f));
  return {
    latency: { p50: pick((r) => r.latency.p50), p95: pick((r) => r.latency.p95), p99: pick((r) => r.latency.p99) },
    samples: pick((r) => r.samples),
    editsPerSecond: pick((r) => r.editsPerSecond),
    deliveredPerSecond: pick((r) => r.deliveredPerSecond),
    completeness: pick((r) => r.completeness),
    presenceReceivedPerSecond: pick((r) => r.presenceReceivedPerSecond),
    relayCpu: pick((r) => r.relayCpu),
    relayRssEnd: pick((r) => r.relayRssEnd),
    relayRssMax: pick((r) => r.relayRssMax),
    generatorCpu: pick((r) => r.generatorCpu),
    unexpectedCloses: Math.max(...list.map((r) => r.unexpectedCloses)),
    setupSeconds: pick((r) => r.setupSeconds),
  };
}

const ratio = (ours: number, theirs: number) => (theirs > 0 && Number.isFinite(ours / theirs) ? `${fmt(ours / theirs, 2)}×` : '–');

function printRoomTable(title: string, results: Map<RelayKind, RoomResult>): void {
  const rows = [...results].map(([kind, r]) => [
    kind,
    fmt(r.latency.p50),
    fmt(r.latency.p95),
    fmt(r.latency.p99),
    fmt(r.editsPerSecond, 0),
    fmt(r.deliveredPerSecond, 0),
    `${fmt(r.completeness * 100, 1)}%`,
    fmt(r.presenceReceivedPerSecond, 0),
    fmt(r.relayCpu, 2),
    mib(r.relayRssEnd),
    fmt(r.generatorCpu, 2),
    String(r.unexpectedCloses),
  ]);
  const ours = results.get('parcours');
  for (const ref of ['y-websocket', 'hocuspocus'] as const) {
    const theirs = results.get(ref);
    if (!ours || !theirs) continue;
    rows.push([
      `ours / ${ref}`,
      ratio(ours.latency.p50, theirs.latency.p50),
      ratio(ours.latency.p95, theirs.latency.p95),
      ratio(ours.latency.p99, theirs.latency.p99),
      '',
      ratio(ours.deliveredPerSecond, theirs.deliveredPerSecond),
      '',
      '',
      ratio(ours.relayCpu, theirs.relayCpu),
      ratio(ours.relayRssEnd, theirs.relayRssEnd),
      '',
      '',
    ]);
  }
  printTable(
    title,
    [
      'relay',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'edits/s',
      'delivered/s',
      'complete',
      'presence/s',
      'relay CPU',
      'RSS MiB',
      'gen CPU',
      'closed',
    ],
    rows,
  );
}

function printIdleTable(results: Map<RelayKind, IdleResult>): void {
  const rows = [...results].map(([kind, r]) => {
    const last = r.points[r.points.length - 1];
    return [
      kind,
      mib(r.points[0]?.rssBytes ?? 0),
      String(last?.connections ?? 0),
      mib(last?.rssBytes ?? 0),
      mib(r.baselineBytes),
      fmt(r.perConnectionBytes / 1024, 1),
      fmt(r.perGiB, 0),
      String(r.unexpectedCloses),
    ];
  });
  const ours = results.get('parcours');
  for (const ref of ['y-websocket', 'hocuspocus'] as const) {
    const theirs = results.get(ref);
    if (ours && theirs)
      rows.push([
        `ours / ${ref}`,
        '',
        '',
        '',
        '',
        ratio(ours.perConnectionBytes, theirs.perConnectionBytes),
        ratio(ours.perGiB, theirs.perGiB),
        '',
      ]);
  }
  printTable(
    'Idle capacity: idle connections (3 per board, handshake done, presence set); slope fitted over the steps, extrapolated to 1 GiB of relay RSS',
    ['relay', 'empty MiB', 'measured conns', 'RSS MiB', 'fit base MiB', 'KiB/conn', 'conns per GiB', 'closed'],
    rows,
  );
  for (const [kind, r] of results) console.log(`  ${kind}: ${r.points.map((p) => `${p.connections} → ${mib(p.rssBytes)} MiB`).join(', ')}`);
}

function printColdTable(results: Map<RelayKind, ColdLoadResult>, attempts: number): void {
  const rows = [...results].map(([kind, r]) => [
    kind,
    fmt(r.cold.p50),
    fmt(r.cold.p95),
    fmt(r.warm.p50),
    fmt(r.warm.p95),
    String(r.complete),
  ]);
  const ours = results.get('parcours');
  for (const ref of ['y-websocket', 'hocuspocus'] as const) {
    const theirs = results.get(ref);
    if (ours && theirs)
      rows.push([
        `ours / ${ref}`,
        ratio(ours.cold.p50, theirs.cold.p50),
        ratio(ours.cold.p95, theirs.cold.p95),
        ratio(ours.warm.p50, theirs.warm.p50),
        ratio(ours.warm.p95, theirs.warm.p95),
        '',
      ]);
  }
  const bytes = results.values().next().value?.boardBytes ?? 0;
  printTable(
    `Cold load: connect → synced, stored board of 1 000 touchpoints (${fmt(bytes / 1024, 0)} KiB), ${attempts} boards each; warm = second client`,
    ['relay', 'cold p50 ms', 'cold p95 ms', 'warm p50 ms', 'warm p95 ms', 'complete'],
    rows,
  );
}

async function main(): Promise<void> {
  const started = performance.now();
  const json: Record<string, unknown> = {};
  console.log(
    `Relay benchmark${quick ? ' (quick)' : ''}: ${os.cpus().length} cores, ${fmt(os.totalmem() / 2 ** 30, 1)} GiB, Node ${process.version}, ${new Date().toISOString()}`,
  );
  noteLoad();

  const protocol: string[][] = [];
  for (const kind of RELAY_KINDS) {
    const relay = await startRelay(kind);
    protocol.push([kind, (await checkProtocol(relay)) ? 'ok' : 'FAILED']);
    await relay.stop();
  }
  printTable('Protocol check: a stock provider and the bench client see each other (edits and presence)', ['relay', 'result'], protocol);

  for (const scenario of SCENARIOS.filter((s) => runs(s.name))) {
    const rounds = new Map<RelayKind, RoomResult[]>(RELAY_KINDS.map((kind) => [kind, []]));
    for (let round = 0; round < ROUNDS; round++) {
      // Rotate the order, so no relay always runs first or last.
      const order = RELAY_KINDS.map((_, i) => RELAY_KINDS[(i + round) % RELAY_KINDS.length] as RelayKind);
      for (const kind of order) {
        const relay = await startRelay(kind);
        try {
          rounds.get(kind)?.push(await runWorkload(relay, scenario.workload, scenario.warmupMs, scenario.measureMs));
        } finally {
          await relay.stop();
        }
      }
    }
    noteLoad();
    const results = new Map([...rounds].map(([kind, list]) => [kind, medianResult(list)]));
    printRoomTable(`${scenario.title}${ROUNDS > 1 ? ` — median of ${ROUNDS} rounds` : ''}`, results);
    json[scenario.name] = Object.fromEntries(rounds);
  }

  if (runs('idle')) {
    const steps = quick ? [300, 600] : [1500, 3000, 4500, 6000];
    const results = new Map<RelayKind, IdleResult>();
    for (const kind of RELAY_KINDS) {
      const relay = await startRelay(kind);
      try {
        results.set(kind, await measureIdle(relay, steps));
      } finally {
        await relay.stop();
      }
    }
    noteLoad();
    printIdleTable(results);
    json.idle = Object.fromEntries(results);
  }

  if (runs('cold')) {
    const attempts = quick ? 3 : 20;
    const state = buildBoard(1000);
    const results = await measureColdLoad(RELAY_KINDS, state, 1000, attempts);
    noteLoad();
    printColdTable(results, attempts);
    json.cold = Object.fromEntries(results);
  }

  console.log(
    `\nLoad average (1 min) before and after each part: ${loads.join(' → ')}; run time ${fmt((performance.now() - started) / 1000, 0)} s`,
  );
  const out = flag('json');
  if (out) fs.writeFileSync(out, JSON.stringify(json, null, 2));
  process.exit(protocol.every(([, r]) => r === 'ok') ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
