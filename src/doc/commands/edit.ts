import type * as Y from 'yjs';
import { LOCAL_ORIGIN } from '../schema';

/** Runs one user edit as a single local transaction (the unit of sync and of undo). */
export function edit<T>(doc: Y.Doc, fn: () => T): T {
  let result!: T;
  doc.transact(() => {
    result = fn();
  }, LOCAL_ORIGIN);
  return result;
}
