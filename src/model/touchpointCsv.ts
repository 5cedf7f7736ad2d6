/**
 * Touchpoints as CSV: one row per card (stage, channel, position in the cell, text, evaluation,
 * moment of truth, id). Writing uses the words of the interface language; reading accepts the
 * words of every language, plus green / orange / red. Pure: the words are handed in.
 */
import { type Delimiter, parseCsv, protectCell, unprotectCell, writeCsv } from './csv';
import { MAX_IMPORT_ROWS, isOverLimit, limitText } from './limits';
import { matchExisting, type ImportMatches } from './touchpointMatch';
import type { BoardSnapshot, Channel, Evaluation, Stage, Touchpoint } from './types';
import { EVALUATIONS } from './types';

/** The columns, in the order a file is written; `id` lets a re-import find the cards it came from. */
export const CSV_COLUMNS = ['stage', 'channel', 'position', 'text', 'evaluation', 'momentOfTruth', 'id'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED: readonly CsvColumn[] = ['stage', 'channel', 'text'];

/** The words of one language: column titles, evaluation words, "yes". */
export interface CsvLabels {
  headers: Record<CsvColumn, string>;
  evaluations: Record<Evaluation | 'none', string>;
  yes: string;
}

/** Lower case, no accents, single spaces: how names and words are compared. */
export function normalizeWord(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const BUILTIN_EVALUATION: Record<string, Evaluation | null> = {
  green: 'delight',
  vert: 'delight',
  orange: 'improvable',
  red: 'pain',
  rouge: 'pain',
  delight: 'delight',
  improvable: 'improvable',
  pain: 'pain',
  '': null,
};
const YES = ['oui', 'yes', 'x', '1', 'true', 'vrai', '✓', '★'];
const NO = ['non', 'no', '', '0', 'false', 'faux'];

/** The touchpoints of a journey as CSV rows, in stage, channel, then card order. Cards without a lane are left out. */
export function touchpointRows(board: BoardSnapshot, journeyId: string, labels: CsvLabels): string[][] {
  const stages = board.stages.filter((s) => s.journeyId === journeyId);
  const channels = board.channels.filter((c) => c.journeyId === journeyId);
  const rows: string[][] = [CSV_COLUMNS.map((c) => labels.headers[c])];
  for (const stage of stages) {
    for (const channel of channels) {
      const cards = board.touchpoints.filter((t) => t.journeyId === journeyId && t.stageId === stage.id && t.channelId === channel.id);
      cards.forEach((t, i) => {
        rows.push([
          protectCell(stage.name),
          protectCell(channel.name),
          String(i + 1),
          protectCell(t.text),
          t.evaluation ? labels.evaluations[t.evaluation] : '',
          t.momentOfTruth ? labels.yes : '',
          t.id,
        ]);
      });
    }
  }
  return rows;
}

/** A whole CSV file of a journey's touchpoints. */
export function touchpointsCsv(board: BoardSnapshot, journeyId: string, labels: CsvLabels, delimiter: Delimiter): string {
  return writeCsv(touchpointRows(board, journeyId, labels), delimiter);
}

export type RowProblem =
  | 'missingStage'
  | 'missingChannel'
  | 'emptyText'
  | 'unknownStage'
  | 'unknownChannel'
  | 'badEvaluation'
  | 'badMomentOfTruth'
  | 'badPosition'
  | 'tooManyRows';

export interface RejectedRow {
  line: number;
  problem: RowProblem;
  /** The offending value, when there is one. */
  value?: string;
}

export interface PlannedTouchpoint {
  line: number;
  stageName: string;
  channelName: string;
  /** Id of an existing lane, or null when the lane is to be created. */
  stageId: string | null;
  channelId: string | null;
  /** The text to write: cut to a card's limit (for a card that exists, as an edit of its text). */
  text: string;
  /** The text as the file has it. */
  fileText: string;
  evaluation: Evaluation | null;
  momentOfTruth: boolean;
  /** 1-based position asked for in the cell, or null. */
  position: number | null;
  /** The id the file gives the card, or ''. */
  id: string;
}

export type CsvFatal =
  { problem: 'unterminatedQuote'; line: number } | { problem: 'missingColumns'; columns: CsvColumn[] } | { problem: 'noRows' };

export interface TouchpointImportPlan extends ImportMatches {
  rejected: RejectedRow[];
  /** Names of stages and channels to create, in order of first appearance. */
  newStages: string[];
  newChannels: string[];
  /** Names of new lanes cut to a lane name's limit. */
  cutNames: number;
  /** Which optional columns the file has: a card that exists keeps what the file does not say. */
  columns: CsvColumn[];
  fatal: CsvFatal | null;
  delimiter: Delimiter;
}

/** The lanes and cards of the journey a CSV is read into. */
export interface ImportTarget {
  stages: readonly Stage[];
  channels: readonly Channel[];
  /** The journey's cards, which rows of a re-imported file are matched against. */
  touchpoints?: readonly Touchpoint[];
}

function lookup<T extends Stage | Channel>(lanes: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const lane of lanes) if (!map.has(normalizeWord(lane.name))) map.set(normalizeWord(lane.name), lane);
  return map;
}

/**
 * Reads a CSV of touchpoints against a journey's lanes and cards. Nothing is applied: the plan
 * lists the cards to add, the rows that match a card already there (by id, or by cell and text)
 * and what they would change, what is rejected (with line numbers and reasons), which lanes are
 * new and which texts are cut to their limit. With `createLanes` false, rows naming an unknown
 * stage or channel are rejected.
 */
export function planTouchpointImport(
  text: string,
  target: ImportTarget,
  vocabulary: readonly CsvLabels[],
  createLanes: boolean,
): TouchpointImportPlan {
  const parsed = parseCsv(text);
  const empty: TouchpointImportPlan = {
    add: [],
    update: [],
    unchanged: [],
    rejected: [],
    newStages: [],
    newChannels: [],
    cutNames: 0,
    columns: [],
    fatal: null,
    delimiter: parsed.delimiter,
  };
  if (parsed.unterminatedAt !== null) return { ...empty, fatal: { problem: 'unterminatedQuote', line: parsed.unterminatedAt } };
  const [head, ...body] = parsed.records;
  if (!head) return { ...empty, fatal: { problem: 'noRows' } };
  const columns = new Map<CsvColumn, number>();
  head.fields.forEach((title, i) => {
    const word = normalizeWord(title);
    const column = CSV_COLUMNS.find((c) => c === title || vocabulary.some((v) => normalizeWord(v.headers[c]) === word));
    if (column && !columns.has(column)) columns.set(column, i);
  });
  const missing = REQUIRED.filter((c) => !columns.has(c));
  if (missing.length) return { ...empty, fatal: { problem: 'missingColumns', columns: missing } };
  if (body.length === 0) return { ...empty, fatal: { problem: 'noRows' } };

  const evaluationWords = new Map<string, Evaluation | null>(Object.entries(BUILTIN_EVALUATION));
  for (const v of vocabulary) {
    for (const ev of EVALUATIONS) evaluationWords.set(normalizeWord(v.evaluations[ev]), ev);
    evaluationWords.set(normalizeWord(v.evaluations.none), null);
  }
  const yes = new Set([...YES, ...vocabulary.map((v) => normalizeWord(v.yes))]);
  const stages = lookup(target.stages);
  const channels = lookup(target.channels);
  const newStages = new Map<string, string>();
  const newChannels = new Map<string, string>();
  let cutNames = 0;
  const newLane = (names: Map<string, string>, name: string) => {
    const key = normalizeWord(name);
    if (!names.has(key)) {
      if (isOverLimit('laneName', name)) cutNames++;
      names.set(key, limitText('laneName', name));
    }
    return names.get(key) as string;
  };
  const cell = (fields: string[], c: CsvColumn) => {
    const i = columns.get(c);
    return i === undefined ? '' : (fields[i] ?? '');
  };
  const rows: PlannedTouchpoint[] = [];
  const rejected: RejectedRow[] = [];

  for (const { line, fields } of body) {
    const reject = (problem: RowProblem, value?: string) =>
      rejected.push(value === undefined ? { line, problem } : { line, problem, value });
    if (rows.length >= MAX_IMPORT_ROWS) {
      reject('tooManyRows', String(MAX_IMPORT_ROWS));
      continue;
    }
    const stageName = unprotectCell(cell(fields, 'stage')).trim();
    const channelName = unprotectCell(cell(fields, 'channel')).trim();
    const fileText = unprotectCell(cell(fields, 'text'));
    const evaluationWord = normalizeWord(cell(fields, 'evaluation'));
    const motWord = normalizeWord(cell(fields, 'momentOfTruth'));
    const positionWord = cell(fields, 'position').trim();
    if (!stageName) reject('missingStage');
    else if (!channelName) reject('missingChannel');
    else if (!fileText.trim()) reject('emptyText');
    else if (!evaluationWords.has(evaluationWord)) reject('badEvaluation', cell(fields, 'evaluation'));
    else if (!yes.has(motWord) && !NO.includes(motWord)) reject('badMomentOfTruth', cell(fields, 'momentOfTruth'));
    else if (positionWord && !/^\d{1,6}$/.test(positionWord)) reject('badPosition', positionWord);
    else {
      const stage = stages.get(normalizeWord(stageName));
      const channel = channels.get(normalizeWord(channelName));
      if (!stage && !createLanes) reject('unknownStage', stageName);
      else if (!channel && !createLanes) reject('unknownChannel', channelName);
      else
        rows.push({
          line,
          stageName: stage?.name ?? newLane(newStages, stageName),
          channelName: channel?.name ?? newLane(newChannels, channelName),
          stageId: stage?.id ?? null,
          channelId: channel?.id ?? null,
          text: fileText,
          fileText,
          evaluation: evaluationWords.get(evaluationWord) ?? null,
          momentOfTruth: yes.has(motWord),
          position: positionWord ? Number(positionWord) : null,
          id: cell(fields, 'id').trim(),
        });
    }
  }
  const present = CSV_COLUMNS.filter((c) => columns.has(c));
  return {
    ...matchExisting(rows, target.touchpoints ?? [], present),
    rejected,
    newStages: [...newStages.values()],
    newChannels: [...newChannels.values()],
    cutNames,
    columns: present,
    fatal: null,
    delimiter: parsed.delimiter,
  };
}

/** The touchpoints of a plan for one cell, in the order they will be added (position, then line). */
export function orderWithinCell<T extends Pick<PlannedTouchpoint, 'position' | 'line'>>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => (a.position ?? Infinity) - (b.position ?? Infinity) || a.line - b.line);
}
