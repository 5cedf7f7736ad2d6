/** Copying boards from SQLite to PostgreSQL and back: every row with its seq, writer bindings, twice is once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSqliteStore } from '../../server/persistence';
import { migrateStorage } from '../../server/migrateStorage';
import { openPostgresStore } from '../../server/storage/postgres';
import { asAsyncStore } from '../../server/storage/types';
import { cleanupTempDirs, makeTempDir } from '../helpers/relay';
import { postgresAvailable, startPostgres, type PostgresServer } from '../helpers/postgres';

const HAS_POSTGRES = postgresAvailable();
let server: PostgresServer | null = null;

beforeAll(async () => {
  if (HAS_POSTGRES) server = await startPostgres();
}, 60_000);
afterAll(() => {
  server?.stop();
  cleanupTempDirs();
});

function edits(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < count; i++) doc.getMap('m').set(`k${i}`, i);
  return updates;
}

describe.skipIf(!HAS_POSTGRES)('migrate:storage', () => {
  it('copies every board with its seqs, times and writers to PostgreSQL and back, and a second run copies nothing', async () => {
    const sqlite = asAsyncStore(openSqliteStore(makeTempDir()));
    const postgres = await openPostgresStore(await server!.createDatabase('migrate_there'));
    const back = asAsyncStore(openSqliteStore(makeTempDir()));
    try {
      const boards = ['migrate-board-0001', 'migrate-board-0002', 'migrate-board-0003'];
      for (const [i, boardId] of boards.entries()) {
        await sqlite.appendMany(boardId, edits(3 + i));
        await sqlite.bindWriter(boardId, 100 + i, `key-${i}`);
      }
      // A compacted board keeps the seq its state covers.
      await sqlite.compact(boards[0]!, Y.mergeUpdates(await sqlite.load(boards[0]!)));
      const lines: string[] = [];
      const first = await migrateStorage(sqlite, postgres, (line) => lines.push(line));
      expect(first).toEqual({ boards: 3, rowsCopied: 1 + 4 + 5, writersCopied: 3, mismatched: [] });
      expect(lines.at(-1)).toBe('boards 3/3');
      for (const boardId of boards) expect(await postgres.loadRows(boardId)).toEqual(await sqlite.loadRows(boardId));
      expect(await postgres.loadWriters(boards[2]!)).toEqual(new Map([[102, 'key-2']]));
      // The counter goes on from the copied seqs.
      expect(await postgres.maxSeq(boards[0]!)).toBe(3);
      expect(await migrateStorage(sqlite, postgres)).toEqual({ boards: 3, rowsCopied: 0, writersCopied: 0, mismatched: [] });

      expect(await migrateStorage(postgres, back)).toEqual({ boards: 3, rowsCopied: 10, writersCopied: 3, mismatched: [] });
      for (const boardId of boards) expect(await back.loadRows(boardId)).toEqual(await sqlite.loadRows(boardId));
    } finally {
      await sqlite.close();
      await postgres.close();
      await back.close();
    }
  }, 60_000);

  it('names a board whose rows differ after the copy', async () => {
    const sqlite = asAsyncStore(openSqliteStore(makeTempDir()));
    const postgres = await openPostgresStore(await server!.createDatabase('migrate_differs'));
    try {
      await sqlite.appendMany('migrate-board-0009', edits(2));
      // The target already holds a row of that board the source does not have.
      await postgres.importRows('migrate-board-0009', [{ seq: 7, update: edits(1)[0]!, createdAt: 1 }]);
      const report = await migrateStorage(sqlite, postgres);
      expect(report.mismatched).toEqual(['migrate-board-0009: 2 rows in the source, 3 in the target']);
    } finally {
      await sqlite.close();
      await postgres.close();
    }
  });
});
