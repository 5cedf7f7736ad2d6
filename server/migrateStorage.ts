/**
 * Copies boards between the SQLite data directory and PostgreSQL, either way:
 *   npm run migrate:storage -- --from ./data --to postgres://…
 *   npm run migrate:storage -- --from postgres://… --to ./data
 * Every board's rows go with their seq and time, and its writer bindings. Idempotent: a row is
 * copied only if the target lacks its seq, a binding only if the target has none for that
 * client id. Ends with a count check per board; exits non-zero naming a board that differs.
 *
 * Not copied yet: link generations, named versions and KPI series (they stay in the data
 * directory's other files; PostgreSQL does not hold them so far).
 */
import { openSqliteStore } from './persistence';
import { openPostgresStore } from './storage/postgres';
import { asAsyncStore, type AsyncBoardStore } from './storage/types';
import type { BoardCursor } from './persistence';

export interface MigrationReport {
  boards: number;
  rowsCopied: number;
  writersCopied: number;
  /** Boards whose row counts differ after the copy (empty when all is well). */
  mismatched: string[];
}

const PAGE = 200;

function isPostgresUrl(where: string): boolean {
  return /^postgres(ql)?:\/\//.test(where);
}

/** Opens a store from a postgres:// URL or a data directory. */
export async function openStoreAt(where: string): Promise<AsyncBoardStore> {
  return isPostgresUrl(where) ? openPostgresStore(where) : asAsyncStore(openSqliteStore(where));
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

/** Copies every board of `from` into `to`; `progress` gets a line such as "boards 120/500". */
export async function migrateStorage(
  from: AsyncBoardStore,
  to: AsyncBoardStore,
  progress: (line: string) => void = () => undefined,
): Promise<MigrationReport> {
  const boards = await allBoards(from);
  const report: MigrationReport = { boards: boards.length, rowsCopied: 0, writersCopied: 0, mismatched: [] };
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
  const from = await openStoreAt(fromAt);
  try {
    const to = await openStoreAt(toAt);
    try {
      const report = await migrateStorage(from, to, (line) => console.log(line));
      console.log(`copied ${report.rowsCopied} rows and ${report.writersCopied} writer bindings of ${report.boards} boards`);
      if (report.mismatched.length > 0) {
        for (const line of report.mismatched) console.error(`row counts differ: ${line}`);
        return 1;
      }
      console.log('row counts equal for every board');
      return 0;
    } finally {
      await to.close();
    }
  } finally {
    await from.close();
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
