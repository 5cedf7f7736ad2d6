/**
 * The KPI database's rows as the migration between stores copies them (SQLite side): every
 * value under its id, superseded ones included, and every feed.
 */
import type Database from 'better-sqlite3';
import type { FeedRow, MetricsStore, MetricValueRow } from './metricsStore';

type RowAccess = Pick<MetricsStore, 'exportValues' | 'importValues' | 'exportFeeds' | 'importFeeds' | 'counts'>;

/** Export and import over the metrics database `db`; `onImport` runs before rows go in (cached counts go stale). */
export function sqliteMetricRows(db: Database.Database, onImport: () => void): RowAccess {
  type DbValue = {
    id: number;
    board_id: string;
    kpi_id: string;
    day: string;
    value: number;
    source: string;
    batch: string;
    recorded_at: number;
    superseded_at: number | null;
    superseded_by: string | null;
  };
  const valuesAfter = db.prepare<[number, number], DbValue>('SELECT * FROM metric_values WHERE id > ? ORDER BY id LIMIT ?');
  const upsertValue = db.prepare(
    `INSERT INTO metric_values (id, board_id, kpi_id, day, value, source, batch, recorded_at, superseded_at, superseded_by)
     VALUES (@id, @boardId, @kpiId, @day, @value, @source, @batch, @recordedAt, @supersededAt, @supersededBy)
     ON CONFLICT (id) DO UPDATE SET superseded_at = excluded.superseded_at, superseded_by = excluded.superseded_by
     WHERE metric_values.superseded_at IS NOT excluded.superseded_at OR metric_values.superseded_by IS NOT excluded.superseded_by`,
  );
  const importValues = db.transaction((rows: readonly MetricValueRow[]) => rows.reduce((n, r) => n + upsertValue.run(r).changes, 0));
  const allFeeds = db.prepare<
    [],
    { id: string; board_id: string; label: string; created_at: number; expires_at: number; revoked_at: number | null }
  >('SELECT id, board_id, label, created_at, expires_at, revoked_at FROM metric_feeds ORDER BY id');
  const upsertFeed = db.prepare(
    `INSERT INTO metric_feeds (id, board_id, label, created_at, expires_at, revoked_at) VALUES (@id, @boardId, @label, @createdAt, @expiresAt, @revokedAt)
     ON CONFLICT (id) DO UPDATE SET revoked_at = excluded.revoked_at WHERE metric_feeds.revoked_at IS NOT excluded.revoked_at`,
  );
  const importFeeds = db.transaction((rows: readonly FeedRow[]) => rows.reduce((n, r) => n + upsertFeed.run(r).changes, 0));
  const countAll = db.prepare<[], { values: number; feeds: number }>(
    'SELECT (SELECT COUNT(*) FROM metric_values) AS "values", (SELECT COUNT(*) FROM metric_feeds) AS feeds',
  );

  return {
    exportValues: async (limit, afterId = 0) =>
      valuesAfter.all(afterId, limit).map((r) => ({
        id: r.id,
        boardId: r.board_id,
        kpiId: r.kpi_id,
        day: r.day,
        value: r.value,
        source: r.source,
        batch: r.batch,
        recordedAt: r.recorded_at,
        supersededAt: r.superseded_at,
        supersededBy: r.superseded_by,
      })),
    importValues: async (rows) => {
      onImport();
      return importValues(rows);
    },
    exportFeeds: async () =>
      allFeeds.all().map((r) => ({
        id: r.id,
        boardId: r.board_id,
        label: r.label,
        createdAt: r.created_at,
        expiresAt: r.expires_at,
        revokedAt: r.revoked_at,
      })),
    importFeeds: async (rows) => importFeeds(rows),
    counts: async () => countAll.get()!,
  };
}
