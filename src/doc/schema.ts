/**
 * The shape of a board's Y.Doc. One top-level Y.Map per record type, keyed by record id;
 * each record is a Y.Map of fields. Touchpoint text is a Y.Text so concurrent typing merges.
 * See docs/data-model.md.
 */
import * as Y from 'yjs';
import { RECORD_KINDS, type RecordKind } from '../model/records';

/**
 * Version 2 added personas, KPIs, emotions, pain points, extra-row cards and actions; version 3
 * gave KPIs a direction, an expected refresh and a dated history (kept by the relay).
 */
export const SCHEMA_VERSION = 3;

/** Transaction meta key: edits carrying the same value in a row form one undo step (typing). */
export const UNDO_MERGE_KEY = 'parcours.undoMerge';

/** The top-level shared types: `meta`, then one id-keyed map per record kind. */
export const ROOTS = ['meta', ...RECORD_KINDS] as const;

/**
 * Top-level maps that make up the structure of a board: only facilitators change them (the
 * relay enforces it). Participants change the content: touchpoints, pain points, emotions,
 * extra-row cards, actions, comments and their dots in votes. The `workshop` map holds the
 * timer and the lock; `votes` holds the votes a facilitator opens; `views` the saved views a
 * facilitator prepares for presenting.
 */
export const STRUCTURE_ROOTS: readonly string[] = [
  'meta',
  'journeys',
  'stages',
  'channels',
  'kpis',
  'personas',
  'workshop',
  'votes',
  'views',
];

/**
 * Top-level maps participants may change: every other name, structure or unknown, is refused
 * by the relay. Together with STRUCTURE_ROOTS this lists every top-level type a board has.
 */
export const CONTENT_ROOTS: readonly string[] = [
  'touchpoints',
  'emotions',
  'painPoints',
  'laneCards',
  'actions',
  'comments',
  'commentThreads',
  'dots',
];

/** Deepest nesting of shared types below a top-level map that a board uses (record map, then its text). */
export const MAX_TYPE_DEPTH = 4;

/** Fields stored as Y.Text (merged character by character) rather than plain strings. */
export const TEXT_FIELDS: Partial<Record<RecordKind, readonly string[]>> = { touchpoints: ['text'] };

/** A record stored in one of the id-keyed maps. */
export type RecordMap = Y.Map<unknown>;

export type BoardRoots = { meta: Y.Map<unknown> } & Record<RecordKind, Y.Map<RecordMap>>;

/** The top-level maps of a board document. */
export function roots(doc: Y.Doc): BoardRoots {
  const out = { meta: doc.getMap('meta') } as BoardRoots;
  for (const name of RECORD_KINDS) out[name] = doc.getMap<RecordMap>(name);
  return out;
}

/** Whether the document has been initialised as a board. */
export function isInitialised(doc: Y.Doc): boolean {
  return typeof doc.getMap('meta').get('schemaVersion') === 'number';
}

/** A new record map with the given fields (strings, numbers, null, or Y types). */
export function makeRecord(fields: Record<string, unknown>): RecordMap {
  const record = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) record.set(key, value);
  return record;
}

export function str(record: RecordMap, key: string, fallback = ''): string {
  const v = record.get(key);
  if (typeof v === 'string') return v;
  if (v instanceof Y.Text) return v.toString();
  return fallback;
}

/** A finite number field, clamped to [min, max]; `fallback` when missing or malformed. */
export function num(record: RecordMap, key: string, fallback: number, min = -Infinity, max = Infinity): number {
  const v = record.get(key);
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : fallback;
}

/** A list of ids stored as a plain array value; anything malformed reads as empty. */
export function ids(record: RecordMap, key: string): string[] {
  const v = record.get(key);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
