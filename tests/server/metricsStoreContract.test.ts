/**
 * One suite for both KPI value stores: the SQLite file (always) and PostgreSQL (a private
 * server; skipped with one line when it is not installed), two instances writing together included.
 */
import { describe, expect, it } from 'vitest';
import { openMetricsStore } from '../../server/metricsSqlite';
import type { MetricsStore } from '../../server/metricsStore';
import { openPostgresMetricsStore } from '../../server/storage/postgresMetrics';
import { SPARK_POINTS } from '../../src/model/metrics';
import { cleanupTempDirs, makeTempDir } from '../helpers/relay';
import { postgresForFile } from '../helpers/postgresFile';

const pg = postgresForFile(cleanupTempDirs);
const HAS_POSTGRES = pg.available;

interface Kind {
  name: string;
  /** Opens a store; a second call with the same `place` opens another connection to the same data. */
  open(place?: string): Promise<{ store: MetricsStore; place: string }>;
}

const kinds: Kind[] = [
  { name: 'sqlite', open: async (place = makeTempDir()) => ({ store: openMetricsStore(place), place }) },
  {
    name: 'postgres',
    open: async (place) => {
      const url = place ?? (await pg.newDatabase('metrics'));
      return { store: await openPostgresMetricsStore(url), place: url };
    },
  },
];

const BOARD = 'metrics-board-0001';
const OTHER = 'metrics-board-0002';
const KPI = 'kpi-nps';
const day = (n: number) => new Date(Date.UTC(2026, 0, n)).toISOString().slice(0, 10);

describe.each(kinds)('$name KPI value store', (kind) => {
  const skip = kind.name === 'postgres' && !HAS_POSTGRES;

  it.skipIf(skip)('writes values, leaves equal ones alone, and reads each series as it was at any moment', async () => {
    const { store } = await kind.open();
    try {
      expect(
        await store.write(
          BOARD,
          [
            { kpiId: KPI, date: day(1), value: 30 },
            { kpiId: KPI, date: day(2), value: 32 },
          ],
          'typed',
          100,
        ),
      ).toMatchObject({
        inserted: 2,
        updated: 0,
        unchanged: 0,
      });
      expect(
        await store.write(
          BOARD,
          [
            { kpiId: KPI, date: day(2), value: 32 },
            { kpiId: KPI, date: day(1), value: 35 },
          ],
          'file',
          200,
        ),
      ).toMatchObject({
        inserted: 0,
        updated: 1,
        unchanged: 1,
      });
      await store.write(OTHER, [{ kpiId: KPI, date: day(1), value: 1 }], 'typed', 100);
      expect(await store.series(BOARD, KPI)).toEqual([
        { date: day(1), value: 35, source: 'file' },
        { date: day(2), value: 32, source: 'typed' },
      ]);
      expect((await store.series(BOARD, KPI, 150)).map((p) => p.value)).toEqual([30, 32]);
      expect(await store.series(BOARD, KPI, 50)).toEqual([]);
      expect(Object.keys(await store.allSeries(BOARD))).toEqual([KPI]);
      expect((await store.allSeries(BOARD, 150))[KPI]!.map((p) => p.value)).toEqual([30, 32]);
    } finally {
      await store.close();
    }
  });

  it.skipIf(skip)('removes a value and undoes a batch without overwriting a later write', async () => {
    const { store } = await kind.open();
    try {
      await store.write(
        BOARD,
        [
          { kpiId: KPI, date: day(1), value: 10 },
          { kpiId: KPI, date: day(2), value: 20 },
        ],
        'typed',
        1,
      );
      const imported = await store.write(
        BOARD,
        [
          { kpiId: KPI, date: day(1), value: 11 },
          { kpiId: KPI, date: day(2), value: 21 },
        ],
        'file',
        2,
      );
      await store.write(BOARD, [{ kpiId: KPI, date: day(2), value: 22 }], 'typed', 3);
      expect(await store.revert(BOARD, imported.batch, 4)).toEqual([KPI]);
      expect((await store.series(BOARD, KPI)).map((p) => p.value)).toEqual([10, 22]);
      const removal = await store.remove(BOARD, KPI, day(1), 5);
      expect(removal).toEqual(expect.any(String));
      expect(await store.remove(BOARD, KPI, day(9), 5)).toBeNull();
      expect((await store.series(BOARD, KPI)).map((p) => p.value)).toEqual([22]);
      await store.revert(BOARD, removal!, 6);
      expect((await store.series(BOARD, KPI)).map((p) => p.value)).toEqual([10, 22]);
    } finally {
      await store.close();
    }
  });

  it.skipIf(skip)('sums up each KPI: count, newest values and the value a trend starts from, now and at a moment', async () => {
    const { store } = await kind.open();
    try {
      const values = Array.from({ length: SPARK_POINTS + 5 }, (_, i) => ({ kpiId: KPI, date: day(i + 1), value: i }));
      await store.write(BOARD, values, 'typed', 10);
      await store.write(BOARD, [{ kpiId: 'kpi-other', date: day(3), value: 7 }], 'typed', 20);
      const now = await store.summary(BOARD);
      expect(now[KPI]!.count).toBe(SPARK_POINTS + 5);
      expect(now[KPI]!.recent.map((p) => p.value)).toEqual(values.slice(-SPARK_POINTS).map((v) => v.value));
      expect(now['kpi-other']).toEqual({ count: 1, recent: [{ date: day(3), value: 7, source: 'typed' }], earlier: null });
      expect(Object.keys(await store.summary(BOARD, ['kpi-other']))).toEqual(['kpi-other']);
      expect(Object.keys(await store.summary(BOARD, undefined, 15))).toEqual([KPI]);
      await store.write(
        BOARD,
        [
          { kpiId: 'kpi-trend', date: day(1), value: 99 },
          { kpiId: 'kpi-trend', date: day(200), value: 5 },
        ],
        'typed',
        30,
      );
      expect((await store.summary(BOARD, ['kpi-trend']))['kpi-trend']!.earlier).toEqual({ date: day(1), value: 99, source: 'typed' });
      expect((await store.summary(BOARD, ['kpi-trend'], 25))['kpi-trend']).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it.skipIf(skip)('keeps one current value when two instances write the same day together', async () => {
    const first = await kind.open();
    const second = await kind.open(first.place);
    try {
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 ? first : second).store.write(BOARD, [{ kpiId: KPI, date: day(1), value: i }], 'feed', 100 + i),
        ),
      );
      const series = await first.store.series(BOARD, KPI);
      expect(series).toHaveLength(1);
      expect(await second.store.series(BOARD, KPI)).toEqual(series);
      expect((await first.store.counts()).values).toBe(10);
    } finally {
      await first.store.close();
      await second.store.close();
    }
  });

  it.skipIf(skip)('adds, lists and revokes feeds of one board', async () => {
    const { store } = await kind.open();
    try {
      const feed = await store.addFeed(BOARD, 'CRM', 0, 5);
      await store.addFeed(OTHER, 'autre', 0, 6);
      expect(await store.isFeedLive(BOARD, feed.id)).toBe(true);
      expect(await store.revokeFeed(OTHER, feed.id, 7)).toBe(false);
      expect(await store.revokeFeed(BOARD, feed.id, 7)).toBe(true);
      expect(await store.isFeedLive(BOARD, feed.id)).toBe(false);
      expect(await store.listFeeds(BOARD)).toEqual([{ id: feed.id, label: 'CRM', createdAt: 5, expiresAt: 0, revokedAt: 7 }]);
    } finally {
      await store.close();
    }
  });

  it.skipIf(skip)('exports and imports every row under its id, superseded ones included, twice being once', async () => {
    const { store } = await kind.open();
    const { store: copy } = await kind.open();
    try {
      await store.write(BOARD, [{ kpiId: KPI, date: day(1), value: 1 }], 'typed', 10);
      await store.write(BOARD, [{ kpiId: KPI, date: day(1), value: 2 }], 'typed', 20);
      const feed = await store.addFeed(BOARD, 'CRM', 0, 5);
      const rows = [...(await store.exportValues(1)), ...(await store.exportValues(10, (await store.exportValues(1))[0]!.id))];
      expect(rows).toHaveLength(2);
      expect(await copy.importValues(rows)).toBe(2);
      expect(await copy.importFeeds(await store.exportFeeds())).toBe(1);
      expect(await copy.importValues(rows)).toBe(0);
      expect(await copy.importFeeds(await store.exportFeeds())).toBe(0);
      expect(await copy.series(BOARD, KPI, 15)).toEqual(await store.series(BOARD, KPI, 15));
      // A value superseded in the source after a first copy is superseded in the copy by the next one.
      await store.write(BOARD, [{ kpiId: KPI, date: day(1), value: 3 }], 'typed', 30);
      await store.revokeFeed(BOARD, feed.id, 31);
      expect(await copy.importValues(await store.exportValues(10))).toBe(2);
      expect(await copy.importFeeds(await store.exportFeeds())).toBe(1);
      expect(await copy.series(BOARD, KPI)).toEqual(await store.series(BOARD, KPI));
      expect(await copy.counts()).toEqual({ values: 3, feeds: 1 });
      // New writes in the copy are numbered after the copied rows.
      await copy.write(BOARD, [{ kpiId: KPI, date: day(2), value: 4 }], 'typed', 40);
      expect((await copy.exportValues(10)).map((r) => r.id)).toEqual([...rows.map((r) => r.id), expect.any(Number), expect.any(Number)]);
    } finally {
      await store.close();
      await copy.close();
    }
  });
});
