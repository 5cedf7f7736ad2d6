/** What changed between two states of a board, record type by record type, down to the field. */
import { RECORD_KINDS, recordKey, type RecordKind } from './records';
import type { BoardSnapshot } from './types';

/** A field's value, made readable: references to other records are replaced by their labels. */
export type DiffValue = string | number | boolean | null | readonly string[];

/** One field of a record that changed. Nested fields are dotted ('framing.objective'). */
export interface FieldChange {
  field: string;
  before: DiffValue;
  after: DiffValue;
}

/** A record present on both sides whose fields differ. */
export interface RecordChange {
  id: string;
  label: string;
  fields: FieldChange[];
}

export interface KindDiff {
  added: string[];
  removed: string[];
  changed: RecordChange[];
}

/** A short human label of a record, for lists of changes. */
export function recordLabel(record: Record<string, unknown>): string {
  for (const key of ['text', 'name', 'title', 'words']) {
    const v = record[key];
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return String(record.id ?? record.stageId ?? '');
}

const keyOf = (kind: RecordKind, record: Record<string, unknown>) => recordKey(kind, record);

/** Fields that point at another record (ids are unique across a board's record types). */
const REFERENCES = new Set(['journeyId', 'stageId', 'channelId', 'personaId', 'sourceId']);
/** Fields holding lists of ids of touchpoints, pain points or both. */
const REFERENCE_LISTS = new Set(['touchpointIds', 'links']);

type Labels = (id: string) => string;

/** Labels of every record of both sides, by id, so a reference names what it points at (the newer name wins). */
function labeller(before: BoardSnapshot, after: BoardSnapshot): Labels {
  const names = new Map<string, string>();
  for (const side of [before, after]) {
    for (const kind of RECORD_KINDS) {
      if (kind === 'emotions') continue;
      for (const r of side[kind] as unknown as Record<string, unknown>[]) names.set(String(r.id), recordLabel(r));
    }
  }
  return (id) => names.get(id) ?? id;
}

function readable(field: string, value: unknown, label: Labels): DiffValue {
  if (value === undefined || value === null) return null;
  const leaf = field.slice(field.lastIndexOf('.') + 1);
  if (REFERENCES.has(leaf) && typeof value === 'string') return value ? label(value) : null;
  if (Array.isArray(value)) return value.map((v) => (REFERENCE_LISTS.has(leaf) ? label(String(v)) : String(v)));
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields that differ between two versions of one record; plain objects (a journey's framing) are compared field by field. */
export function fieldChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  label: Labels = (id) => id,
  prefix = '',
): FieldChange[] {
  const out: FieldChange[] = [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  for (const key of keys) {
    if (key === 'id') continue;
    const a = before[key];
    const b = after[key];
    if (same(a, b)) continue;
    const field = prefix + key;
    const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
    if (isObject(a) && isObject(b)) out.push(...fieldChanges(a, b, label, `${field}.`));
    else out.push({ field, before: readable(field, a, label), after: readable(field, b, label) });
  }
  return out;
}

/** Records added, removed and changed (field by field) from `before` to `after`, labels taken from the side that has them. */
export function diffBoards(before: BoardSnapshot, after: BoardSnapshot): Record<RecordKind, KindDiff> {
  const out = {} as Record<RecordKind, KindDiff>;
  const label = labeller(before, after);
  for (const kind of RECORD_KINDS) {
    const a = new Map((before[kind] as unknown as Record<string, unknown>[]).map((r) => [keyOf(kind, r), r]));
    const b = new Map((after[kind] as unknown as Record<string, unknown>[]).map((r) => [keyOf(kind, r), r]));
    const diff: KindDiff = { added: [], removed: [], changed: [] };
    for (const [id, r] of b) {
      const old = a.get(id);
      if (!old) diff.added.push(recordLabel(r));
      else if (!same(old, r)) {
        // An emotion is labelled by its stage: its words alone would say nothing of where it is.
        const name = kind === 'emotions' ? label(id) : recordLabel(r);
        diff.changed.push({ id, label: name, fields: fieldChanges(old, r, label) });
      }
    }
    for (const [id, r] of a) if (!b.has(id)) diff.removed.push(kind === 'emotions' ? label(id) : recordLabel(r));
    out[kind] = diff;
  }
  return out;
}

/** Whether a diff has anything in it. */
export function isEmptyDiff(diff: Record<RecordKind, KindDiff>): boolean {
  return RECORD_KINDS.every((k) => diff[k].added.length + diff[k].removed.length + diff[k].changed.length === 0);
}
