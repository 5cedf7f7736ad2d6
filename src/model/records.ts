/**
 * The record kinds of a board, listed once: the document's id-keyed maps, the board file's
 * record lists and the kinds a version comparison goes through are all this list.
 */
import type { BoardSnapshot } from './types';

/** Every record kind, parents first (the order a file lists, and an import writes, them). */
export const RECORD_KINDS = [
  'journeys',
  'stages',
  'channels',
  'touchpoints',
  'personas',
  'kpis',
  'emotions',
  'painPoints',
  'laneCards',
  'actions',
  'views',
] as const;

export type RecordKind = (typeof RECORD_KINDS)[number];

/** One record of a kind, as the readers return it. */
export type RecordOf<K extends RecordKind> = BoardSnapshot[K][number];

// The list and the snapshot's record lists are the same set: a kind added to one and not the
// other fails to compile here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _kindsMatchTheSnapshot: Same<RecordKind, Exclude<keyof BoardSnapshot, 'meta'>> = true;
void _kindsMatchTheSnapshot;

/** Whether a string names a record kind. */
export function isRecordKind(value: unknown): value is RecordKind {
  return typeof value === 'string' && (RECORD_KINDS as readonly string[]).includes(value);
}

/** The field a record is keyed by in its map: its id, except an emotion, keyed by its stage (one per stage). */
export function keyField(kind: RecordKind): 'id' | 'stageId' {
  return kind === 'emotions' ? 'stageId' : 'id';
}

/** The key of a record in its map. */
export function recordKey(kind: RecordKind, record: { id?: unknown; stageId?: unknown }): string {
  return String(record[keyField(kind)] ?? '');
}
