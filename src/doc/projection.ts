/** Read-only projections: the document as plain, immutable snapshots. */
import * as Y from 'yjs';
import type { BoardSnapshot } from '../model/types';
import { allTouchpoints, readLane, readMeta, sortedJourneys } from './read';
import { roots, type RecordMap } from './schema';
import { byOrder } from '../model/order';

function lanes(map: Y.Map<RecordMap>) {
  const out: ReturnType<typeof readLane>[] = [];
  map.forEach((r, id) => {
    if (r instanceof Y.Map) out.push(readLane(id, r));
  });
  return out.sort(byOrder);
}

/** The whole board as plain objects. */
export function readBoard(doc: Y.Doc): BoardSnapshot {
  const r = roots(doc);
  return {
    meta: readMeta(doc),
    journeys: sortedJourneys(doc),
    stages: lanes(r.stages),
    channels: lanes(r.channels),
    touchpoints: allTouchpoints(doc),
  };
}

export interface BoardReader {
  subscribe(onChange: () => void): () => void;
  getSnapshot(): BoardSnapshot;
}

/**
 * A subscribable view of a document for useSyncExternalStore: the snapshot is recomputed
 * lazily after each transaction and stays the same object until the next one.
 */
export function createBoardReader(doc: Y.Doc): BoardReader {
  let snapshot: BoardSnapshot | null = null;
  const listeners = new Set<() => void>();
  // Listen for the reader's whole life, not only while subscribed: React reads the snapshot
  // before it subscribes (and between StrictMode's unsubscribe/resubscribe), so a cache that
  // is only cleared while someone listens would hand out a stale board.
  doc.on('afterTransaction', () => {
    snapshot = null;
    for (const l of listeners) l();
  });
  return {
    subscribe(onChange) {
      listeners.add(onChange);
      return () => {
        listeners.delete(onChange);
      };
    },
    getSnapshot() {
      snapshot ??= readBoard(doc);
      return snapshot;
    },
  };
}
