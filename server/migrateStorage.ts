/**
 * Copies boards between the SQLite data directory and PostgreSQL, either way:
 *   npm run migrate:storage -- --from ./data --to postgres://…
 *   npm run migrate:storage -- --from postgres://… --to ./data
 * Every board's rows go with their seq and time, and its writer bindings; then the share-link
 * generations, the named and automatic versions, every KPI value (superseded ones too, so a
 * series still reads as it was at a moment) and the feed tokens. Idempotent: a row is copied
 * only if the target lacks it (a board's seq, a version's or value's id), a binding only if the
 * target has none for that client id; a supersession, revocation or higher generation the
 * target lacks is carried over. Ends with a count check; exits non-zero naming what differs.
 */
import { openMetaStore, type MetaStore } from './metaStore';
import { openMetricsStore } from './metricsSqlite';
import type { MetricsStore } from './metricsStore';
import { openSqliteStore } from './storage/sqlite';
import { openPostgresStore } from './storage/postgres';
import { openPostgresMetaStore } from './storage/postgresMeta';
import { openPostgresMetricsStore } from './storage/postgresMetrics';
import { asAsyncStore, type AsyncBoardStore } from './storage/types';
import type { BoardCursor } from './persistence';

/** Everything the relay stores in one place: a data directory or a PostgreSQL database. */
export interface StoreSet {
  boards: AsyncBoardStore;
  meta: MetaStore;
  metrics: MetricsStore;
}

export interface MigrationReport {
  boards: number;
  rowsCopied: number;
  writersCopied: number;
  linksCopied: number;
  versionsCopied: number;
  valuesCopied: number;
  feedsCopied: number;
  /** What differs after the copy: boards whose row counts differ, or a kind of row (empty when all is well). */
  mismatched: string[];
}

const PAGE = 200;
const VALUE_PAGE = 5000;

function isPostgresUrl(where: string): boolean {
  return /^postgres(ql)?:\/\//.test(where);
}

/** Opens a store from a postgres:// URL or a data directory. */
export async function openStoreAt(where: string): Promise<AsyncBoardStore> {
  return isPostgresUrl(where) ? openPostgresStore(where) : asAsyncStore(openSqliteStore(where));
}

/** Opens the board, metadata and KPI stores of a postgres:// URL or a data directory. */
export async function openStoresAt(where: string): Promise<StoreSet> {
  const boards = await openStoreAt(where);
  if (!isPostgresUrl(where)) return { boards, meta: openMetaStore(where), metrics: openMetricsStore(where) };
  return { boards, meta: await openPostgresMetaStore(where), metrics: await openPostgresMetricsStore(where) };
}

/** Closes the three stores. */
export async function closeStores(stores: StoreSet): Promise<void> {
  await Promise.all([stores.boards.close(), stores.meta.close(), stores.metrics.close()]);
}

/** Every board id with stored rows, newest activity first. */
async function allBoards(store: AsyncBoardStore): Promise<string[]> {
  const ids: string[] = [];
  let after: BoardCursor | undefined;
  for (;;) {
    const page = await store.listBoards(PAGE, after);
    ids.push(...page.map((board) => board.boardId));
    if (page.length < PAGE) return ids;
    after = page.at(-1);
  }
}

/** Copies links, versions (a page at a time: states can be large), KPI values and feeds. */
async function migrateBesides(from: StoreSet, to: StoreSet, report: MigrationReport, progress: (line: string) => void): Promise<void> {
  report.linksCopied += await to.meta.importLinks(await from.meta.exportLinks());
  let copied = 0;
  for (let after: string | undefined; ;) {
    const page = await from.meta.exportVersions(PAGE, after);
    report.versionsCopied += await to.meta.importVersions(page);
    copied += page.length;
    if (page.length < PAGE) break;
    progress(`versions ${copied}`);
    after = page.at(-1)!.id;
  }
  progress(`versions ${copied}, links ${(await from.meta.exportLinks()).length}`);
  copied = 0;
  for (let after: number | undefined; ;) {
    const page = await from.metrics.exportValues(VALUE_PAGE, after);
    report.valuesCopied += await to.metrics.importValues(page);
    copied += page.length;
    if (page.length < VALUE_PAGE) break;
    progress(`KPI values ${copied}`);
    after = page.at(-1)!.id;
  }
  report.feedsCopied += await to.metrics.importFeeds(await from.metrics.exportFeeds());
  progress(`KPI values ${copied}, feeds ${(await from.metrics.exportFeeds()).length}`);
  const [a, b] = await Promise.all([from.meta.counts(), to.meta.counts()]);
  const [c, d] = await Promise.all([from.metrics.counts(), to.metrics.counts()]);
  const counted: [string, number, number][] = [
    ['links', a.links, b.links],
    ['versions', a.versions, b.versions],
    ['KPI values', c.values, d.values],
    ['feeds', c.feeds, d.feeds],
  ];
  for (const [what, source, target] of counted)
    if (source !== target) report.mismatched.push(`${what}: ${source} in the source, ${target} in the target`);
}

/**
 * Copies everything of `from` into `to`; `progress` gets lines such as "boards 120/500".
 * Given board stores alone, copies their boards only.
 */
export async function migrateStorage(
  fromStores: StoreSet | AsyncBoardStore,
  toStores: StoreSet | AsyncBoardStore,
  progress: (line: string) => void = () => undefined,
): Promise<MigrationReport> {
  const from = 'boards' in fromStores ? fromStores.boards : fromStores;
  const to = 'boards' in toStores ? toStores.boards : toStores;
  const boards = await allBoards(from);
  const report: MigrationReport = {
    boards: boards.length,
    rowsCopied: 0,
    writersCopied: 0,
    linksCopied: 0,
    versionsCopied: 0,
    valuesCopied: 0,
    feedsCopied: 0,
    mismatched: [],
  };
  for (const [index, boardId] of boards.entries()) {
    report.rowsCopied += await to.importRows(boardId, await from.loadRows(boardId));
    const present = await to.loadWriters(boardId);
    for (const [client, keyHash] of await from.loadWriters(boardId)) {
      if (present.has(client)) continue;
      await to.bindWriter(boardId, client, keyHash);
      report.writersCopied++;
    }
    if ((index + 1) % 20 === 0 || index + 1 === boards.length) progress(`boards ${index + 1}/${boards.length}`);
  }
  for (const boardId of boards) {
    const [a, b] = await Promise.all([from.rowCount(boardId), to.rowCount(boardId)]);
    if (a !== b) report.mismatched.push(`${boardId}: ${a} rows in the source, ${b} in the target`);
  }
  if ('boards' in fromStores && 'boards' in toStores) await migrateBesides(fromStores, toStores, report, progress);
  return report;
}

function argument(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

async function main(args: readonly string[]): Promise<number> {
  const fromAt = argument(args, '--from');
  const toAt = argument(args, '--to');
  if (!fromAt || !toAt || fromAt === toAt) {
    console.error('usage: npm run migrate:storage -- --from <data dir | postgres://…> --to <data dir | postgres://…>');
    return 2;
  }
  const from = await openStoresAt(fromAt);
  try {
    const to = await openStoresAt(toAt);
    try {
      const report = await migrateStorage(from, to, (line) => console.log(line));
      console.log(
        `copied ${report.rowsCopied} rows and ${report.writersCopied} writer bindings of ${report.boards} boards, ` +
          `${report.linksCopied} link generations, ${report.versionsCopied} versions, ${report.valuesCopied} KPI values and ${report.feedsCopied} feeds`,
      );
      if (report.mismatched.length > 0) {
        for (const line of report.mismatched) console.error(`counts differ: ${line}`);
        return 1;
      }
      console.log('counts equal: rows of every board, links, versions, KPI values, feeds');
      return 0;
    } finally {
      await closeStores(to);
    }
  } finally {
    await closeStores(from);
  }
}

if (process.argv[1] && /migrateStorage\.(ts|js)$/.test(process.argv[1])) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`migration failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
