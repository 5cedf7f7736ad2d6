/** Read-only projections: the document as plain, immutable snapshots. */
import * as Y from 'yjs';
import type { BoardSnapshot } from '../model/types';
import {
  allTouchpoints,
  readAction,
  readEmotion,
  readKpi,
  readLane,
  readLaneCard,
  readMeta,
  readPainPoint,
  readPersona,
  sortedJourneys,
  sortedRecords,
  readView,
} from './read';
import { createLiveBoard, type LiveBoard } from './liveBoard';
import { roots, type RecordMap } from './schema';

const all = () => true;

function emotions(map: Y.Map<RecordMap>) {
  const out: ReturnType<typeof readEmotion>[] = [];
  map.forEach((r, stageId) => {
    if (r instanceof Y.Map) out.push(readEmotion(stageId, r));
  });
  return out.sort((a, b) => (a.stageId < b.stageId ? -1 : a.stageId > b.stageId ? 1 : 0));
}

/** The whole board as plain objects. */
export function readBoard(doc: Y.Doc): BoardSnapshot {
  const r = roots(doc);
  return {
    meta: readMeta(doc),
    journeys: sortedJourneys(doc),
    stages: sortedRecords(r.stages, readLane, all),
    channels: sortedRecords(r.channels, readLane, all),
    touchpoints: allTouchpoints(doc),
    personas: sortedRecords(r.personas, readPersona, all),
    kpis: sortedRecords(r.kpis, readKpi, all),
    emotions: emotions(r.emotions),
    painPoints: sortedRecords(r.painPoints, readPainPoint, all),
    laneCards: sortedRecords(r.laneCards, readLaneCard, all),
    actions: sortedRecords(r.actions, readAction, all),
    views: sortedRecords(r.views, readView, all),
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any shared type, whatever its events
type SharedType = Y.AbstractType<any>;

export interface DocReader<T> {
  subscribe(onChange: () => void): () => void;
  getSnapshot(): T;
}

/** The board of a session, read incrementally (see liveBoard.ts). */
export type BoardReader = LiveBoard;

/**
 * A subscribable view of a document for useSyncExternalStore: the snapshot is recomputed
 * lazily after each transaction that changed one of the `watched` shared types (any
 * transaction when none are given) and stays the same object until the next one.
 */
export function createDocReader<T>(doc: Y.Doc, read: (doc: Y.Doc) => T, watched?: readonly SharedType[]): DocReader<T> {
  let snapshot: T | null = null;
  let frame: ReturnType<typeof setTimeout> | number | null = null;
  const listeners = new Set<() => void>();
  const notify = () => {
    frame = null;
    for (const l of listeners) l();
  };
  // Listen for the reader's whole life, not only while subscribed: React reads the snapshot
  // before it subscribes (and between StrictMode's unsubscribe/resubscribe), so a cache that
  // is only cleared while someone listens would hand out a stale view.
  doc.on('afterTransaction', (tr: Y.Transaction) => {
    if (watched && !watched.some((type) => tr.changedParentTypes.has(type) || tr.changed.has(type))) return;
    snapshot = null;
    // My own edits show at once; remote ones are coalesced to one render per animation frame,
    // since a provider applies every message in its own transaction.
    if (tr.local) {
      if (frame !== null) cancelFrame(frame);
      notify();
    } else if (frame === null) frame = nextFrame(notify);
  });
  return {
    subscribe(onChange) {
      listeners.add(onChange);
      return () => {
        listeners.delete(onChange);
      };
    },
    getSnapshot() {
      snapshot ??= read(doc);
      return snapshot;
    },
  };
}

const nextFrame = (fn: () => void) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(fn) : setTimeout(fn, 0));
const cancelFrame = (id: ReturnType<typeof setTimeout> | number) =>
  typeof cancelAnimationFrame === 'function' && typeof id === 'number'
    ? cancelAnimationFrame(id)
    : clearTimeout(id as ReturnType<typeof setTimeout>);

/** The board reader of a document. */
export function createBoardReader(doc: Y.Doc): BoardReader {
  return createLiveBoard(doc);
}
