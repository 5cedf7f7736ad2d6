/** Generic building blocks for the commands of id-keyed records. */
import * as Y from 'yjs';
import { newId } from '../../model/ids';
import { byOrder, keyBetween } from '../../model/order';
import { makeRecord, roots, str, type RecordMap, type RecordRoot } from '../schema';

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

/** Writes only the fields of `patch` that differ. Must run inside a transaction. */
export function patchRecord(record: RecordMap, patch: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const current = record.get(key);
    const same = Array.isArray(value) ? JSON.stringify(current) === JSON.stringify(value) : current === value;
    if (!same) record.set(key, value);
  }
}

/** Siblings selector: records whose `field` equals `value`. */
export const whereField = (field: string, value: string) => (r: RecordMap) => r.get(field) === value;

/** Deletes every record of `root` that `match` selects. Must run inside a transaction. */
export function deleteWhere(doc: Y.Doc, root: RecordRoot, match: (r: RecordMap, id: string) => boolean): void {
  const map = roots(doc)[root];
  const doomed: string[] = [];
  map.forEach((r, id) => {
    if (r instanceof Y.Map && match(r, id)) doomed.push(id);
  });
  for (const id of doomed) map.delete(id);
}
