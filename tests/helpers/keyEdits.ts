/** Small Yjs updates for the store tests, each setting one key of the map 'm' (k0 = 0, k1 = 1…). */
import * as Y from 'yjs';

/** Makes `count` updates, in order, and returns them with the doc that made them. */
export function keyEdits(count: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < count; i++) doc.getMap('m').set(`k${i}`, i);
  return { doc, updates };
}
