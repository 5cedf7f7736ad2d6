import { useCallback } from 'react';
import { readBoard } from '../doc/projection';
import { boardFile, boardFileJson } from '../model/fileExport';
import { slugify } from '../model/text';
import { touchpointsCsv } from '../model/touchpointCsv';
import { useUiStore } from '../store';
import { useBoardSession } from './useBoardSession';
import { csvLabels } from '../i18n/csvLabels';
import { csvDelimiterFor } from '../model/csv';
import { downloadBlob } from '../export/posterExport';
import { metricsOf } from '../sync/metrics';

/** What a board file export did: downloaded, or stopped because the KPI values could not be read (the caller asks). */
export type JsonExport = 'done' | 'metricsUnreadable';

/** Downloads of the open board: the whole board or one journey as JSON, a journey's touchpoints as CSV. */
export function useBoardData(): {
  /** Without `withoutMetrics`, an export whose KPI values cannot be read downloads nothing and says so. */
  exportJson(journeyId: string | null, options?: { withoutMetrics?: boolean }): Promise<JsonExport>;
  exportCsv(journeyId: string): void;
} {
  const session = useBoardSession();
  const { doc } = session;
  const locale = useUiStore((s) => s.locale);
  const exportJson = useCallback(
    async (journeyId: string | null, options: { withoutMetrics?: boolean } = {}): Promise<JsonExport> => {
      const board = readBoard(doc);
      const journey = board.journeys.find((j) => j.id === journeyId);
      // The KPIs' values come from the relay; a file silently without them would pass for a board without values.
      const metrics = await metricsOf(session)
        .allSeries()
        .catch(() => undefined);
      const hasKpis = board.kpis.some((k) => journeyId === null || k.journeyId === journeyId);
      const lost = !metrics && hasKpis;
      if (lost && !options.withoutMetrics) return 'metricsUnreadable';
      const file = boardFile(board, { journeyId, exportedAt: new Date().toISOString(), metrics, metricsOmitted: lost });
      const name = `${slugify(board.meta.title)}${journey ? `-${slugify(journey.name)}` : ''}.parcours.json`;
      downloadBlob(new Blob([boardFileJson(file)], { type: 'application/json' }), name);
      return 'done';
    },
    [doc, session],
  );
  const exportCsv = useCallback(
    (journeyId: string) => {
      const board = readBoard(doc);
      const journey = board.journeys.find((j) => j.id === journeyId);
      const csv = touchpointsCsv(board, journeyId, csvLabels(locale), csvDelimiterFor(locale));
      downloadBlob(
        new Blob([csv], { type: 'text/csv;charset=utf-8' }),
        `${slugify(board.meta.title)}-${slugify(journey?.name ?? '')}-touchpoints.csv`,
      );
    },
    [doc, locale],
  );
  return { exportJson, exportCsv };
}
