/**
 * Soak: the workshop workload (30 people, 2 edits/s each, cursors at 10 Hz) on our relay for a
 * long time, watching memory and storage. `npm run bench:soak [-- --minutes=10 --every=30]`.
 * Passes when the relay's RSS stays within RSS_GROWTH_BOUND of its level after the first
 * interval and the database (file + WAL) stays under STORAGE_BOUND: compaction keeps it bounded.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../server/storage/sqlite';
import { startRelay } from './lib/relays';
import { flag, fmt, mib, printTable } from './lib/report';
import { RoomLoad } from './lib/workloads';

const MINUTES = Number(flag('minutes') ?? 10);
const EVERY_S = Number(flag('every') ?? 30);
/** Allowed RSS growth after the first interval (bytes). */
const RSS_GROWTH_BOUND = 32 * 2 ** 20;
/** Allowed database size, file + WAL (bytes). */
const STORAGE_BOUND = 16 * 2 ** 20;

function fileSize(file: string): number {
  return fs.existsSync(file) ? fs.statSync(file).size : 0;
}

function storedRows(dbFile: string): number {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM board_updates').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  const relay = await startRelay('parcours');
  const dbFile = path.join(relay.dataDir, DATABASE_FILE);
  const load = await RoomLoad.open(relay, { rooms: 1, clientsPerRoom: 30, editsPerSecond: 2, presenceHz: 10, observersPerRoom: 30 });
  load.start();
  console.log(`Soak: 30 people, 2 edits/s each, cursors at 10 Hz, on our relay for ${MINUTES} min (COMPACT_EVERY=500)`);
  const rows: string[][] = [];
  const rss: number[] = [];
  const storage: number[] = [];
  let closes = 0;
  const started = performance.now();
  while (performance.now() - started < MINUTES * 60_000) {
    const w = await load.measure(EVERY_S * 1000 - 300);
    const db = fileSize(dbFile);
    const wal = fileSize(`${dbFile}-wal`);
    rss.push(w.relayRssEnd);
    storage.push(db + wal);
    closes = w.unexpectedCloses;
    const row = [
      fmt((performance.now() - started) / 60_000, 1),
      fmt(w.latency.p50),
      fmt(w.latency.p99),
      `${fmt(w.completeness * 100, 1)}%`,
      fmt(w.relayCpu, 2),
      mib(w.relayRssEnd),
      fmt(db / 1024, 0),
      fmt(wal / 1024, 0),
      String(storedRows(dbFile)),
    ];
    rows.push(row);
    console.log(`  ${row.join('  ')}`);
  }
  await load.close();
  await relay.stop();

  printTable(
    'Soak, one line per interval',
    ['minute', 'p50 ms', 'p99 ms', 'complete', 'relay CPU', 'RSS MiB', 'db KiB', 'wal KiB', 'rows'],
    rows,
  );
  const growth = Math.max(...rss) - (rss[0] ?? 0);
  const ok = growth <= RSS_GROWTH_BOUND && Math.max(...storage) <= STORAGE_BOUND && closes === 0;
  console.log(
    `\nRSS growth after the first interval: ${mib(growth)} MiB (bound ${mib(RSS_GROWTH_BOUND)} MiB); ` +
      `largest database + WAL: ${mib(Math.max(...storage))} MiB (bound ${mib(STORAGE_BOUND)} MiB); connections closed: ${closes}`,
  );
  console.log(ok ? 'PASS' : 'FAIL');
  process.exit(ok ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
