/** Copying from SQLite to PostgreSQL and back: board rows with their seqs, writer bindings, links, versions, KPI values and feeds; twice is once. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSqliteStore } from '../../server/storage/sqlite';
import { closeStores, migrateStorage, openStoresAt, type MigrationReport, type StoreSet } from '../../server/migrateStorage';
import { openPostgresStore } from '../../server/storage/postgres';
import { asAsyncStore } from '../../server/storage/types';
import { cleanupTempDirs, makeTempDir } from '../helpers/relay';
import { postgresForFile } from '../helpers/postgresFile';
import { keyEdits } from '../helpers/keyEdits';

const pg = postgresForFile(cleanupTempDirs);

const NOTHING: MigrationReport = {
  boards: 0,
  rowsCopied: 0,
  writersCopied: 0,
  linksCopied: 0,
  versionsCopied: 0,
  valuesCopied: 0,
  feedsCopied: 0,
  mismatched: [],
};

/** Everything a store set holds besides board rows, in a comparable form. */
async function besides(stores: StoreSet, boards: readonly string[]) {
  const versions = [];
  for (let after: string | undefined; ;) {
    const page = await stores.meta.exportVersions(2, after);
    versions.push(...page);
    if (page.length < 2) break;
    after = page.at(-1)!.id;
  }
  const history = [];
  for (const boardId of boards) history.push(await stores.metrics.allSeries(boardId, 150), await stores.metrics.summary(boardId));
  return {
    links: await stores.meta.exportLinks(),
    versions,
    values: await stores.metrics.exportValues(1000),
    feeds: await stores.metrics.exportFeeds(),
    history,
  };
}

describe.skipIf(!pg.available)('migrate:storage', () => {
  it('copies links, versions, every KPI value and feeds to PostgreSQL and back, equal, and a second run copies nothing', async () => {
    const sqlite = await openStoresAt(makeTempDir());
    const postgres = await openStoresAt(await pg.server.createDatabase('migrate_all'));
    const back = await openStoresAt(makeTempDir());
    try {
      const boards = ['migrate-board-0101', 'migrate-board-0102'];
      await sqlite.boards.appendMany(boards[0]!, keyEdits(2).updates);
      await sqlite.meta.protect(boards[0]!);
      await sqlite.meta.revoke(boards[1]!);
      await sqlite.meta.revoke(boards[1]!);
      await sqlite.meta.saveVersion(boards[0]!, 'atelier', 'Claire', new Uint8Array([1, 2]), 10);
      for (let i = 0; i < 3; i++) await sqlite.meta.saveAutoVersion(boards[1]!, new Uint8Array([i]), 20 + i);
      await sqlite.metrics.write(boards[0]!, [{ kpiId: 'kpi-a', date: '2026-01-01', value: 1 }], 'typed', 100);
      // Superseded at 200: the series at 150 still shows 1.
      await sqlite.metrics.write(boards[0]!, [{ kpiId: 'kpi-a', date: '2026-01-01', value: 2 }], 'file', 200);
      const removed = await sqlite.metrics.write(boards[1]!, [{ kpiId: 'kpi-b', date: '2026-01-02', value: 5 }], 'feed', 120);
      await sqlite.metrics.revert(boards[1]!, removed.batch, 130);
      const feed = await sqlite.metrics.addFeed(boards[0]!, 'CRM', 0, 5);
      await sqlite.metrics.addFeed(boards[1]!, 'autre', 0, 6);
      await sqlite.metrics.revokeFeed(boards[0]!, feed.id, 7);

      const lines: string[] = [];
      const there = await migrateStorage(sqlite, postgres, (line) => lines.push(line));
      expect(there).toEqual({
        ...NOTHING,
        boards: 1,
        rowsCopied: 2,
        linksCopied: 2,
        versionsCopied: 4,
        valuesCopied: 3,
        feedsCopied: 2,
      });
      expect(lines).toEqual(['boards 1/1', 'versions 4, links 2', 'KPI values 3, feeds 2']);
      expect(await besides(postgres, boards)).toEqual(await besides(sqlite, boards));
      expect(await postgres.meta.generation(boards[1]!)).toBe(2);
      expect((await postgres.metrics.series(boards[0]!, 'kpi-a', 150)).map((p) => p.value)).toEqual([1]);
      expect(await migrateStorage(sqlite, postgres)).toEqual({ ...NOTHING, boards: 1 });

      expect(await migrateStorage(postgres, back)).toEqual(there);
      expect(await besides(back, boards)).toEqual(await besides(sqlite, boards));
      expect(await migrateStorage(postgres, back)).toEqual({ ...NOTHING, boards: 1 });
    } finally {
      await closeStores(sqlite);
      await closeStores(postgres);
      await closeStores(back);
    }
  }, 60_000);

  it('names what differs when the target holds more versions than the source', async () => {
    const sqlite = await openStoresAt(makeTempDir());
    const postgres = await openStoresAt(await pg.server.createDatabase('migrate_more'));
    try {
      await postgres.meta.saveVersion('migrate-board-0201', 'déjà là', '', new Uint8Array([1]), 1);
      expect((await migrateStorage(sqlite, postgres)).mismatched).toEqual(['versions: 0 in the source, 1 in the target']);
    } finally {
      await closeStores(sqlite);
      await closeStores(postgres);
    }
  });

  it('copies every board with its seqs, times and writers to PostgreSQL and back, and a second run copies nothing', async () => {
    const sqlite = asAsyncStore(openSqliteStore(makeTempDir()));
    const postgres = await openPostgresStore(await pg.server.createDatabase('migrate_there'));
    const back = asAsyncStore(openSqliteStore(makeTempDir()));
    try {
      const boards = ['migrate-board-0001', 'migrate-board-0002', 'migrate-board-0003'];
      for (const [i, boardId] of boards.entries()) {
        await sqlite.appendMany(boardId, keyEdits(3 + i).updates);
        await sqlite.bindWriter(boardId, 100 + i, `key-${i}`);
      }
      // A compacted board keeps the seq its state covers.
      await sqlite.compact(boards[0]!, Y.mergeUpdates(await sqlite.load(boards[0]!)));
      const lines: string[] = [];
      const first = await migrateStorage(sqlite, postgres, (line) => lines.push(line));
      expect(first).toEqual({ ...NOTHING, boards: 3, rowsCopied: 1 + 4 + 5, writersCopied: 3 });
      expect(lines.at(-1)).toBe('boards 3/3');
      for (const boardId of boards) expect(await postgres.loadRows(boardId)).toEqual(await sqlite.loadRows(boardId));
      expect(await postgres.loadWriters(boards[2]!)).toEqual(new Map([[102, 'key-2']]));
      // The counter goes on from the copied seqs.
      expect(await postgres.maxSeq(boards[0]!)).toBe(3);
      expect(await migrateStorage(sqlite, postgres)).toEqual({ ...NOTHING, boards: 3 });

      expect(await migrateStorage(postgres, back)).toEqual({ ...NOTHING, boards: 3, rowsCopied: 10, writersCopied: 3 });
      for (const boardId of boards) expect(await back.loadRows(boardId)).toEqual(await sqlite.loadRows(boardId));
    } finally {
      await sqlite.close();
      await postgres.close();
      await back.close();
    }
  }, 60_000);

  it('names a board whose rows differ after the copy', async () => {
    const sqlite = asAsyncStore(openSqliteStore(makeTempDir()));
    const postgres = await openPostgresStore(await pg.server.createDatabase('migrate_differs'));
    try {
      await sqlite.appendMany('migrate-board-0009', keyEdits(2).updates);
      // The target already holds a row of that board the source does not have.
      await postgres.importRows('migrate-board-0009', [{ seq: 7, update: keyEdits(1).updates[0]!, createdAt: 1 }]);
      const report = await migrateStorage(sqlite, postgres);
      expect(report.mismatched).toEqual(['migrate-board-0009: 2 rows in the source, 3 in the target']);
    } finally {
      await sqlite.close();
      await postgres.close();
    }
  });
});
