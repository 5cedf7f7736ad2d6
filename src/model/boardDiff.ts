/** What changed between two states of a board, record type by record type. */
import { RECORD_KINDS, recordKey, type RecordKind } from './records';
import type { BoardSnapshot } from './types';

/** A comparison goes through every record kind. */
export type DiffKind = RecordKind;

export const DIFF_KINDS: readonly DiffKind[] = RECORD_KINDS;

export interface KindDiff {
  added: string[];
  removed: string[];
  changed: string[];
}

/** A short human label of a record, for lists of changes. */
export function recordLabel(record: Record<string, unknown>): string {
  for (const key of ['text', 'name', 'title', 'words']) {
    const v = record[key];
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return String(record.id ?? record.stageId ?? '');
}

const keyOf = (kind: DiffKind, record: Record<string, unknown>) => recordKey(kind, record);

/** Records added, removed and changed from `before` to `after` (labels taken from the side that has them). */
export function diffBoards(before: BoardSnapshot, after: BoardSnapshot): Record<DiffKind, KindDiff> {
  const out = {} as Record<DiffKind, KindDiff>;
  for (const kind of DIFF_KINDS) {
    const a = new Map((before[kind] as unknown as Record<string, unknown>[]).map((r) => [keyOf(kind, r), r]));
    const b = new Map((after[kind] as unknown as Record<string, unknown>[]).map((r) => [keyOf(kind, r), r]));
    const diff: KindDiff = { added: [], removed: [], changed: [] };
    for (const [id, r] of b) {
      const old = a.get(id);
      if (!old) diff.added.push(recordLabel(r));
      else if (JSON.stringify(old) !== JSON.stringify(r)) diff.changed.push(recordLabel(r));
    }
    for (const [id, r] of a) if (!b.has(id)) diff.removed.push(recordLabel(r));
    out[kind] = diff;
  }
  return out;
}

/** Whether a diff has anything in it. */
export function isEmptyDiff(diff: Record<DiffKind, KindDiff>): boolean {
  return DIFF_KINDS.every((k) => diff[k].added.length + diff[k].removed.length + diff[k].changed.length === 0);
}
