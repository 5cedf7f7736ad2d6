/** Generic building blocks for the commands of id-keyed records. */
import * as Y from 'yjs';
import { newId } from '../../model/ids';
import { limitEdit, type TextKind } from '../../model/limits';
import { byOrder, keyBetween } from '../../model/order';
import type { RecordKind } from '../../model/records';
import { textSplice } from '../../model/text';
import { getRecord } from '../read';
import { makeRecord, roots, str, type RecordMap } from '../schema';
import { edit } from './edit';

/** The last order key among the records of `map` that `keep` selects, or null. */
function lastOrder(map: Y.Map<RecordMap>, keep: (r: RecordMap) => boolean): string | null {
  const orders: { id: string; order: string }[] = [];
  map.forEach((r, id) => {
    if (r instanceof Y.Map && keep(r)) orders.push({ id, order: str(r, 'order', '1') });
  });
  orders.sort(byOrder);
  return orders[orders.length - 1]?.order ?? null;
}

/** Inserts a record into `map` after its siblings (those `siblings` selects). Must run inside a transaction. */
export function insertRecord(
  map: Y.Map<RecordMap>,
  fields: Record<string, unknown>,
  siblings: (r: RecordMap) => boolean = () => true,
  id = newId(),
): string {
  const last = lastOrder(map, siblings);
  let order: string;
  try {
    order = keyBetween(last, null);
  } catch {
    order = keyBetween(null, null);
  }
  map.set(id, makeRecord({ ...fields, order }));
  return id;
}

/** Whether writing `value` to `key` would change the record (lists are compared by content). */
function differs(record: RecordMap, key: string, value: unknown): boolean {
  if (value === undefined) return false;
  const current = record.get(key);
  return Array.isArray(value) ? JSON.stringify(current) !== JSON.stringify(value) : current !== value;
}

/** Writes only the fields of `patch` that differ. Must run inside a transaction. */
export function patchRecord(record: RecordMap, patch: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(patch)) if (differs(record, key, value)) record.set(key, value);
}

/**
 * The record `id` of `kind` patched as one local edit, writing only the fields that differ;
 * nothing happens (no transaction) when the record does not exist or nothing differs. Texts
 * named in `texts` are limited as edits of what the record holds (`limitEdit`).
 */
export function patchExisting(
  doc: Y.Doc,
  kind: RecordKind,
  id: string,
  patch: Record<string, unknown>,
  texts: Readonly<Record<string, TextKind>> = {},
): void {
  const record = getRecord(doc, kind, id);
  if (!record) return;
  const limited = limitTexts(record, patch, texts);
  if (!Object.entries(limited).some(([key, value]) => differs(record, key, value))) return;
  edit(doc, () => patchRecord(record, limited));
}

/** `patch` with each text of `texts` limited as an edit of the record's current value (of nothing, for a record to be created). */
export function limitTexts(
  record: RecordMap | null,
  patch: Record<string, unknown>,
  texts: Readonly<Record<string, TextKind>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...patch };
  for (const [key, value] of Object.entries(patch)) {
    const kind = texts[key];
    if (kind && typeof value === 'string') out[key] = limitEdit(kind, record ? str(record, key) : '', value);
  }
  return out;
}

/**
 * Deletes the record `id` of `kind` as one local edit, after `alongside` (which removes what
 * pointed at it) in the same edit; nothing happens when the record does not exist.
 */
export function deleteExisting(doc: Y.Doc, kind: RecordKind, id: string, alongside?: () => void): void {
  if (!getRecord(doc, kind, id)) return;
  edit(doc, () => {
    alongside?.();
    roots(doc)[kind].delete(id);
  });
}

/** Patches the record keyed `key`, or creates it from `fields` and the patch. Must run inside a transaction. */
export function upsertRecord(map: Y.Map<RecordMap>, key: string, fields: Record<string, unknown>, patch: Record<string, unknown>): void {
  const existing = map.get(key);
  if (existing instanceof Y.Map) patchRecord(existing, patch);
  else map.set(key, makeRecord(Object.fromEntries(Object.entries({ ...fields, ...patch }).filter(([, v]) => v !== undefined))));
}

/** Siblings selector: records whose `field` equals `value`. */
export const whereField = (field: string, value: string) => (r: RecordMap) => r.get(field) === value;

/** Deletes every record of `kind` that `match` selects. Must run inside a transaction. */
export function deleteWhere(doc: Y.Doc, kind: RecordKind, match: (r: RecordMap, id: string) => boolean): void {
  const map = roots(doc)[kind];
  const doomed: string[] = [];
  map.forEach((r, id) => {
    if (r instanceof Y.Map && match(r, id)) doomed.push(id);
  });
  for (const id of doomed) map.delete(id);
}

/** Removes `id` from the id-list `field` of every record of `kind` that mentions it. Must run inside a transaction. */
export function removeFromIdLists(doc: Y.Doc, kind: RecordKind, field: string, id: string): void {
  roots(doc)[kind].forEach((r) => {
    if (!(r instanceof Y.Map)) return;
    const list = r.get(field);
    if (Array.isArray(list) && list.includes(id))
      r.set(
        field,
        list.filter((x) => x !== id),
      );
  });
}

/**
 * Makes `text` read `next` by the smallest splice (common prefix and suffix kept), so that
 * concurrent typing elsewhere in it survives. Must run inside a transaction. Returns whether
 * anything changed.
 */
export function spliceText(text: Y.Text, next: string): boolean {
  const splice = textSplice(text.toString(), next);
  if (!splice) return false;
  if (splice.remove > 0) text.delete(splice.index, splice.remove);
  if (splice.insert) text.insert(splice.index, splice.insert);
  return true;
}
