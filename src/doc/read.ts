/** Reading records out of the document as plain objects. */
import * as Y from 'yjs';
import { isCrmMetric, type CrmMetric } from '../model/crmPipeline';
import { isDay, isKpiDirection, refreshDaysOf } from '../model/kpi';
import { byOrder, isOrderKey } from '../model/order';
import type {
  Action,
  BoardMeta,
  Channel,
  Emotion,
  ExtraRowKind,
  Journey,
  Kpi,
  LaneCard,
  LaneKind,
  PainPoint,
  Persona,
  SavedView,
  Stage,
  Touchpoint,
} from '../model/types';
import { parseCardFilters } from '../model/cardFilters';
import { parseFlowRect } from '../model/views';
import { clampEmotion, clampScore, clampSeverity, dueDateOrNone } from '../model/limits';
import type { RecordKind } from '../model/records';
import { ACTION_STATUSES, EXTRA_ROWS, FRAMING_FIELDS, isEvaluation } from '../model/types';
import { type RecordMap, ids, roots, str } from './schema';

export function readMeta(doc: Y.Doc): BoardMeta {
  const meta = roots(doc).meta;
  const version = meta.get('schemaVersion');
  const createdAt = meta.get('createdAt');
  return {
    schemaVersion: typeof version === 'number' ? version : 0,
    title: typeof meta.get('title') === 'string' ? (meta.get('title') as string) : '',
    createdAt: typeof createdAt === 'number' ? createdAt : 0,
  };
}

/** A record's order key; a malformed one (from a buggy or hostile peer) reads as '1' so key maths never throws. */
function orderOf(r: RecordMap): string {
  const order = r.get('order');
  return isOrderKey(order) ? order : '1';
}

/** The record field holding whether an extra row is shown, e.g. `row.does`. */
export const extraRowField = (row: ExtraRowKind) => `row.${row}`;

export function readJourney(id: string, r: RecordMap): Journey {
  const personaId = r.get('personaId');
  return {
    id,
    name: str(r, 'name'),
    kind: r.get('kind') === 'target' ? 'target' : 'existing',
    order: orderOf(r),
    personaId: typeof personaId === 'string' && personaId ? personaId : null,
    framing: Object.fromEntries(FRAMING_FIELDS.map((f) => [f, str(r, `framing.${f}`)])) as unknown as Journey['framing'],
    extraRows: EXTRA_ROWS.filter((row) => r.get(extraRowField(row)) === true),
  };
}

/** The optional `sourceId` of a copied record, as a spreadable object. */
function source(r: RecordMap): { sourceId?: string } {
  const v = r.get('sourceId');
  return typeof v === 'string' && v ? { sourceId: v } : {};
}

export function readLane(id: string, r: RecordMap): Stage & Channel {
  return { id, journeyId: str(r, 'journeyId'), name: str(r, 'name'), order: orderOf(r), owner: str(r, 'owner'), ...source(r) };
}

export function readPersona(id: string, r: RecordMap): Persona {
  const f = (k: string) => str(r, k);
  return {
    id,
    name: f('name'),
    role: f('role'),
    description: f('description'),
    goals: f('goals'),
    frustrations: f('frustrations'),
    avatar: f('avatar'),
    order: orderOf(r),
  };
}

export function readKpi(id: string, r: RecordMap): Kpi {
  const f = (k: string) => str(r, k);
  const direction = r.get('direction');
  return {
    id,
    journeyId: f('journeyId'),
    stageId: f('stageId'),
    name: f('name'),
    current: f('current'),
    currentDate: isDay(r.get('currentDate')) ? f('currentDate') : '',
    target: f('target'),
    unit: f('unit'),
    direction: isKpiDirection(direction) ? direction : 'up',
    refreshDays: refreshDaysOf(r.get('refreshDays')),
    ...(isCrmMetric(r.get('metric')) ? { metric: r.get('metric') as CrmMetric } : {}),
    order: orderOf(r),
  };
}

/** Emotions are keyed by stage id: one score per stage. */
export function readEmotion(stageId: string, r: RecordMap): Emotion {
  return { stageId, journeyId: str(r, 'journeyId'), score: clampEmotion(r.get('score')), words: str(r, 'words') };
}

export function readPainPoint(id: string, r: RecordMap): PainPoint {
  return {
    id,
    journeyId: str(r, 'journeyId'),
    stageId: str(r, 'stageId'),
    text: str(r, 'text'),
    severity: clampSeverity(r.get('severity')),
    touchpointIds: ids(r, 'touchpointIds'),
    order: orderOf(r),
  };
}

export function readLaneCard(id: string, r: RecordMap): LaneCard {
  const row = r.get('row');
  return {
    id,
    journeyId: str(r, 'journeyId'),
    stageId: str(r, 'stageId'),
    row: (EXTRA_ROWS as readonly unknown[]).includes(row) ? (row as ExtraRowKind) : 'does',
    text: str(r, 'text'),
    order: orderOf(r),
  };
}

export function readAction(id: string, r: RecordMap): Action {
  const status = r.get('status');
  const journeyId = r.get('journeyId');
  return {
    id,
    journeyId: typeof journeyId === 'string' && journeyId ? journeyId : null,
    title: str(r, 'title'),
    owner: str(r, 'owner'),
    due: dueDateOrNone(r.get('due')),
    status: (ACTION_STATUSES as readonly unknown[]).includes(status) ? (status as Action['status']) : 'todo',
    impact: clampScore(r.get('impact')),
    effort: clampScore(r.get('effort')),
    placed: r.get('placed') !== false,
    links: ids(r, 'links'),
    order: orderOf(r),
    ...createdAtOf(r.get('createdAt')),
  };
}

/** The fields of a record stored flat under `prefix.` (as a board file's nested objects are written), as one object. */
function nested(r: RecordMap, prefix: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  r.forEach((value, key) => {
    if (key.startsWith(`${prefix}.`)) out[key.slice(prefix.length + 1)] = value;
  });
  return out;
}

/** A saved view; its rectangle (`rect.x`…) and filters (`filters.stageIds`…) are read back whatever they hold. */
export function readView(id: string, r: RecordMap): SavedView {
  return {
    id,
    name: str(r, 'name'),
    journeyId: str(r, 'journeyId'),
    rect: parseFlowRect(nested(r, 'rect')),
    filters: parseCardFilters(nested(r, 'filters')),
    order: orderOf(r),
  };
}

/** An action's creation time when it is a plausible one (older actions have none). */
function createdAtOf(value: unknown): { createdAt?: number } {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? { createdAt: Math.round(value) } : {};
}

export function readTouchpoint(id: string, r: RecordMap): Touchpoint {
  const evaluation = r.get('evaluation');
  return {
    id,
    journeyId: str(r, 'journeyId'),
    stageId: str(r, 'stageId'),
    channelId: str(r, 'channelId'),
    text: str(r, 'text'),
    evaluation: isEvaluation(evaluation) ? evaluation : null,
    order: orderOf(r),
    momentOfTruth: r.get('momentOfTruth') === true,
    ...source(r),
    ...(r.get('example') === true ? { example: true } : {}),
  };
}

/** Records of one map, read with `read`, filtered, sorted by order key. */
export function sortedRecords<T extends { id: string; order: string }>(
  map: Y.Map<RecordMap>,
  read: (id: string, r: RecordMap) => T,
  keep: (record: T) => boolean,
): T[] {
  const out: T[] = [];
  map.forEach((r, id) => {
    if (!(r instanceof Y.Map)) return;
    const rec = read(id, r);
    if (keep(rec)) out.push(rec);
  });
  return out.sort(byOrder);
}

export function sortedJourneys(doc: Y.Doc): Journey[] {
  return sortedRecords(roots(doc).journeys, readJourney, () => true);
}

/** The stages or channels of a journey, in order. */
export function sortedLanes(doc: Y.Doc, kind: LaneKind, journeyId: string): (Stage & Channel)[] {
  return sortedRecords(roots(doc)[kind], readLane, (l) => l.journeyId === journeyId);
}

/** The touchpoints of one cell, in order. */
export function cellTouchpoints(doc: Y.Doc, journeyId: string, stageId: string, channelId: string): Touchpoint[] {
  const out: Touchpoint[] = [];
  // The cell is compared before a record is read whole: a board holds thousands of touchpoints, a cell a few dozen.
  roots(doc).touchpoints.forEach((r, id) => {
    if (r instanceof Y.Map && str(r, 'journeyId') === journeyId && str(r, 'stageId') === stageId && str(r, 'channelId') === channelId)
      out.push(readTouchpoint(id, r));
  });
  return out.sort(byOrder);
}

export function allTouchpoints(doc: Y.Doc): Touchpoint[] {
  return sortedRecords(roots(doc).touchpoints, readTouchpoint, () => true);
}

/** A record map by id, or null when it does not exist (deleted, or never was). */
export function getRecord(doc: Y.Doc, root: RecordKind, id: string): RecordMap | null {
  const r = roots(doc)[root].get(id);
  return r instanceof Y.Map ? r : null;
}
