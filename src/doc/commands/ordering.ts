import type * as Y from 'yjs';
import { keyForIndex, spreadKeys } from '../../model/order';
import type { RecordMap } from '../schema';

/**
 * The order key that puts `itemId` at `index` among `siblings` (sorted, without the item).
 * When neighbours share a key (left by concurrent inserts), the siblings are renumbered.
 */
export function orderAt(map: Y.Map<RecordMap>, siblings: readonly { id: string; order: string }[], index: number, itemId: string): string {
  const key = keyForIndex(siblings, index);
  if (key !== null) return key;
  const ids = siblings.map((s) => s.id);
  const at = Math.max(0, Math.min(index, ids.length));
  ids.splice(at, 0, itemId);
  const keys = spreadKeys(ids.length);
  ids.forEach((id, i) => {
    if (id !== itemId) map.get(id)?.set('order', keys[i]);
  });
  return keys[at] as string;
}
