/** Writing a board file: the whole board, or one journey with its persona and its actions, as versioned JSON. */
import { FILE_FORMAT, FILE_VERSION, METRICS_OMITTED_OFFLINE, type BoardContent, type BoardFile } from './fileFormat';
import type { MetricPoint } from './metrics';
import { seriesForFile } from './metricsFileFormat';
import { RECORD_KINDS } from './records';
import type { BoardSnapshot } from './types';

/** Records of one journey (with its persona and its actions) or of the whole board. */
function selectRecords(board: BoardSnapshot, journeyId: string | null): BoardContent['records'] {
  const all = Object.fromEntries(RECORD_KINDS.map((k) => [k, board[k]])) as BoardContent['records'];
  if (journeyId === null) return all;
  const journeys = board.journeys.filter((j) => j.id === journeyId);
  const personaIds = new Set(journeys.map((j) => j.personaId));
  const inJourney = <T extends { journeyId: string | null }>(list: T[]) => list.filter((r) => r.journeyId === journeyId);
  const touchpoints = inJourney(board.touchpoints);
  const painPoints = inJourney(board.painPoints);
  const kpis = inJourney(board.kpis);
  const linkable = new Set([...touchpoints.map((t) => t.id), ...painPoints.map((p) => p.id), ...kpis.map((k) => k.id)]);
  return {
    journeys,
    stages: inJourney(board.stages),
    channels: inJourney(board.channels),
    touchpoints,
    personas: board.personas.filter((p) => personaIds.has(p.id)),
    kpis,
    emotions: inJourney(board.emotions),
    painPoints,
    laneCards: inJourney(board.laneCards),
    actions: inJourney(board.actions).map((a) => ({ ...a, links: a.links.filter((l) => linkable.has(l)) })),
    views: inJourney(board.views),
  };
}

/**
 * The file of a board (or of one of its journeys, with `journeyId`), with its KPIs' values when
 * given; `metricsOmitted` marks a file made while they could not be read.
 */
export function boardFile(
  board: BoardSnapshot,
  options: { journeyId?: string | null; exportedAt: string; metrics?: Record<string, MetricPoint[]>; metricsOmitted?: boolean },
): BoardFile {
  const journeyId = options.journeyId ?? null;
  const journey = journeyId ? board.journeys.find((j) => j.id === journeyId) : undefined;
  const records = selectRecords(board, journeyId);
  return {
    format: FILE_FORMAT,
    version: FILE_VERSION,
    schemaVersion: board.meta.schemaVersion,
    exportedAt: options.exportedAt,
    scope: journeyId ? 'journey' : 'board',
    meta: {
      title: journey && board.journeys.length > 1 ? `${board.meta.title} — ${journey.name}` : board.meta.title,
      createdAt: board.meta.createdAt,
    },
    records,
    ...(options.metrics ? { metrics: seriesForFile(options.metrics, new Set(records.kpis.map((k) => k.id))) } : {}),
    ...(!options.metrics && options.metricsOmitted ? { metricsOmitted: METRICS_OMITTED_OFFLINE } : {}),
  };
}

/** A board file as JSON text (two-space indented, final newline). */
export function boardFileJson(file: BoardFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
