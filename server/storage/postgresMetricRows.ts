/**
 * The PostgreSQL KPI tables' rows as the migration between stores copies them (PostgreSQL side):
 * every value under its id, superseded ones included, and every feed, each written back in one
 * statement over column arrays. The store that answers the relay is postgresMetrics.ts, which
 * also reads feeds through `feedInfoOf` here; server/metricsRows.ts is the same copy for SQLite.
 */
import type pg from 'pg';
import type { FeedInfo, FeedRow, MetricsStore, MetricValueRow } from '../metricsStore';
import { inTransaction, num } from './pgSchema';

type RowAccess = Pick<MetricsStore, 'exportValues' | 'importValues' | 'exportFeeds' | 'importFeeds' | 'counts'>;

/** A metric_feeds row as PostgreSQL returns it (BIGINT as text). */
export interface DbFeed {
  id: string;
  board_id: string;
  label: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

/** A feed token's listing from its row. */
export function feedInfoOf(r: Omit<DbFeed, 'board_id'>): FeedInfo {
  return {
    id: r.id,
    label: r.label,
    createdAt: num(r.created_at),
    expiresAt: num(r.expires_at),
    revokedAt: r.revoked_at === null ? null : num(r.revoked_at),
  };
}

/** The rows as one array per field, in `fields` order: the parameters of an INSERT … SELECT * FROM unnest(…). */
function columnsOf<R, K extends keyof R>(rows: readonly R[], fields: readonly K[]): R[K][][] {
  return fields.map((field) => rows.map((row) => row[field]));
}

/** Export and import over the KPI tables of `pool`. */
export function postgresMetricRows(pool: pg.Pool): RowAccess {
  return {
    exportValues: async (limit, afterId = 0) =>
      (
        await pool.query<Record<string, string | number | null>>(
          'SELECT id, board_id, kpi_id, day, value, source, batch, recorded_at, superseded_at, superseded_by FROM metric_values WHERE id > $1 ORDER BY id LIMIT $2',
          [afterId, limit],
        )
      ).rows.map((r): MetricValueRow => ({
        id: num(r.id),
        boardId: String(r.board_id),
        kpiId: String(r.kpi_id),
        day: String(r.day),
        value: Number(r.value),
        source: String(r.source),
        batch: String(r.batch),
        recordedAt: num(r.recorded_at),
        supersededAt: r.superseded_at === null ? null : num(r.superseded_at),
        supersededBy: r.superseded_by === null ? null : String(r.superseded_by),
      })),
    importValues: async (rows) => {
      if (rows.length === 0) return 0;
      return inTransaction(pool, async (client) => {
        const result = await client.query(
          `INSERT INTO metric_values (id, board_id, kpi_id, day, value, source, batch, recorded_at, superseded_at, superseded_by)
           SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::text[], $7::text[], $8::bigint[], $9::bigint[], $10::text[])
           ON CONFLICT (id) DO UPDATE SET superseded_at = EXCLUDED.superseded_at, superseded_by = EXCLUDED.superseded_by
           WHERE metric_values.superseded_at IS DISTINCT FROM EXCLUDED.superseded_at OR metric_values.superseded_by IS DISTINCT FROM EXCLUDED.superseded_by`,
          columnsOf(rows, ['id', 'boardId', 'kpiId', 'day', 'value', 'source', 'batch', 'recordedAt', 'supersededAt', 'supersededBy']),
        );
        // New values are numbered after the copied ones.
        await client.query("SELECT setval(pg_get_serial_sequence('metric_values', 'id'), (SELECT MAX(id) FROM metric_values))");
        return result.rowCount ?? 0;
      });
    },
    exportFeeds: async () =>
      (
        await pool.query<DbFeed>('SELECT id, board_id, label, created_at, expires_at, revoked_at FROM metric_feeds ORDER BY id COLLATE "C"')
      ).rows.map((r): FeedRow => ({ ...feedInfoOf(r), boardId: r.board_id })),
    importFeeds: async (rows) => {
      if (rows.length === 0) return 0;
      const result = await pool.query(
        `INSERT INTO metric_feeds (id, board_id, label, created_at, expires_at, revoked_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::bigint[])
         ON CONFLICT (id) DO UPDATE SET revoked_at = EXCLUDED.revoked_at WHERE metric_feeds.revoked_at IS DISTINCT FROM EXCLUDED.revoked_at`,
        columnsOf(rows, ['id', 'boardId', 'label', 'createdAt', 'expiresAt', 'revokedAt']),
      );
      return result.rowCount ?? 0;
    },
    counts: async () => {
      const result = await pool.query<{ values: string; feeds: string }>(
        'SELECT (SELECT COUNT(*) FROM metric_values) AS "values", (SELECT COUNT(*) FROM metric_feeds) AS feeds',
      );
      return { values: num(result.rows[0]!.values), feeds: num(result.rows[0]!.feeds) };
    },
  };
}
