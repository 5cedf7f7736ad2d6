import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { orderAt } from '../../src/doc/commands/ordering';
import { type RecordMap, makeRecord } from '../../src/doc/schema';
import { byOrder } from '../../src/model/order';

function listOf(orders: Record<string, string>): { map: Y.Map<RecordMap>; sorted: () => { id: string; order: string }[] } {
  const doc = new Y.Doc();
  const map = doc.getMap<RecordMap>('stages');
  doc.transact(() => {
    for (const [id, order] of Object.entries(orders)) map.set(id, makeRecord({ order }));
  });
  const sorted = () => [...map.entries()].map(([id, r]) => ({ id, order: r.get('order') as string })).sort(byOrder);
  return { map, sorted };
}

describe('orderAt', () => {
  it('returns a key between the neighbours and leaves the siblings alone', () => {
    const { map, sorted } = listOf({ a: 'F', b: 'V', c: 'k' });
    const before = sorted();
    const key = orderAt(map, before, 2, 'new');
    expect(key > 'V' && key < 'k').toBe(true);
    expect(sorted()).toEqual(before);
  });

  it('renumbers the siblings when two of them share a key, keeping their order and the index', () => {
    const { map, sorted } = listOf({ a: 'F', b: 'V', c: 'V', d: 'k' });
    const key = orderAt(map, sorted(), 2, 'new');
    map.set('new', makeRecord({ order: key }));
    const after = sorted();
    expect(after.map((r) => r.id)).toEqual(['a', 'b', 'new', 'c', 'd']);
    for (let i = 1; i < after.length; i++) expect(after[i - 1]!.order < after[i]!.order).toBe(true);
  });
});
