/**
 * One suite for every board store behind the asynchronous interface: SQLite (always) and
 * PostgreSQL (a private server; skipped with one line when it is not installed).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSqliteStore } from '../../server/storage/sqlite';
import { openPostgresStore } from '../../server/storage/postgres';
import { asAsyncStore, type AsyncBoardStore } from '../../server/storage/types';
import { cleanupTempDirs, makeTempDir } from '../helpers/relay';
import { postgresForFile } from '../helpers/postgresFile';
import { keyEdits } from '../helpers/keyEdits';

const pg = postgresForFile(cleanupTempDirs);
const HAS_POSTGRES = pg.available;

interface Kind {
  name: string;
  open(clock?: () => number): Promise<AsyncBoardStore>;
}

const kinds: Kind[] = [
  { name: 'sqlite', open: async (clock) => asAsyncStore(openSqliteStore(makeTempDir(), clock ? { now: clock } : {})) },
  {
    name: 'postgres',
    open: async (clock) => openPostgresStore(await pg.newDatabase('contract'), clock ? { now: clock } : {}),
  },
];

function replay(rows: Uint8Array[]): Record<string, unknown> {
  const doc = new Y.Doc();
  for (const row of rows) Y.applyUpdate(doc, row);
  return doc.getMap('m').toJSON();
}

const BOARD = 'contract-board-0001';
const OTHER = 'contract-board-0002';

describe.each(kinds)('$name board store', (kind) => {
  const skip = kind.name === 'postgres' && !HAS_POSTGRES;

  it.skipIf(skip)('numbers rows per board, reads them back after a seq, and groups appends in one commit', async () => {
    const store = await kind.open();
    try {
      const { doc, updates } = keyEdits(5);
      expect((await store.append(BOARD, updates[0]!)).seq).toBe(1);
      expect((await store.appendMany(BOARD, updates.slice(1, 4))).map((a) => a.seq)).toEqual([2, 3, 4]);
      expect((await store.append(OTHER, updates[0]!)).seq).toBe(1);
      expect((await store.append(BOARD, updates[4]!)).seq).toBe(5);
      expect(await store.maxSeq(BOARD)).toBe(5);
      expect(await store.maxSeq('contract-never-0001')).toBe(0);
      expect((await store.loadSince(BOARD, 3)).map((row) => row.seq)).toEqual([4, 5]);
      expect(await store.load(BOARD)).toEqual(updates);
      expect(replay(await store.load(BOARD))).toEqual(doc.getMap('m').toJSON());
      expect(await store.stats()).toEqual({ boards: 2, rows: 6 });
      expect(await store.rowCount(BOARD)).toBe(5);
    } finally {
      await store.close();
    }
  });

  it.skipIf(skip)('compacts only the rows its state covers, keeps them as history, and rebuilds any moment', async () => {
    let now = 1_000;
    const store = await kind.open(() => now);
    try {
      const { doc, updates } = keyEdits(6);
      for (const u of updates.slice(0, 4)) {
        now += 10;
        await store.append(BOARD, u);
      }
      const middle = now;
      const covered = new Y.Doc();
      for (const u of updates.slice(0, 4)) Y.applyUpdate(covered, u);
      // Rows 5 and 6 are written (by another instance, say) before the compaction commits.
      now += 10;
      await store.append(BOARD, updates[4]!);
      await store.append(BOARD, updates[5]!);
      now += 10;
      await store.compact(BOARD, Y.encodeStateAsUpdate(covered), 4);
      expect((await store.loadSince(BOARD, 0)).map((row) => row.seq)).toEqual([4, 5, 6]);
      expect(replay(await store.load(BOARD))).toEqual(doc.getMap('m').toJSON());
      expect((await store.append(BOARD, updates[0]!)).seq).toBe(7);
      const before = await store.stateAt(BOARD, middle);
      expect(before).not.toBeNull();
      expect(replay([before!.state])).toEqual({ k0: 0, k1: 1, k2: 2, k3: 3 });
      expect(await store.stateAt(BOARD, 5)).toBeNull();
    } finally {
      await store.close();
    }
  });

  it.skipIf(skip)('keeps the first writer of each client id and lists boards newest first, a page at a time', async () => {
    let now = 1_000;
    const store = await kind.open(() => now);
    try {
      await store.bindWriter(BOARD, 7, 'first');
      await store.bindWriter(BOARD, 7, 'second');
      await store.bindWriter(BOARD, 8, 'other');
      expect(await store.loadWriters(BOARD)).toEqual(
        new Map([
          [7, 'first'],
          [8, 'other'],
        ]),
      );
      const { updates } = keyEdits(3);
      const ids = ['contract-list-0001', 'contract-list-0002', 'contract-list-0003'];
      for (const [i, id] of ids.entries()) {
        now += 100;
        await store.append(id, updates[i]!);
      }
      const first = await store.listBoards(2);
      expect(first.map((b) => b.boardId)).toEqual(['contract-list-0003', 'contract-list-0002']);
      expect(first[0]!.bytes).toBe(updates[2]!.byteLength);
      const next = await store.listBoards(2, first[1]!);
      expect(next.map((b) => b.boardId)).toEqual(['contract-list-0001']);
      expect(await store.healthy()).toBe(true);
    } finally {
      await store.close();
    }
  });
});

describe.skipIf(!HAS_POSTGRES)('PostgreSQL store', () => {
  it('assigns distinct, gapless seqs to appends racing on one board from several connections', async () => {
    const url = await pg.newDatabase('race');
    const a = await openPostgresStore(url);
    const b = await openPostgresStore(url);
    try {
      const { updates } = keyEdits(40);
      const results = await Promise.all(updates.map((u, i) => (i % 2 === 0 ? a : b).append(BOARD, u)));
      expect(results.map((r) => r.seq).sort((x, y) => x - y)).toEqual(updates.map((_, i) => i + 1));
      expect((await a.loadSince(BOARD, 0)).length).toBe(40);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('loses no row when two instances compact a board at once while others append to it', async () => {
    const url = await pg.newDatabase('compact');
    const a = await openPostgresStore(url);
    const b = await openPostgresStore(url);
    try {
      const { updates } = keyEdits(40);
      for (const update of updates.slice(0, 20)) await a.append(BOARD, update);
      // Each instance compacts what its document holds: A the first 10 rows, B the first 15.
      const stateOf = (count: number) => {
        const doc = new Y.Doc();
        for (const update of updates.slice(0, count)) Y.applyUpdate(doc, update);
        return Y.encodeStateAsUpdate(doc);
      };
      const late = updates.slice(20);
      const appended = await Promise.all([
        a.compact(BOARD, stateOf(10), 10),
        b.compact(BOARD, stateOf(15), 15),
        ...late.map((u, i) => (i % 2 === 0 ? a : b).append(BOARD, u)),
        a.compact(BOARD, stateOf(12), 12),
      ]);
      const rows = await a.loadSince(BOARD, 0);
      // Every row above what a compaction covered is still there, each with its own seq.
      const seqs = rows.map((row) => row.seq);
      for (let seq = 16; seq <= 40; seq++) expect(seqs).toContain(seq);
      expect(appended.filter((r) => r !== undefined)).toHaveLength(late.length);
      expect(replay(rows.map((row) => row.update))).toEqual(Object.fromEntries(updates.map((_, i) => [`k${i}`, i])));
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('says when it cannot reach the database, and answers again once it is back', async () => {
    const url = await pg.newDatabase('restart');
    const store = await openPostgresStore(url, { onError: () => undefined });
    try {
      const { updates } = keyEdits(2);
      await store.append(BOARD, updates[0]!);
      pg.server.restartImmediate();
      // Connections of the pool died with the server: the first query may fail, later ones reconnect.
      let ok = false;
      for (let attempt = 0; attempt < 20 && !ok; attempt++) ok = await store.healthy();
      expect(ok).toBe(true);
      await store.append(BOARD, updates[1]!);
      expect((await store.loadSince(BOARD, 0)).map((row) => row.seq)).toEqual([1, 2]);
    } finally {
      await store.close();
    }
  });

  it('refuses a database of a newer schema', async () => {
    const url = await pg.newDatabase('newer');
    await (await openPostgresStore(url)).close();
    const client = new (await import('pg')).default.Client({ connectionString: url });
    await client.connect();
    await client.query('UPDATE schema_version SET version = 99');
    await client.end();
    await expect(openPostgresStore(url)).rejects.toThrow(/newer/);
  });
});
