/**
 * The shape of a board's Y.Doc. One top-level Y.Map per record type, keyed by record id;
 * each record is a Y.Map of fields. Touchpoint text is a Y.Text so concurrent typing merges.
 * See docs/data-model.md.
 */
import * as Y from 'yjs';

export const SCHEMA_VERSION = 1;

/** Transaction origin of every local user edit: what the undo manager tracks. */
export const LOCAL_ORIGIN = Symbol('parcours-local-edit');

/** Transaction meta key: edits carrying the same value in a row form one undo step (typing). */
export const UNDO_MERGE_KEY = 'parcours.undoMerge';

/** Names of the top-level shared types. */
export const ROOTS = ['meta', 'journeys', 'stages', 'channels', 'touchpoints'] as const;
export type RecordRoot = Exclude<(typeof ROOTS)[number], 'meta'>;

/** A record stored in one of the id-keyed maps. */
export type RecordMap = Y.Map<unknown>;

export interface BoardRoots {
  meta: Y.Map<unknown>;
  journeys: Y.Map<RecordMap>;
  stages: Y.Map<RecordMap>;
  channels: Y.Map<RecordMap>;
  touchpoints: Y.Map<RecordMap>;
}

/** The top-level maps of a board document. */
export function roots(doc: Y.Doc): BoardRoots {
  return {
    meta: doc.getMap('meta'),
    journeys: doc.getMap<RecordMap>('journeys'),
    stages: doc.getMap<RecordMap>('stages'),
    channels: doc.getMap<RecordMap>('channels'),
    touchpoints: doc.getMap<RecordMap>('touchpoints'),
  };
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
