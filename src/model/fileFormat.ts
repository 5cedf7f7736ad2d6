/**
 * The board file (open data): a whole board, or one journey, as versioned JSON. One zod schema
 * per record type, keyed like the document's record maps, so a new record type needs one entry
 * here. Validation explains every problem by path and reason; references between records are
 * checked and dangling ones dropped with a warning. See docs/file-format.md.
 */
import { z } from 'zod';
import { isOrderKey, spreadKeys } from './order';
import type { BoardSnapshot } from './types';
import { ACTION_STATUSES, EMOTION_MAX, EMOTION_MIN, EXTRA_ROWS, SCORE_MAX, SCORE_MIN } from './types';

export const FILE_FORMAT = 'parcours.board';
export const FILE_VERSION = 1;
/** Largest file read (bigger ones are refused before being read). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Most records of one type in a file. */
export const MAX_RECORDS = 20_000;

/** The record types of a board: the document's id-keyed maps. */
export type RecordKind = Exclude<keyof BoardSnapshot, 'meta'>;
export type RecordOf<K extends RecordKind> = BoardSnapshot[K][number];
/** A record as a file holds it: `order` may be left out (file order is then kept). */
export type FileRecord<K extends RecordKind> = Omit<RecordOf<K>, 'order'> & { order?: string };

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const id = z.string().regex(ID, { message: 'badId' });
const order = z.string().refine(isOrderKey, { message: 'badOrder' }).optional();
const name = z.string().max(500);
const longText = (fallback = true) => (fallback ? z.string().max(10_000).default('') : z.string().max(10_000));
const short = z.string().max(500).default('');
const sourceId = id.optional();
const oneOf = <T extends string>(values: readonly T[]) => z.enum(values as [T, ...T[]]);

const framing = z.object({
  objective: longText(),
  perimeter: longText(),
  segment: longText(),
  horizon: longText(),
  stakeholders: longText(),
});

type Schemas = { [K in RecordKind]: z.ZodType<FileRecord<K>, unknown> };

/** One schema per record type. Missing optional fields take their defaults; unknown fields are ignored. */
export const RECORD_SCHEMAS = {
  journeys: z.object({
    id,
    name,
    kind: z.enum(['existing', 'target']).default('existing'),
    order,
    personaId: id.nullable().default(null),
    framing: framing.default({ objective: '', perimeter: '', segment: '', horizon: '', stakeholders: '' }),
    extraRows: z.array(oneOf(EXTRA_ROWS)).max(EXTRA_ROWS.length).default([]),
  }),
  stages: z.object({ id, journeyId: id, name, order, owner: short, sourceId }),
  channels: z.object({ id, journeyId: id, name, order, owner: short, sourceId }),
  touchpoints: z.object({
    id,
    journeyId: id,
    stageId: id,
    channelId: id,
    text: longText(false),
    evaluation: z.enum(['delight', 'improvable', 'pain']).nullable().default(null),
    order,
    momentOfTruth: z.boolean().default(false),
    sourceId,
    example: z.boolean().optional(),
  }),
  personas: z.object({
    id,
    name,
    role: short,
    description: longText(),
    goals: longText(),
    frustrations: longText(),
    avatar: z.string().max(16).default(''),
    order,
  }),
  kpis: z.object({ id, journeyId: id, stageId: id, name, current: short, target: short, unit: short, order }),
  emotions: z.object({
    stageId: id,
    journeyId: id,
    score: z.number().int().min(EMOTION_MIN).max(EMOTION_MAX),
    words: short,
  }),
  painPoints: z.object({
    id,
    journeyId: id,
    stageId: id,
    text: longText(false),
    severity: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(2),
    touchpointIds: z.array(id).max(MAX_RECORDS).default([]),
    order,
  }),
  laneCards: z.object({ id, journeyId: id, stageId: id, row: oneOf(EXTRA_ROWS), text: longText(false), order }),
  actions: z.object({
    id,
    journeyId: id.nullable().default(null),
    title: name,
    owner: short,
    due: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'badDate' })]).default(''),
    status: oneOf(ACTION_STATUSES).default('todo'),
    impact: z.number().int().min(SCORE_MIN).max(SCORE_MAX).default(2),
    effort: z.number().int().min(SCORE_MIN).max(SCORE_MAX).default(2),
    links: z.array(id).max(MAX_RECORDS).default([]),
    order,
  }),
} satisfies Schemas;

/** The record types, in the order a file lists (and an import writes) them: parents first. */
export const RECORD_KINDS = Object.keys(RECORD_SCHEMAS) as RecordKind[];

const recordsSchema = z.object(
  Object.fromEntries(RECORD_KINDS.map((k) => [k, z.array(RECORD_SCHEMAS[k]).max(MAX_RECORDS).default([])])) as unknown as {
    [K in RecordKind]: z.ZodDefault<z.ZodArray<Schemas[K]>>;
  },
);

const fileSchema = z.object({
  format: z.literal(FILE_FORMAT),
  version: z.literal(FILE_VERSION),
  schemaVersion: z.number().int().min(1),
  exportedAt: z.string().max(100).optional(),
  scope: z.enum(['board', 'journey']).default('board'),
  meta: z.object({
    title: z.string().trim().min(1, { message: 'blank' }).max(500),
    createdAt: z.number().int().min(0).default(0),
  }),
  records: recordsSchema,
});

/** A board file as written by `boardFile` (and read back by `readBoardFile`). */
export interface BoardFile {
  format: typeof FILE_FORMAT;
  version: typeof FILE_VERSION;
  schemaVersion: number;
  exportedAt: string;
  scope: 'board' | 'journey';
  meta: { title: string; createdAt: number };
  records: { [K in RecordKind]: FileRecord<K>[] };
}

/** What an import writes: the records with every reference checked and every order key set. */
export interface BoardContent {
  meta: { title: string; createdAt: number };
  records: { [K in RecordKind]: RecordOf<K>[] };
}

export type FileProblem =
  | 'notJson'
  | 'tooBig'
  | 'notBoardFile'
  | 'newerVersion'
  | 'missing'
  | 'wrongType'
  | 'tooLong'
  | 'tooMany'
  | 'tooLarge'
  | 'tooSmall'
  | 'notOneOf'
  | 'blank'
  | 'badId'
  | 'badOrder'
  | 'badDate'
  | 'duplicateId'
  | 'invalid';

/** One problem of a file: where (a path such as `records.touchpoints[3].text`) and why. */
export interface FileIssue {
  path: string;
  problem: FileProblem;
  params?: Record<string, string | number>;
}

export type FileWarningKind = 'droppedRecord' | 'clearedReference' | 'unplacedTouchpoint';

/** Something an import repairs rather than refuses: a dangling reference. */
export interface FileWarning {
  path: string;
  kind: FileWarningKind;
  /** The field that points nowhere and the id it points to. */
  field: string;
  ref: string;
}

export type FileReadResult = { ok: true; content: BoardContent; warnings: FileWarning[]; scope: 'board' | 'journey' } | { ok: false; issues: FileIssue[] };

/** `records.touchpoints[3].text` from a zod path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out || '(file)';
}

const OWN_MESSAGES = new Set<string>(['badId', 'badOrder', 'badDate', 'blank']);

function issueOf(issue: z.core.$ZodIssue): FileIssue {
  const path = formatPath(issue.path);
  if (OWN_MESSAGES.has(issue.message)) return { path, problem: issue.message as FileProblem };
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? { path, problem: 'missing' } : { path, problem: 'wrongType', params: { expected: issue.expected } };
    case 'too_big':
      if (issue.origin === 'string') return { path, problem: 'tooLong', params: { max: Number(issue.maximum) } };
      if (issue.origin === 'array') return { path, problem: 'tooMany', params: { max: Number(issue.maximum) } };
      return { path, problem: 'tooLarge', params: { max: Number(issue.maximum) } };
    case 'too_small':
      if (issue.origin === 'string') return { path, problem: 'blank' };
      return { path, problem: 'tooSmall', params: { min: Number(issue.minimum) } };
    case 'invalid_value':
      return { path, problem: 'notOneOf', params: { values: issue.values.map((v) => JSON.stringify(v)).join(', ') } };
    case 'invalid_union':
      return { path, problem: 'invalid' };
    default:
      return { path, problem: 'invalid' };
  }
}

/** Most issues reported for one file: past that, the list ends with a count. */
export const MAX_ISSUES = 200;

/**
 * Validates parsed JSON as a board file. On success, the content to write (dangling references
 * dropped, orders filled in) and the warnings about what was dropped; otherwise every problem.
 */
export function readBoardFile(raw: unknown): FileReadResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || (raw as { format?: unknown }).format !== FILE_FORMAT) {
    return { ok: false, issues: [{ path: 'format', problem: 'notBoardFile', params: { expected: FILE_FORMAT } }] };
  }
  const version = (raw as { version?: unknown }).version;
  if (typeof version === 'number' && Number.isInteger(version) && version > FILE_VERSION) {
    return { ok: false, issues: [{ path: 'version', problem: 'newerVersion', params: { version, supported: FILE_VERSION } }] };
  }
  const parsed = fileSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.slice(0, MAX_ISSUES).map(issueOf) };
  const records = parsed.data.records as unknown as BoardFile['records'];
  const duplicates = duplicateIds(records);
  if (duplicates.length) return { ok: false, issues: duplicates };
  const { content, warnings } = resolveReferences(parsed.data.meta, records);
  return { ok: true, content, warnings, scope: parsed.data.scope };
}

/** Parses file text as JSON, then validates it. */
export function readBoardFileText(text: string): FileReadResult {
  if (text.length > MAX_FILE_BYTES) return { ok: false, issues: [{ path: '(file)', problem: 'tooBig', params: { max: MAX_FILE_BYTES } }] };
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, issues: [{ path: '(file)', problem: 'notJson', params: { reason: error instanceof Error ? error.message : String(error) } }] };
  }
  return readBoardFile(raw);
}

const keyOf = (kind: RecordKind, r: { id?: string; stageId?: string }) => (kind === 'emotions' ? r.stageId : r.id) as string;

function duplicateIds(records: BoardFile['records']): FileIssue[] {
  const issues: FileIssue[] = [];
  for (const kind of RECORD_KINDS) {
    const seen = new Set<string>();
    (records[kind] as { id?: string; stageId?: string }[]).forEach((r, i) => {
      const key = keyOf(kind, r);
      if (seen.has(key)) issues.push({ path: `records.${kind}[${i}].${kind === 'emotions' ? 'stageId' : 'id'}`, problem: 'duplicateId', params: { id: key } });
      seen.add(key);
    });
  }
  return issues.slice(0, MAX_ISSUES);
}

/** Records of a file that belong to a journey and a stage of that journey. */
const STAGE_PARTS = ['kpis', 'emotions', 'painPoints', 'laneCards'] as const;

function resolveReferences(meta: BoardContent['meta'], file: BoardFile['records']): { content: BoardContent; warnings: FileWarning[] } {
  const warnings: FileWarning[] = [];
  const warn = (kind: RecordKind, i: number, w: Omit<FileWarning, 'path'>) => warnings.push({ path: `records.${kind}[${i}]`, ...w });
  const journeyIds = new Set(file.journeys.map((j) => j.id));
  const personaIds = new Set(file.personas.map((p) => p.id));
  const keepInJourney = <K extends RecordKind>(kind: K) =>
    (file[kind] as (FileRecord<K> & { journeyId: string })[]).filter((r, i) => {
      if (journeyIds.has(r.journeyId)) return true;
      warn(kind, i, { kind: 'droppedRecord', field: 'journeyId', ref: r.journeyId });
      return false;
    });
  const journeys = file.journeys.map((j, i) => {
    if (j.personaId === null || personaIds.has(j.personaId)) return j;
    warn('journeys', i, { kind: 'clearedReference', field: 'personaId', ref: j.personaId });
    return { ...j, personaId: null };
  });
  const stages = keepInJourney('stages');
  const channels = keepInJourney('channels');
  const stageJourney = new Map(stages.map((s) => [s.id, s.journeyId]));
  const channelJourney = new Map(channels.map((c) => [c.id, c.journeyId]));
  const touchpoints = keepInJourney('touchpoints');
  file.touchpoints.forEach((t, i) => {
    if (!journeyIds.has(t.journeyId)) return;
    if (stageJourney.get(t.stageId) !== t.journeyId) warn('touchpoints', i, { kind: 'unplacedTouchpoint', field: 'stageId', ref: t.stageId });
    else if (channelJourney.get(t.channelId) !== t.journeyId) warn('touchpoints', i, { kind: 'unplacedTouchpoint', field: 'channelId', ref: t.channelId });
  });
  const parts = Object.fromEntries(
    STAGE_PARTS.map((kind) => {
      const kept = (file[kind] as { journeyId: string; stageId: string }[]).filter((r, i) => {
        if (!journeyIds.has(r.journeyId)) warn(kind, i, { kind: 'droppedRecord', field: 'journeyId', ref: r.journeyId });
        else if (stageJourney.get(r.stageId) !== r.journeyId) warn(kind, i, { kind: 'droppedRecord', field: 'stageId', ref: r.stageId });
        else return true;
        return false;
      });
      return [kind, kept];
    }),
  ) as Pick<BoardFile['records'], (typeof STAGE_PARTS)[number]>;
  const touchpointIds = new Set(touchpoints.map((t) => t.id));
  const painPoints = parts.painPoints.map((p) => {
    const i = file.painPoints.indexOf(p);
    const kept = p.touchpointIds.filter((tid) => touchpointIds.has(tid) || (warn('painPoints', i, { kind: 'clearedReference', field: 'touchpointIds', ref: tid }), false));
    return kept.length === p.touchpointIds.length ? p : { ...p, touchpointIds: kept };
  });
  const linkable = new Set([...touchpointIds, ...painPoints.map((p) => p.id)]);
  const actions = file.actions.map((a, i) => {
    let next = a;
    if (a.journeyId !== null && !journeyIds.has(a.journeyId)) {
      warn('actions', i, { kind: 'clearedReference', field: 'journeyId', ref: a.journeyId });
      next = { ...next, journeyId: null };
    }
    const links = a.links.filter((l) => linkable.has(l) || (warn('actions', i, { kind: 'clearedReference', field: 'links', ref: l }), false));
    return links.length === a.links.length ? next : { ...next, links };
  });
  const records = {
    journeys,
    stages,
    channels,
    touchpoints,
    personas: file.personas,
    kpis: parts.kpis,
    emotions: parts.emotions,
    painPoints,
    laneCards: parts.laneCards,
    actions,
  } as BoardFile['records'];
  return { content: { meta, records: fillOrders(records) }, warnings };
}

/** Gives records without an order key one after the last key of their type, keeping file order. */
function fillOrders(records: BoardFile['records']): BoardContent['records'] {
  const out = {} as Record<RecordKind, unknown[]>;
  for (const kind of RECORD_KINDS) {
    const list = records[kind] as { order?: string }[];
    if (kind === 'emotions' || list.every((r) => r.order !== undefined)) {
      out[kind] = list;
      continue;
    }
    const last = list.reduce<string>((max, r) => (r.order !== undefined && r.order > max ? r.order : max), '');
    const keys = spreadKeys(list.filter((r) => r.order === undefined).length);
    let next = 0;
    out[kind] = list.map((r) => (r.order !== undefined ? r : { ...r, order: last + keys[next++] }));
  }
  return out as BoardContent['records'];
}

/** Records of one journey (with its persona and its actions) or of the whole board. */
function selectRecords(board: BoardSnapshot, journeyId: string | null): BoardContent['records'] {
  const all = Object.fromEntries(RECORD_KINDS.map((k) => [k, board[k]])) as BoardContent['records'];
  if (journeyId === null) return all;
  const journeys = board.journeys.filter((j) => j.id === journeyId);
  const personaIds = new Set(journeys.map((j) => j.personaId));
  const inJourney = <T extends { journeyId: string | null }>(list: T[]) => list.filter((r) => r.journeyId === journeyId);
  const touchpoints = inJourney(board.touchpoints);
  const painPoints = inJourney(board.painPoints);
  const linkable = new Set([...touchpoints.map((t) => t.id), ...painPoints.map((p) => p.id)]);
  return {
    journeys,
    stages: inJourney(board.stages),
    channels: inJourney(board.channels),
    touchpoints,
    personas: board.personas.filter((p) => personaIds.has(p.id)),
    kpis: inJourney(board.kpis),
    emotions: inJourney(board.emotions),
    painPoints,
    laneCards: inJourney(board.laneCards),
    actions: inJourney(board.actions).map((a) => ({ ...a, links: a.links.filter((l) => linkable.has(l)) })),
  };
}

/** The file of a board (or of one of its journeys, with `journeyId`). */
export function boardFile(board: BoardSnapshot, options: { journeyId?: string | null; exportedAt: string }): BoardFile {
  const journeyId = options.journeyId ?? null;
  const journey = journeyId ? board.journeys.find((j) => j.id === journeyId) : undefined;
  return {
    format: FILE_FORMAT,
    version: FILE_VERSION,
    schemaVersion: board.meta.schemaVersion,
    exportedAt: options.exportedAt,
    scope: journeyId ? 'journey' : 'board',
    meta: { title: journey && board.journeys.length > 1 ? `${board.meta.title} — ${journey.name}` : board.meta.title, createdAt: board.meta.createdAt },
    records: selectRecords(board, journeyId),
  };
}

/** A board file as JSON text (two-space indented, final newline). */
export function boardFileJson(file: BoardFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Counts of the records of each type, for previews. */
export function recordCounts(records: { [K in RecordKind]: readonly unknown[] }): Record<RecordKind, number> {
  return Object.fromEntries(RECORD_KINDS.map((k) => [k, records[k].length])) as Record<RecordKind, number>;
}
