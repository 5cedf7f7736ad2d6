/** Board documents for tests: a fresh initialised board, and peers sharing one initial state. */
import * as Y from 'yjs';
import { initBoard } from '../../src/doc/commands';
import { sortedLanes } from '../../src/doc/read';
import { defaultBoard, type Locale } from '../../src/model/defaults';
import type { LaneKind } from '../../src/model/types';

export interface Board {
  doc: Y.Doc;
  journeyId: string;
}

/** A new document seeded with the default board of `locale`. */
export function newBoard(locale: Locale = 'fr', clientID?: number): Board {
  const doc = new Y.Doc();
  if (clientID !== undefined) doc.clientID = clientID;
  const init = initBoard(doc, defaultBoard(locale), 1_700_000_000_000);
  if (!init) throw new Error('initBoard returned null on an empty document');
  return { doc, journeyId: init.journeyId };
}

/** `count` documents with distinct client ids, all loaded from one seeded initial state. */
export function peersOf(count: number, locale: Locale = 'fr'): { docs: Y.Doc[]; journeyId: string } {
  const seed = newBoard(locale, 1000);
  const initial = Y.encodeStateAsUpdate(seed.doc);
  const docs = Array.from({ length: count }, (_, i) => {
    const doc = new Y.Doc();
    doc.clientID = i + 1;
    Y.applyUpdate(doc, initial, 'remote');
    return doc;
  });
  return { docs, journeyId: seed.journeyId };
}

/** Exchanges full state between every pair of documents, as a relay eventually would. */
export function syncAll(docs: readonly Y.Doc[]): void {
  for (const from of docs) {
    for (const to of docs) {
      if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'remote');
    }
  }
}

/** The ids of a journey's stages or channels, in order. */
export function laneIds(doc: Y.Doc, kind: LaneKind, journeyId: string): string[] {
  return sortedLanes(doc, kind, journeyId).map((l) => l.id);
}

/** The names of a journey's stages or channels, in order. */
export function laneNames(doc: Y.Doc, kind: LaneKind, journeyId: string): string[] {
  return sortedLanes(doc, kind, journeyId).map((l) => l.name);
}
