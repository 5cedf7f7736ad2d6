/** Restoring a saved version: the board takes that state back as one new, undoable change. */
import * as Y from 'yjs';
import { ROOTS } from '../schema';
import { edit } from './edit';
import { spliceText } from './records';

/** A fresh copy of a stored value: shared types are rebuilt, never moved between documents. */
export function copyValue(value: unknown): unknown {
  if (value instanceof Y.Text) return new Y.Text(value.toString());
  if (value instanceof Y.Map) {
    const m = new Y.Map<unknown>();
    value.forEach((v, k) => m.set(k, copyValue(v)));
    return m;
  }
  return Array.isArray(value) ? [...(value as unknown[])] : value;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Y.Text && b instanceof Y.Text) return a.toString() === b.toString();
  if (a instanceof Y.AbstractType || b instanceof Y.AbstractType) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Makes `target` hold what `source` holds, changing only what differs (text by splices). */
function syncMap(target: Y.Map<unknown>, source: Y.Map<unknown>): void {
  target.forEach((_, key) => {
    if (!source.has(key)) target.delete(key);
  });
  source.forEach((value, key) => {
    const current = target.get(key);
    if (value instanceof Y.Map && current instanceof Y.Map) syncMap(current, value);
    else if (value instanceof Y.Text && current instanceof Y.Text) spliceText(current, value.toString());
    else if (!sameValue(current, value)) target.set(key, copyValue(value));
  });
}

/**
 * Brings the journey map (meta and every record map) back to the state of `version`, as one
 * local edit: nothing of the history is lost, and it can be undone. Workshop data (comments,
 * votes, timer) is left as it is now.
 */
export function restoreVersion(doc: Y.Doc, version: Y.Doc): void {
  edit(doc, () => {
    for (const name of ROOTS) syncMap(doc.getMap(name), version.getMap(name));
  });
}
