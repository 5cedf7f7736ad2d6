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

/** Downloads of the open board: the whole board or one journey as JSON, a journey's touchpoints as CSV. */
export function useBoardData(): { exportJson(journeyId: string | null): void; exportCsv(journeyId: string): void } {
  const { doc } = useBoardSession();
  const locale = useUiStore((s) => s.locale);
  const exportJson = useCallback(
    (journeyId: string | null) => {
      const board = readBoard(doc);
      const journey = board.journeys.find((j) => j.id === journeyId);
      const file = boardFile(board, { journeyId, exportedAt: new Date().toISOString() });
      const name = `${slugify(board.meta.title)}${journey ? `-${slugify(journey.name)}` : ''}.parcours.json`;
      downloadBlob(new Blob([boardFileJson(file)], { type: 'application/json' }), name);
    },
    [doc],
  );
  const exportCsv = useCallback(
    (journeyId: string) => {
      const board = readBoard(doc);
      const journey = board.journeys.find((j) => j.id === journeyId);
      const csv = touchpointsCsv(board, journeyId, csvLabels(locale), csvDelimiterFor(locale));
      downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `${slugify(board.meta.title)}-${slugify(journey?.name ?? '')}-touchpoints.csv`);
    },
    [doc, locale],
  );
  return { exportJson, exportCsv };
}
