/**
 * Watches a board for touchpoints deleted by others (updates from the network or the browser's
 * copy, never this person's own edits or undos) and keeps the current burst of them.
 */
import type * as Y from 'yjs';
import { addDeletion, type DeletionBurst, type DeletionEvent } from '../model/massDeletion';
import { roots, type RecordMap } from './schema';

/** The deleting transaction's own writes tell who made it; a pure deletion names nobody. */
function writersOf(tr: Y.Transaction): number[] {
  const writers: number[] = [];
  tr.afterState.forEach((clock, client) => {
    if (clock > (tr.beforeState.get(client) ?? 0)) writers.push(client);
  });
  return writers;
}

export interface MassDeletionWatch {
  subscribe(onChange: () => void): () => void;
  /** The latest burst of deletions by others (massive or not), or null. Same object until it changes. */
  getBurst(): DeletionBurst | null;
  /** Forgets the current burst: the next deletion starts a new one. */
  clear(): void;
  destroy(): void;
}

/** Starts watching `doc`'s touchpoints. */
export function watchMassDeletion(doc: Y.Doc, now: () => number = Date.now): MassDeletionWatch {
  const cards = roots(doc).touchpoints;
  const listeners = new Set<() => void>();
  let burst: DeletionBurst | null = null;
  const observer = (event: Y.YMapEvent<RecordMap>) => {
    // Local transactions are this person's edits, undos and migrations: not someone else's doing.
    if (event.transaction.local) return;
    const ids: string[] = [];
    event.changes.keys.forEach((change, key) => {
      if (change.action === 'delete') ids.push(key);
    });
    if (ids.length === 0) return;
    const deletion: DeletionEvent = { at: now(), ids, cardsBefore: cards.size + ids.length, authors: writersOf(event.transaction) };
    burst = addDeletion(burst, deletion);
    for (const listener of listeners) listener();
  };
  cards.observe(observer);
  return {
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    getBurst: () => burst,
    clear() {
      burst = null;
      for (const listener of listeners) listener();
    },
    destroy() {
      cards.unobserve(observer);
      listeners.clear();
    },
  };
}
