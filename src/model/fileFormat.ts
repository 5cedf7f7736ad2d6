/**
 * The board file (open data): a whole board, or one journey, as versioned JSON. One zod schema
 * per record type, keyed like the document's record maps, so a new record type needs one entry
 * here. Validation explains every problem by path and reason; references between records are
 * checked and dangling ones dropped with a warning. See docs/file-format.md.
 */
import { z } from 'zod';
import { parseCardFilters } from './cardFilters';
import { CRM_METRICS } from './crmPipeline';
import { isRecordId } from './ids';
import type { MetricPoint } from './metrics';
import { SERIES_SCHEMA, seriesFromFile, type FileSeries } from './metricsFileFormat';
import { DAY_PATTERN, DEFAULT_REFRESH_DAYS, KPI_DIRECTIONS, MAX_REFRESH_DAYS, MIN_REFRESH_DAYS } from './kpi';
import { DUE_DATE_PATTERN, EMOTION_MAX, EMOTION_MIN, MAX_FILE_BYTES, MAX_RECORDS_PER_KIND, SCORE_MAX, SCORE_MIN } from './limits';
import { isOrderKey } from './order';
import { RECORD_KINDS, keyField, recordKey, type RecordKind, type RecordOf } from './records';
import { cutLongTexts, resolveReferences } from './fileRepairs';
import { ACTION_STATUSES, EVALUATIONS, EXTRA_ROWS } from './types';

export const FILE_FORMAT = 'parcours.board';
export const FILE_VERSION = 1;

/** A record as a file holds it: `order` may be left out (file order is then kept). */
export type FileRecord<K extends RecordKind> = Omit<RecordOf<K>, 'order'> & { order?: string };

const id = z.string().refine(isRecordId, { message: 'badId' });
const order = z.string().refine(isOrderKey, { message: 'badOrder' }).optional();
// Texts of any length are read, then cut to the limit of their kind with a warning (fileRepairs).
const name = z.string();
const text = z.string().default('');
const sourceId = id.optional();
const oneOf = <T extends string>(values: readonly T[]) => z.enum(values as [T, ...T[]]);

const framing = z.object({ objective: text, perimeter: text, segment: text, horizon: text, stakeholders: text });

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
  stages: z.object({ id, journeyId: id, name, order, owner: text, sourceId }),
  channels: z.object({ id, journeyId: id, name, order, owner: text, sourceId }),
  touchpoints: z.object({
    id,
    journeyId: id,
    stageId: id,
    channelId: id,
    text: z.string(),
    evaluation: oneOf(EVALUATIONS).nullable().default(null),
    order,
    momentOfTruth: z.boolean().default(false),
    sourceId,
    example: z.boolean().optional(),
  }),
  personas: z.object({
    id,
    name,
    role: text,
    description: text,
    goals: text,
    frustrations: text,
    avatar: text,
    order,
  }),
  kpis: z.object({
    id,
    journeyId: id,
    stageId: id,
    name,
    current: text,
    currentDate: z.string().regex(DAY_PATTERN).or(z.literal('')).default(''),
    target: text,
    unit: text,
    direction: oneOf(KPI_DIRECTIONS).default('up'),
    refreshDays: z.number().int().min(MIN_REFRESH_DAYS).max(MAX_REFRESH_DAYS).default(DEFAULT_REFRESH_DAYS),
    metric: oneOf(CRM_METRICS).optional(),
    order,
  }),
  emotions: z.object({
    stageId: id,
    journeyId: id,
    score: z.number().int().min(EMOTION_MIN).max(EMOTION_MAX),
    words: text,
  }),
  painPoints: z.object({
    id,
    journeyId: id,
    stageId: id,
    text: z.string(),
    severity: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(2),
    touchpointIds: z.array(id).max(MAX_RECORDS_PER_KIND).default([]),
    order,
  }),
  laneCards: z.object({ id, journeyId: id, stageId: id, row: oneOf(EXTRA_ROWS), text: z.string(), order }),
  actions: z.object({
    id,
    journeyId: id.nullable().default(null),
    title: name,
    owner: text,
    due: z.union([z.literal(''), z.string().regex(DUE_DATE_PATTERN, { message: 'badDate' })]).default(''),
    status: oneOf(ACTION_STATUSES).default('todo'),
    impact: z.number().int().min(SCORE_MIN).max(SCORE_MAX).default(2),
    effort: z.number().int().min(SCORE_MIN).max(SCORE_MAX).default(2),
    placed: z.boolean().default(true),
    links: z.array(id).max(MAX_RECORDS_PER_KIND).default([]),
    order,
    createdAt: z.number().int().positive().optional(),
  }),
  views: z.object({
    id,
    name,
    journeyId: id,
    rect: z.object({
      x: z.number().finite(),
      y: z.number().finite(),
      width: z.number().finite().positive(),
      height: z.number().finite().positive(),
    }),
    // Filters are a person's way of looking: what is unknown in them is dropped, never refused.
    filters: z.unknown().transform(parseCardFilters),
    order,
  }),
} satisfies Schemas;

const recordsSchema = z.object(
  Object.fromEntries(RECORD_KINDS.map((k) => [k, z.array(RECORD_SCHEMAS[k]).max(MAX_RECORDS_PER_KIND).default([])])) as unknown as {
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
    title: z.string().trim().min(1, { message: 'blank' }),
    createdAt: z.number().int().min(0).default(0),
  }),
  records: recordsSchema,
  metrics: SERIES_SCHEMA.optional(),
  // Read as any short string: a mark this version does not know must not refuse the file.
  metricsOmitted: z.string().max(40).optional(),
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
  /** The KPIs' dated values (src/model/metricsFileFormat.ts); absent in files of older versions. */
  metrics?: FileSeries;
  /** Why a file has no `metrics` although its board may have values: they could not be read at export. */
  metricsOmitted?: typeof METRICS_OMITTED_OFFLINE;
}

/** The mark of a file exported while the KPI values could not be read (the relay unreachable). */
export const METRICS_OMITTED_OFFLINE = 'offline';

/** What an import writes: the records with every reference checked and every order key set. */
export interface BoardContent {
  meta: { title: string; createdAt: number };
  records: { [K in RecordKind]: RecordOf<K>[] };
  /** The values of the kept KPIs, by KPI id; written to the relay once the board exists. */
  metrics?: Record<string, MetricPoint[]>;
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

/** A dangling reference an import repairs rather than refuses. */
export interface ReferenceWarning {
  path: string;
  kind: 'droppedRecord' | 'clearedReference' | 'unplacedTouchpoint';
  /** The field that points nowhere and the id it points to. */
  field: string;
  ref: string;
}

/** A text longer than its kind allows, cut to the limit. */
export interface CutTextWarning {
  path: string;
  kind: 'cutText';
  field: string;
  /** The limit it was cut to, and its length in the file. */
  max: number;
  length: number;
}

/** Something an import repairs rather than refuses. */
export type FileWarning = ReferenceWarning | CutTextWarning;
export type FileWarningKind = FileWarning['kind'];

export type FileReadResult =
  | {
      ok: true;
      content: BoardContent;
      warnings: FileWarning[];
      scope: 'board' | 'journey';
      /** The file says its KPI values were left out (exported offline): its KPIs come without values. */
      metricsOmitted: boolean;
    }
  | { ok: false; issues: FileIssue[] };

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
      return issue.input === undefined
        ? { path, problem: 'missing' }
        : { path, problem: 'wrongType', params: { expected: issue.expected } };
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
 * Validates parsed JSON as a board file. On success, the content to write (over-long texts cut,
 * dangling references dropped, orders filled in) and a warning for each repair; otherwise every
 * problem, and nothing to write.
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
  const warnings: FileWarning[] = [];
  const meta = { ...parsed.data.meta };
  cutLongTexts(meta, records, warnings);
  const resolved = resolveReferences(meta, records);
  const metrics = seriesFromFile(parsed.data.metrics as FileSeries | undefined, new Set(resolved.content.records.kpis.map((k) => k.id)));
  return {
    ok: true,
    content: { ...resolved.content, metrics },
    warnings: [...warnings, ...resolved.warnings],
    scope: parsed.data.scope,
    metricsOmitted: parsed.data.metricsOmitted !== undefined && parsed.data.metrics === undefined,
  };
}

/** Parses file text as JSON, then validates it. */
export function readBoardFileText(text: string): FileReadResult {
  if (text.length > MAX_FILE_BYTES) return { ok: false, issues: [{ path: '(file)', problem: 'tooBig', params: { max: MAX_FILE_BYTES } }] };
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return {
      ok: false,
      issues: [{ path: '(file)', problem: 'notJson', params: { reason: error instanceof Error ? error.message : String(error) } }],
    };
  }
  return readBoardFile(raw);
}

function duplicateIds(records: BoardFile['records']): FileIssue[] {
  const issues: FileIssue[] = [];
  for (const kind of RECORD_KINDS) {
    const seen = new Set<string>();
    (records[kind] as { id?: string; stageId?: string }[]).forEach((r, i) => {
      const key = recordKey(kind, r);
      if (seen.has(key)) issues.push({ path: `records.${kind}[${i}].${keyField(kind)}`, problem: 'duplicateId', params: { id: key } });
      seen.add(key);
    });
  }
  return issues.slice(0, MAX_ISSUES);
}

/** Counts of the records of each type, for previews. */
export function recordCounts(records: { [K in RecordKind]: readonly unknown[] }): Record<RecordKind, number> {
  return Object.fromEntries(RECORD_KINDS.map((k) => [k, records[k].length])) as Record<RecordKind, number>;
}
