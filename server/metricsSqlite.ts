/**
 * The KPI values and feed tokens in a SQLite file beside the boards' (parcours-metrics.sqlite in
 * DATA_DIR), behind the MetricsStore interface.
 */
import { newId } from '../src/model/ids';
import type { MetricSource } from '../src/model/kpi';
import { SPARK_POINTS, type MetricInput, type MetricPoint, type MetricsSummary } from '../src/model/metrics';
import { sqliteMetricRows } from './metricsRows';
import { openSqliteFile } from './sqliteFile';
import { point, summaryOfRecent, trendStart, type MetricsStore, type ValueRow, type WriteResult } from './metricsStore';

export const METRICS_FILE = 'parcours-metrics.sqlite';

/** MIGRATIONS[n] brings the file from user_version n to n + 1. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE metric_values (
     id            INTEGER PRIMARY KEY,
     board_id      TEXT    NOT NULL,
     kpi_id        TEXT    NOT NULL,
     day           TEXT    NOT NULL,
     value         REAL    NOT NULL,
     source        TEXT    NOT NULL,
     batch         TEXT    NOT NULL,
     recorded_at   INTEGER NOT NULL,
     superseded_at INTEGER,
     superseded_by TEXT
   );
   CREATE UNIQUE INDEX metric_values_current ON metric_values (board_id, kpi_id, day) WHERE superseded_at IS NULL;
   CREATE INDEX metric_values_by_batch ON metric_values (board_id, batch);
   CREATE INDEX metric_values_by_superseding ON metric_values (board_id, superseded_by) WHERE superseded_by IS NOT NULL;
   CREATE TABLE metric_feeds (
     id         TEXT PRIMARY KEY,
     board_id   TEXT    NOT NULL,
     label      TEXT    NOT NULL,
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,
     revoked_at INTEGER
   );
   CREATE INDEX metric_feeds_by_board ON metric_feeds (board_id, created_at);`,
];

// "Current at `at`": recorded by then and not yet superseded then. Without `at`, the live rows.
const LIVE = 'superseded_at IS NULL';
const AS_OF = 'recorded_at <= @at AND (superseded_at IS NULL OR superseded_at > @at)';

/** Opens (creating if needed) the metrics database in `dataDir`. */
export function openMetricsStore(dataDir: string): MetricsStore {
  const db = openSqliteFile(dataDir, METRICS_FILE, 'metrics', MIGRATIONS);

  const currentOf = db.prepare<[string, string, string], { id: number; value: number }>(
    `SELECT id, value FROM metric_values WHERE board_id = ? AND kpi_id = ? AND day = ? AND ${LIVE}`,
  );
  const supersede = db.prepare<[number, string, number]>('UPDATE metric_values SET superseded_at = ?, superseded_by = ? WHERE id = ?');
  const insert = db.prepare<[string, string, string, number, string, string, number]>(
    'INSERT INTO metric_values (board_id, kpi_id, day, value, source, batch, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const rowsOfBatch = db.prepare<[string, string], { id: number; kpi_id: string }>(
    `SELECT id, kpi_id FROM metric_values WHERE board_id = ? AND batch = ? AND ${LIVE}`,
  );
  const replacedBy = db.prepare<[string, string], { kpi_id: string; day: string; value: number; source: string }>(
    'SELECT kpi_id, day, value, source FROM metric_values WHERE board_id = ? AND superseded_by = ? ORDER BY id',
  );
  const seriesNow = db.prepare<[string, string], ValueRow>(
    `SELECT kpi_id, day, value, source FROM metric_values WHERE board_id = ? AND kpi_id = ? AND ${LIVE} ORDER BY day`,
  );
  const seriesAt = db.prepare<{ b: string; k: string; at: number }, ValueRow>(
    `SELECT kpi_id, day, value, source FROM metric_values WHERE board_id = @b AND kpi_id = @k AND ${AS_OF} ORDER BY day`,
  );
  const allNow = db.prepare<[string], ValueRow>(
    `SELECT kpi_id, day, value, source FROM metric_values WHERE board_id = ? AND ${LIVE} ORDER BY kpi_id, day`,
  );
  const allAt = db.prepare<{ b: string; at: number }, ValueRow>(
    `SELECT kpi_id, day, value, source FROM metric_values WHERE board_id = @b AND ${AS_OF} ORDER BY kpi_id, day`,
  );
  // The newest SPARK_POINTS values of every KPI of a board, and how many each has, in one pass.
  const recentSql = (where: string) =>
    `SELECT kpi_id, day, value, source, n, total FROM (
       SELECT kpi_id, day, value, source,
              ROW_NUMBER() OVER (PARTITION BY kpi_id ORDER BY day DESC) AS n,
              COUNT(*) OVER (PARTITION BY kpi_id) AS total
       FROM metric_values WHERE board_id = @b AND ${where}
     ) WHERE n <= ${SPARK_POINTS} ORDER BY kpi_id, day`;
  // Without `at`, each KPI's newest values come straight off the index of live rows: no sort of the board's rows.
  const countsNow = db.prepare<[string], { kpi_id: string; total: number }>(
    `SELECT kpi_id, COUNT(*) AS total FROM metric_values WHERE board_id = ? AND ${LIVE} GROUP BY kpi_id`,
  );
  const recentOfKpi = db.prepare<[string, string], ValueRow>(
    `SELECT kpi_id, day, value, source FROM metric_values WHERE board_id = ? AND kpi_id = ? AND ${LIVE} ORDER BY day DESC LIMIT ${SPARK_POINTS}`,
  );
  const recentAt = db.prepare<{ b: string; at: number }, ValueRow & { total: number }>(recentSql(AS_OF));
  const earlierNow = db.prepare<{ b: string; k: string; d: string }, ValueRow>(
    `SELECT kpi_id, day, value, source FROM metric_values WHERE board_id = @b AND kpi_id = @k AND day <= @d AND ${LIVE} ORDER BY day DESC LIMIT 1`,
  );
  const earlierAt = db.prepare<{ b: string; k: string; d: string; at: number }, ValueRow>(
    `SELECT kpi_id, day, value, source FROM metric_values WHERE board_id = @b AND kpi_id = @k AND day <= @d AND ${AS_OF} ORDER BY day DESC LIMIT 1`,
  );
  const insertFeed = db.prepare<[string, string, string, number, number]>(
    'INSERT INTO metric_feeds (id, board_id, label, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
  );
  const feedsOf = db.prepare<[string], { id: string; label: string; created_at: number; expires_at: number; revoked_at: number | null }>(
    'SELECT id, label, created_at, expires_at, revoked_at FROM metric_feeds WHERE board_id = ? ORDER BY created_at DESC, id',
  );
  const revokeFeed = db.prepare<[number, string, string]>(
    'UPDATE metric_feeds SET revoked_at = ? WHERE board_id = ? AND id = ? AND revoked_at IS NULL',
  );
  const feedLive = db.prepare<[string, string], { id: string }>(
    'SELECT id FROM metric_feeds WHERE board_id = ? AND id = ? AND revoked_at IS NULL',
  );
  const feedExists = db.prepare<[string, string], { id: string }>('SELECT id FROM metric_feeds WHERE board_id = ? AND id = ?');

  const write = db.transaction((boardId: string, values: readonly MetricInput[], source: MetricSource, now: number): WriteResult => {
    const result: WriteResult = { batch: newId(), inserted: 0, updated: 0, unchanged: 0 };
    for (const v of values) {
      const existing = currentOf.get(boardId, v.kpiId, v.date);
      if (existing && existing.value === v.value) {
        result.unchanged++;
        continue;
      }
      if (existing) supersede.run(now, result.batch, existing.id);
      insert.run(boardId, v.kpiId, v.date, v.value, source, result.batch, now);
      if (existing) result.updated++;
      else result.inserted++;
    }
    return result;
  });
  const remove = db.transaction((boardId: string, kpiId: string, date: string, now: number): string | null => {
    const existing = currentOf.get(boardId, kpiId, date);
    if (!existing) return null;
    const batch = newId();
    supersede.run(now, batch, existing.id);
    return batch;
  });
  const revert = db.transaction((boardId: string, batch: string, now: number): string[] => {
    const undo = newId();
    const changed = new Set<string>();
    for (const row of rowsOfBatch.all(boardId, batch)) {
      supersede.run(now, undo, row.id);
      changed.add(row.kpi_id);
    }
    for (const old of replacedBy.all(boardId, batch)) {
      // Only where nothing newer took the day meanwhile: an undo never overwrites a later write.
      if (currentOf.get(boardId, old.kpi_id, old.day)) continue;
      insert.run(boardId, old.kpi_id, old.day, old.value, old.source, undo, now);
      changed.add(old.kpi_id);
    }
    return [...changed];
  });

  // How many live values each KPI of a board has: counting them scans the board's index, so the
  // counts are kept per board until a write changes them (boards are read far more than written).
  const counts = new Map<string, { kpi_id: string; total: number }[]>();
  const countsOf = (boardId: string) => {
    let known = counts.get(boardId);
    if (!known) {
      if (counts.size > 1000) counts.clear();
      counts.set(boardId, (known = countsNow.all(boardId)));
    }
    return known;
  };
  const summaryOf = (boardId: string, kpiIds: readonly string[] | undefined, at: number | undefined): MetricsSummary => {
    const rows =
      at === undefined
        ? countsOf(boardId)
            .filter(({ kpi_id }) => !kpiIds || kpiIds.includes(kpi_id))
            .flatMap(({ kpi_id, total }) =>
              recentOfKpi
                .all(boardId, kpi_id)
                .reverse()
                .map((r) => ({ ...r, total })),
            )
        : recentAt.all({ b: boardId, at });
    const out = summaryOfRecent(rows, kpiIds, (row) => row.total);
    for (const [kpiId, entry] of Object.entries(out)) {
      const d = trendStart(entry);
      const row = at === undefined ? earlierNow.get({ b: boardId, k: kpiId, d }) : earlierAt.get({ b: boardId, k: kpiId, d, at });
      entry.earlier = row ? point(row) : null;
    }
    return out;
  };

  const changed = <T>(boardId: string, result: T): T => {
    counts.delete(boardId);
    return result;
  };
  return {
    write: async (boardId, values, source, now = Date.now()) => changed(boardId, write(boardId, values, source, now)),
    remove: async (boardId, kpiId, date, now = Date.now()) => changed(boardId, remove(boardId, kpiId, date, now)),
    revert: async (boardId, batch, now = Date.now()) => changed(boardId, revert(boardId, batch, now)),
    series: async (boardId, kpiId, at) =>
      (at === undefined ? seriesNow.all(boardId, kpiId) : seriesAt.all({ b: boardId, k: kpiId, at })).map(point),
    allSeries: async (boardId, at) => {
      const out: Record<string, MetricPoint[]> = {};
      for (const row of at === undefined ? allNow.all(boardId) : allAt.all({ b: boardId, at })) (out[row.kpi_id] ??= []).push(point(row));
      return out;
    },
    summary: async (boardId, kpiIds, at) => summaryOf(boardId, kpiIds, at),
    addFeed: async (boardId, label, expiresAt, now = Date.now()) => {
      const id = newId();
      insertFeed.run(id, boardId, label, now, expiresAt);
      return { id, label, createdAt: now, expiresAt, revokedAt: null };
    },
    listFeeds: async (boardId) =>
      feedsOf
        .all(boardId)
        .map((r) => ({ id: r.id, label: r.label, createdAt: r.created_at, expiresAt: r.expires_at, revokedAt: r.revoked_at })),
    revokeFeed: async (boardId, feedId, now = Date.now()) => {
      revokeFeed.run(now, boardId, feedId);
      return feedExists.get(boardId, feedId) !== undefined;
    },
    isFeedLive: async (boardId, feedId) => feedLive.get(boardId, feedId) !== undefined,
    ...sqliteMetricRows(db, () => counts.clear()),
    close: async () => {
      if (db.open) db.close();
    },
  };
}
