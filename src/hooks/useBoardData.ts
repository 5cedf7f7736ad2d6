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

/** Downloads of the open board: the whole board or one journey as JSON, a journey's touchpoints as CSV. */
export function useBoardData(): { exportJson(journeyId: string | null): Promise<void>; exportCsv(journeyId: string): void } {
  const session = useBoardSession();
  const { doc } = session;
  const locale = useUiStore((s) => s.locale);
  const exportJson = useCallback(
    async (journeyId: string | null) => {
      const board = readBoard(doc);
      const journey = board.journeys.find((j) => j.id === journeyId);
      // The KPIs' values come from the relay; offline, the file carries the board without them.
      const metrics = await metricsOf(session)
        .allSeries()
        .catch(() => undefined);
      const file = boardFile(board, { journeyId, exportedAt: new Date().toISOString(), metrics });
      const name = `${slugify(board.meta.title)}${journey ? `-${slugify(journey.name)}` : ''}.parcours.json`;
      downloadBlob(new Blob([boardFileJson(file)], { type: 'application/json' }), name);
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
