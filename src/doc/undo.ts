import * as Y from 'yjs';
import { LOCAL_ORIGIN } from './origins';
import { ROOTS, UNDO_MERGE_KEY, roots } from './schema';
import { WORKSHOP_RECORD_ROOTS, workshopRoots } from './workshop';

/** Typing pauses shorter than this stay in the same undo step. */
const TYPING_CAPTURE_MS = 1000;

/**
 * An undo manager over the whole board that tracks only this client's own edits. Every command
 * is its own undo step, except consecutive keystrokes in one card, which undo together.
 */
export function createUndoManager(doc: Y.Doc): Y.UndoManager {
  const r = roots(doc);
  let manager: Y.UndoManager | null = null;
  let lastMergeKey: unknown;
  // Registered before the manager's own handler, so it runs first and can close the open step.
  const splitSteps = (tr: Y.Transaction) => {
    if (tr.origin !== LOCAL_ORIGIN || !manager) return;
    const mergeKey = tr.meta.get(UNDO_MERGE_KEY);
    if (mergeKey === undefined || mergeKey !== lastMergeKey) manager.stopCapturing();
    lastMergeKey = mergeKey;
  };
  doc.on('afterTransaction', splitSteps);
  const w = workshopRoots(doc);
  // The timer and the lock (the `workshop` map) are shared controls: never undone.
  manager = new Y.UndoManager([...ROOTS.map((name) => r[name]), ...WORKSHOP_RECORD_ROOTS.map((name) => w[name])], {
    trackedOrigins: new Set([LOCAL_ORIGIN]),
    captureTimeout: TYPING_CAPTURE_MS,
  });
  manager.on('stack-item-popped', () => {
    lastMergeKey = undefined;
  });
  const destroy = manager.destroy.bind(manager);
  manager.destroy = () => {
    doc.off('afterTransaction', splitSteps);
    destroy();
  };
  return manager;
}
