/**
 * What an update touches, in terms of the board's top-level maps, so the relay can refuse a
 * participant's change to the structure before it reaches the document.
 */
import * as Y from 'yjs';
import { STRUCTURE_ROOTS } from '../src/doc/schema';
import type { Role } from './tokens';

const STRUCTURE = new Set(STRUCTURE_ROOTS);

type ParentRef = Y.ID | string | null;

/** The name of the top-level type an integrated type lives in. */
function rootNameOfType(type: Y.AbstractType<unknown>): string | null {
  let t = type;
  while (t._item) t = t._item.parent as Y.AbstractType<unknown>;
  try {
    return Y.findRootTypeKey(t);
  } catch {
    return null;
  }
}

/**
 * The top-level map names an update inserts into or deletes from, judged against the room's
 * document. `null` in the set means "could not tell" (a reference to content the room lacks).
 */
export function rootsTouched(doc: Y.Doc, update: Uint8Array): Set<string | null> {
  const { structs, ds } = Y.decodeUpdate(update);
  const touched = new Set<string | null>();
  // Items of this very update, by client, to resolve parents created in the same update. An
  // update lists each client's structs by increasing clock, so lookups are binary searches:
  // everything here must stay linear in the size of a hostile update.
  const local = new Map<number, Y.Item[]>();
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    const items = local.get(s.id.client);
    if (items) items.push(s);
    else local.set(s.id.client, [s]);
  }
  /** Index of the first local item of `client` that ends after `clock`. */
  const firstEndingAfter = (items: readonly Y.Item[], clock: number): number => {
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const it = items[mid] as Y.Item;
      if (it.id.clock + it.length <= clock) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const findLocal = (id: Y.ID): Y.Item | undefined => {
    const items = local.get(id.client);
    const it = items?.[firstEndingAfter(items, id.clock)];
    return it && it.id.clock <= id.clock ? it : undefined;
  };
  /** Where the next thing that may hold `client`'s clocks at or after `clock` starts: a struct of the room or of this update. */
  const nextStart = (client: number, clock: number): number => {
    if (clock < Y.getState(doc.store, client)) {
      const roomStructs = doc.store.clients.get(client) ?? [];
      const s = roomStructs[Y.findIndexSS(roomStructs, clock)] as Y.Item | Y.GC;
      return s.id.clock + s.length;
    }
    const items = local.get(client);
    const it = items?.[firstEndingAfter(items, clock)];
    return it ? Math.max(it.id.clock, clock + 1) : Infinity;
  };
  const findStored = (id: Y.ID): Y.Item | null => {
    try {
      const s = Y.getItem(doc.store, id);
      return s instanceof Y.Item ? s : null;
    } catch {
      return null;
    }
  };

  const rootOfItem = (item: Y.Item, depth = 0): string | null => {
    if (depth > 64) return null;
    const parent = item.parent as unknown as ParentRef | Y.AbstractType<unknown>;
    if (typeof parent === 'string') return parent;
    if (parent instanceof Y.AbstractType) return rootNameOfType(parent);
    // An item inserted next to another one has no explicit parent: it shares its neighbour's.
    const ref = parent ?? item.origin ?? item.rightOrigin;
    if (!ref) return null;
    // A parent reference points at a type item, a neighbour reference at a sibling: either way
    // the item lives under the same top-level map as the referenced one.
    const localRef = findLocal(ref);
    if (localRef) return rootOfItem(localRef, depth + 1);
    const stored = findStored(ref);
    if (!stored) return null;
    if (parent) return stored.content instanceof Y.ContentType ? rootNameOfType(stored.content.type as Y.AbstractType<unknown>) : null;
    return rootNameOfType(stored.parent as Y.AbstractType<unknown>);
  };

  for (const s of structs) {
    // Content the room already has changes nothing (a reconnecting client may resend some).
    if (s instanceof Y.Item && s.id.clock + s.length > Y.getState(doc.store, s.id.client)) touched.add(rootOfItem(s));
  }
  for (const [client, ranges] of ds.clients) {
    for (const { clock, len } of ranges) {
      for (let c = clock; c < clock + len; ) {
        const id = Y.createID(client, c);
        const stored = findStored(id);
        const item = findLocal(id) ?? stored;
        // A delete set lists every deletion the sender knows of, including ones the room already
        // applied: deleting what is already deleted changes nothing.
        if (stored?.deleted) {
          c = stored.id.clock + stored.length;
          continue;
        }
        if (!item) {
          // Deleting what the room does not have (or has already collected): harmless, it
          // changes nothing here. Skip to the next struct, never clock by clock: one hostile
          // range can be 2^31 clocks long.
          c = nextStart(client, c);
          continue;
        }
        touched.add(rootOfItem(item));
        c = item.id.clock + item.length;
      }
    }
  }
  return touched;
}

export type UpdateVerdict = { ok: true } | { ok: false; reason: string };

/** Whether a connection with `role` may apply `update` to the room's document. */
export function mayApply(role: Role, doc: Y.Doc, update: Uint8Array): UpdateVerdict {
  if (role === 'facilitator') return { ok: true };
  if (role === 'viewer') return { ok: false, reason: 'viewers cannot edit' };
  const roots = rootsTouched(doc, update);
  for (const root of roots) {
    if (root === null) return { ok: false, reason: 'update refers to unknown content' };
    if (STRUCTURE.has(root)) return { ok: false, reason: `participants cannot change ${root}` };
  }
  return { ok: true };
}
