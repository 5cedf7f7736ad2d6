/** Where each integrated type of a room's document lives: its top-level name and nesting depth. */
import * as Y from 'yjs';

export interface TypePlace {
  /** Name of the top-level type it lives in (null if it cannot be told). */
  root: string | null;
  /** 0 for a top-level type, 1 for a type inside it, and so on. */
  depth: number;
}

/**
 * A type never moves once integrated, so its place is computed once and cached: checking an
 * update then costs the same however deep or large the board is, and a chain of nested types
 * is walked once, not once per item inserted below it.
 */
export class TypeIndex {
  private readonly places = new WeakMap<Y.AbstractType<unknown>, TypePlace>();

  /** The place of an integrated type. */
  placeOf(type: Y.AbstractType<unknown>): TypePlace {
    const chain: Y.AbstractType<unknown>[] = [];
    let t: Y.AbstractType<unknown> = type;
    let base: TypePlace | undefined;
    for (;;) {
      base = this.places.get(t);
      if (base) break;
      const item = t._item;
      if (item === null) {
        let root: string | null = null;
        try {
          root = Y.findRootTypeKey(t);
        } catch {
          root = null;
        }
        base = { root, depth: 0 };
        this.places.set(t, base);
        break;
      }
      chain.push(t);
      t = item.parent as Y.AbstractType<unknown>;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      base = { root: base.root, depth: base.depth + 1 };
      this.places.set(chain[i] as Y.AbstractType<unknown>, base);
    }
    return base;
  }
}
