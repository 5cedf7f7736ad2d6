/** What an update may cost a room: the pending content it leaves, the structs its deletions split or make the relay visit. */
import * as Y from 'yjs';

/**
 * Most pending content a board may hold: updates whose dependencies never arrived. Yjs keeps
 * them aside and re-merges them on every later update, so they must stay small. An honest
 * client only causes pending content for one round trip after a reconnect (a keystroke that
 * overtakes its sync step 2), a few bytes.
 */
export const MAX_PENDING_BYTES = 64 * 1024;

/** What one range of a deletion may add to the encoded board: it can split two items in three. */
export const BYTES_PER_DELETED_RANGE = 32;

/**
 * Stored structs a participant's deletions may make the relay visit, per connection (a token
 * bucket): a whole-board delete set costs one visit per struct, and a sync step 2 resends it.
 */
export const CHECK_VISITS_PER_SECOND = 200_000;
export const CHECK_VISITS_BURST = 1_000_000;

/** Whether every deleted range starts and ends on the boundaries of stored structs (it splits nothing). */
export function deletesWholeItems(doc: Y.Doc, ds: ReturnType<typeof Y.decodeUpdate>['ds']): boolean {
  for (const [client, ranges] of ds.clients) {
    const structs = doc.store.clients.get(client);
    const state = Y.getState(doc.store, client);
    for (const { clock, len } of ranges) {
      if (clock >= state) continue; // dropped: nothing to split
      if (!structs) return false;
      const first = structs[Y.findIndexSS(structs, clock)] as Y.Item | Y.GC;
      if (first.id.clock !== clock) return false;
      const end = clock + len;
      if (end < state) {
        const last = structs[Y.findIndexSS(structs, end - 1)] as Y.Item | Y.GC;
        if (last.id.clock + last.length !== end) return false;
      }
    }
  }
  return true;
}

/** Bytes of updates (and deletions) Yjs holds aside until their dependencies arrive. */
export function pendingBytes(doc: Y.Doc): number {
  return (doc.store.pendingStructs?.update.byteLength ?? 0) + (doc.store.pendingDs?.byteLength ?? 0);
}
