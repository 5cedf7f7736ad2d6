import * as Y from 'yjs';
import { LOCAL_ORIGIN, roots } from './schema';

/** An undo manager over the whole board that tracks only this client's own edits. */
export function createUndoManager(doc: Y.Doc): Y.UndoManager {
  const r = roots(doc);
  return new Y.UndoManager([r.meta, r.journeys, r.stages, r.channels, r.touchpoints], {
    trackedOrigins: new Set([LOCAL_ORIGIN]),
    captureTimeout: 600,
  });
}
