/**
 * One suite for both board metadata stores: the SQLite file (always) and PostgreSQL (a private
 * server; skipped with one line when it is not installed), concurrency included.
 */
import { describe, expect, it } from 'vitest';
import { LinksChangedError, openMetaStore, type MetaStore } from '../../server/metaStore';
import { openPostgresMetaStore } from '../../server/storage/postgresMeta';
import { cleanupTempDirs, makeTempDir } from '../helpers/relay';
import { postgresForFile } from '../helpers/postgresFile';

const pg = postgresForFile(cleanupTempDirs);
const HAS_POSTGRES = pg.available;

interface Kind {
  name: string;
  /** Opens a store; a second call with the same `place` opens another connection to the same data. */
  open(place?: string): Promise<{ store: MetaStore; place: string }>;
}

const kinds: Kind[] = [
  {
    name: 'sqlite',
    open: async (place = makeTempDir()) => ({ store: openMetaStore(place), place }),
  },
  {
    name: 'postgres',
    open: async (place) => {
      const url = place ?? (await pg.newDatabase('meta'));
      return { store: await openPostgresMetaStore(url), place: url };
    },
  },
];

const BOARD = 'meta-board-000001';
const OTHER = 'meta-board-000002';
const state = (...bytes: number[]) => new Uint8Array(bytes);

describe.each(kinds)('$name metadata store', (kind) => {
  const skip = kind.name === 'postgres' && !HAS_POSTGRES;

  it.skipIf(skip)('protects a board at generation 0 once, and each revocation moves it on', async () => {
    const { store } = await kind.open();
    try {
      expect(await store.generation(BOARD)).toBeNull();
      expect(await store.protect(BOARD)).toBe(0);
      expect(await store.protect(BOARD)).toBe(0);
      expect(await store.revoke(BOARD)).toBe(1);
      expect(await store.protect(BOARD)).toBe(1);
      expect(await store.revoke(OTHER)).toBe(1); // an open board revoked is protected at once
      expect(await store.generation(BOARD)).toBe(1);
    } finally {
      await store.close();
    }
  });

  it.skipIf(skip)('gives every concurrent revocation its own generation, across two connections', async () => {
    const first = await kind.open();
    const second = await kind.open(first.place);
    try {
      const protections = await Promise.all([first.store, second.store, first.store, second.store].map((s) => s.protect(BOARD)));
      expect(protections).toEqual([0, 0, 0, 0]);
      const revocations = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? first : second).store.revoke(BOARD)));
      expect([...revocations].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(await second.store.generation(BOARD)).toBe(20);
    } finally {
      await first.store.close();
      await second.store.close();
    }
  });

  it.skipIf(skip)('saves a named version only under the links it was checked against, even while they are revoked', async () => {
    const { store } = await kind.open();
    try {
      await expect(store.saveVersion(OTHER, 'ouvert', 'Claire', state(1), 1, null)).resolves.toMatchObject({ name: 'ouvert' });
      const generation = await store.protect(BOARD);
      await store.revoke(BOARD);
      await expect(store.saveVersion(BOARD, 'trop tard', 'Claire', state(1), 2, generation)).rejects.toBeInstanceOf(LinksChangedError);
      await expect(store.saveVersion(BOARD, 'ouvert ?', 'Claire', state(1), 2, null)).rejects.toBeInstanceOf(LinksChangedError);
      // Saves and a revocation fired together: every save that answered is listed, no refused one is.
      const now = await store.generation(BOARD);
      const saves = Array.from({ length: 10 }, (_, i) =>
        store.saveVersion(BOARD, `v${i}`, 'Claire', state(i), 10 + i, now).then(
          (v) => v.name,
          (error: unknown) => (error instanceof LinksChangedError ? null : Promise.reject(error)),
        ),
      );
      const [answers] = await Promise.all([Promise.all(saves), store.revoke(BOARD)]);
      const saved = answers.filter((name): name is string => name !== null).sort();
      expect((await store.listVersions(BOARD)).map((v) => v.name).sort()).toEqual(saved);
    } finally {
      await store.close();
    }
  });

  it.skipIf(skip)('lists versions newest first with their kind and size, loads them, and names the latest', async () => {
    const { store } = await kind.open();
    try {
      const named = await store.saveVersion(BOARD, 'atelier 1', 'Claire', state(1, 2, 3), 100);
      const auto = await store.saveAutoVersion(BOARD, state(4, 5), 200);
      await store.saveAutoVersion(OTHER, state(6), 150);
      expect(named).toMatchObject({ boardId: BOARD, name: 'atelier 1', author: 'Claire', createdAt: 100, bytes: 3, kind: 'named' });
      expect(await store.listVersions(BOARD)).toEqual([{ ...auto, name: '', author: '' }, { ...named }]);
      expect(await store.loadVersion(BOARD, named.id)).toEqual(state(1, 2, 3));
      expect(await store.loadVersion(OTHER, named.id)).toBeNull();
      expect(await store.latestVersion(BOARD)).toEqual({ info: auto, state: state(4, 5) });
      expect(await store.latestVersion('meta-board-none01')).toBeNull();
      expect((await store.listAutoVersions()).map((v) => [v.boardId, v.createdAt])).toEqual([
        [BOARD, 200],
        [OTHER, 150],
      ]);
      expect(await store.listAutoVersions(OTHER)).toEqual([{ id: expect.any(String), boardId: OTHER, createdAt: 150 }]);
    } finally {
      await store.close();
    }
  });

  it.skipIf(skip)('deletes automatic versions by id and never a named one', async () => {
    const { store } = await kind.open();
    try {
      const named = await store.saveVersion(BOARD, 'garder', '', state(1), 1);
      const autos = await Promise.all([2, 3, 4].map((t) => store.saveAutoVersion(BOARD, state(t), t)));
      expect(await store.deleteAutoVersions([named.id, autos[0]!.id, autos[1]!.id, 'nope'])).toBe(2);
      expect(await store.deleteAutoVersions([])).toBe(0);
      expect((await store.listVersions(BOARD)).map((v) => v.id)).toEqual([autos[2]!.id, named.id]);
    } finally {
      await store.close();
    }
  });

  it.skipIf(skip)('exports and imports links and versions under their own ids, twice being once', async () => {
    const { store } = await kind.open();
    const { store: copy } = await kind.open();
    try {
      await store.protect(BOARD);
      await store.revoke(OTHER);
      await store.saveVersion(BOARD, 'v', 'C', state(1), 1);
      await store.saveAutoVersion(OTHER, state(2), 2);
      const links = await store.exportLinks();
      const firstPage = await store.exportVersions(1);
      const secondPage = await store.exportVersions(10, firstPage[0]!.id);
      expect(firstPage.length + secondPage.length).toBe(2);
      expect(await copy.importLinks(links)).toBe(2);
      expect(await copy.importVersions([...firstPage, ...secondPage])).toBe(2);
      expect(await copy.importLinks(links)).toBe(0);
      expect(await copy.importVersions([...firstPage, ...secondPage])).toBe(0);
      expect(await copy.importLinks([{ boardId: BOARD, generation: 5, createdAt: 0 }])).toBe(1);
      expect(await copy.generation(BOARD)).toBe(5);
      expect(await copy.generation(OTHER)).toBe(1);
      expect(await copy.listVersions(OTHER)).toEqual(await store.listVersions(OTHER));
      expect(await copy.counts()).toEqual({ links: 2, versions: 2 });
    } finally {
      await store.close();
      await copy.close();
    }
  });
});
