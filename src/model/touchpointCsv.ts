/**
 * Touchpoints as CSV: one row per card (stage, channel, position in the cell, text, evaluation,
 * moment of truth). Writing uses the words of the interface language; reading accepts the
 * words of every language, plus green / orange / red. Pure: the words are handed in.
 */
import { type Delimiter, parseCsv, protectCell, unprotectCell, writeCsv } from './csv';
import type { BoardSnapshot, Channel, Evaluation, Stage, Touchpoint } from './types';
import { EVALUATIONS } from './types';

export const CSV_COLUMNS = ['stage', 'channel', 'position', 'text', 'evaluation', 'momentOfTruth'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED: readonly CsvColumn[] = ['stage', 'channel', 'text'];

/** The words of one language: column titles, evaluation words, "yes". */
export interface CsvLabels {
  headers: Record<CsvColumn, string>;
  evaluations: Record<Evaluation | 'none', string>;
  yes: string;
}

/** Longest touchpoint text accepted from a file. */
export const MAX_TOUCHPOINT_TEXT = 2000;
/** Most rows one import may add (one undo step, one update to every peer). */
export const MAX_IMPORT_ROWS = 2000;
/** Largest CSV file read. */
export const MAX_CSV_BYTES = 2 * 1024 * 1024;

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
  | 'textTooLong'
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
  text: string;
  evaluation: Evaluation | null;
  momentOfTruth: boolean;
  /** 1-based position asked for in the cell, or null. */
  position: number | null;
}

export type CsvFatal =
  | { problem: 'unterminatedQuote'; line: number }
  | { problem: 'missingColumns'; columns: CsvColumn[] }
  | { problem: 'noRows' };

export interface TouchpointImportPlan {
  add: PlannedTouchpoint[];
  rejected: RejectedRow[];
  /** Names of stages and channels to create, in order of first appearance. */
  newStages: string[];
  newChannels: string[];
  fatal: CsvFatal | null;
  delimiter: Delimiter;
}

function lookup<T extends Stage | Channel>(lanes: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const lane of lanes) if (!map.has(normalizeWord(lane.name))) map.set(normalizeWord(lane.name), lane);
  return map;
}

/**
 * Reads a CSV of touchpoints against a journey's lanes. Nothing is applied: the plan lists what
 * would be added, what is rejected (with line numbers and reasons) and which lanes are new.
 * With `createLanes` false, rows naming an unknown stage or channel are rejected.
 */
export function planTouchpointImport(
  text: string,
  lanes: { stages: readonly Stage[]; channels: readonly Channel[] },
  vocabulary: readonly CsvLabels[],
  createLanes: boolean,
): TouchpointImportPlan {
  const parsed = parseCsv(text);
  const plan: TouchpointImportPlan = { add: [], rejected: [], newStages: [], newChannels: [], fatal: null, delimiter: parsed.delimiter };
  if (parsed.unterminatedAt !== null) return { ...plan, fatal: { problem: 'unterminatedQuote', line: parsed.unterminatedAt } };
  const [head, ...body] = parsed.records;
  if (!head) return { ...plan, fatal: { problem: 'noRows' } };
  const columns = new Map<CsvColumn, number>();
  head.fields.forEach((title, i) => {
    const word = normalizeWord(title);
    const column = CSV_COLUMNS.find((c) => c === title || vocabulary.some((v) => normalizeWord(v.headers[c]) === word));
    if (column && !columns.has(column)) columns.set(column, i);
  });
  const missing = REQUIRED.filter((c) => !columns.has(c));
  if (missing.length) return { ...plan, fatal: { problem: 'missingColumns', columns: missing } };
  if (body.length === 0) return { ...plan, fatal: { problem: 'noRows' } };

  const evaluationWords = new Map<string, Evaluation | null>(Object.entries(BUILTIN_EVALUATION));
  for (const v of vocabulary) {
    for (const ev of EVALUATIONS) evaluationWords.set(normalizeWord(v.evaluations[ev]), ev);
    evaluationWords.set(normalizeWord(v.evaluations.none), null);
  }
  const yes = new Set([...YES, ...vocabulary.map((v) => normalizeWord(v.yes))]);
  const stages = lookup(lanes.stages);
  const channels = lookup(lanes.channels);
  const newStages = new Map<string, string>();
  const newChannels = new Map<string, string>();
  const cell = (fields: string[], c: CsvColumn) => {
    const i = columns.get(c);
    return i === undefined ? '' : (fields[i] ?? '');
  };

  for (const { line, fields } of body) {
    if (plan.add.length >= MAX_IMPORT_ROWS) {
      plan.rejected.push({ line, problem: 'tooManyRows' });
      continue;
    }
    const stageName = unprotectCell(cell(fields, 'stage')).trim();
    const channelName = unprotectCell(cell(fields, 'channel')).trim();
    const text = unprotectCell(cell(fields, 'text'));
    const evaluationWord = normalizeWord(cell(fields, 'evaluation'));
    const motWord = normalizeWord(cell(fields, 'momentOfTruth'));
    const positionWord = cell(fields, 'position').trim();
    const reject = (problem: RowProblem, value?: string) => plan.rejected.push(value === undefined ? { line, problem } : { line, problem, value });
    if (!stageName) {
      reject('missingStage');
      continue;
    }
    if (!channelName) {
      reject('missingChannel');
      continue;
    }
    if (!text.trim()) {
      reject('emptyText');
      continue;
    }
    if (Array.from(text).length > MAX_TOUCHPOINT_TEXT) {
      reject('textTooLong', String(Array.from(text).length));
      continue;
    }
    if (!evaluationWords.has(evaluationWord)) {
      reject('badEvaluation', cell(fields, 'evaluation'));
      continue;
    }
    if (!yes.has(motWord) && !NO.includes(motWord)) {
      reject('badMomentOfTruth', cell(fields, 'momentOfTruth'));
      continue;
    }
    if (positionWord && !/^\d{1,6}$/.test(positionWord)) {
      reject('badPosition', positionWord);
      continue;
    }
    const stage = stages.get(normalizeWord(stageName));
    const channel = channels.get(normalizeWord(channelName));
    if (!stage && !createLanes) {
      reject('unknownStage', stageName);
      continue;
    }
    if (!channel && !createLanes) {
      reject('unknownChannel', channelName);
      continue;
    }
    if (!stage && !newStages.has(normalizeWord(stageName))) newStages.set(normalizeWord(stageName), stageName);
    if (!channel && !newChannels.has(normalizeWord(channelName))) newChannels.set(normalizeWord(channelName), channelName);
    plan.add.push({
      line,
      stageName: stage?.name ?? (newStages.get(normalizeWord(stageName)) as string),
      channelName: channel?.name ?? (newChannels.get(normalizeWord(channelName)) as string),
      stageId: stage?.id ?? null,
      channelId: channel?.id ?? null,
      text,
      evaluation: evaluationWords.get(evaluationWord) ?? null,
      momentOfTruth: yes.has(motWord),
      position: positionWord ? Number(positionWord) : null,
    });
  }
  plan.newStages = [...newStages.values()];
  plan.newChannels = [...newChannels.values()];
  return plan;
}

/** The touchpoints of a plan for one cell, in the order they will be added (position, then line). */
export function orderWithinCell(rows: readonly PlannedTouchpoint[]): PlannedTouchpoint[] {
  return [...rows].sort((a, b) => (a.position ?? Infinity) - (b.position ?? Infinity) || a.line - b.line);
}

/** Touchpoint texts of a journey keyed by cell, for comparisons in tests and previews. */
export function touchpointSummary(t: Pick<Touchpoint, 'text' | 'evaluation' | 'momentOfTruth'>): string {
  return `${t.text}|${t.evaluation ?? ''}|${t.momentOfTruth ? 1 : 0}`;
}
