/**
 * The board file's zod schemas: one per record type, keyed like the document's record maps, so a
 * new record type needs one entry here, and the schema of the whole file around them. They check
 * the shape and limits of what fileReader.ts reads; the types they produce are declared in
 * fileFormat.ts (`satisfies` keeps the two in step).
 */
import { z } from 'zod';
import { parseCardFilters } from './cardFilters';
import { CRM_METRICS } from './crmPipeline';
import { FILE_FORMAT, FILE_VERSION, type FileRecord } from './fileFormat';
import { isRecordId } from './ids';
import { SERIES_SCHEMA } from './metricsFileFormat';
import { DAY_PATTERN, DEFAULT_REFRESH_DAYS, KPI_DIRECTIONS, MAX_REFRESH_DAYS, MIN_REFRESH_DAYS } from './kpi';
import { DUE_DATE_PATTERN, EMOTION_MAX, EMOTION_MIN, MAX_RECORDS_PER_KIND, SCORE_MAX, SCORE_MIN } from './limits';
import { isOrderKey } from './order';
import { RECORD_KINDS, type RecordKind } from './records';
import { ACTION_STATUSES, EVALUATIONS, EXTRA_ROWS } from './types';

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

/** The whole file: format mark, version, meta, records, and the KPIs' values. */
export const fileSchema = z.object({
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
