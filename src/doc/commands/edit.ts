import type * as Y from 'yjs';
import { LOCAL_ORIGIN } from '../origins';
import { UNDO_MERGE_KEY } from '../schema';

/**
 * Runs one user edit as a single local transaction (the unit of sync and of undo).
 * Consecutive edits with the same `mergeKey` (keystrokes in one card) undo together.
 */
export function edit<T>(doc: Y.Doc, fn: () => T, mergeKey?: string): T {
  let result!: T;
  doc.transact((tr) => {
    if (mergeKey !== undefined) tr.meta.set(UNDO_MERGE_KEY, mergeKey);
    result = fn();
  }, LOCAL_ORIGIN);
  return result;
}
