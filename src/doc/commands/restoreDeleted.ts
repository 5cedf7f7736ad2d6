/** Bringing back touchpoints someone deleted, from saved versions, leaving the rest of the board as it is. */
import * as Y from 'yjs';
import type { RecordKind } from '../../model/records';
import { roots } from '../schema';
import { edit } from './edit';
import { copyValue } from './restore';

/** Puts back into the id-lists of `root` (pain points' cards, actions' links) the restored ids a version had there. */
function relink(doc: Y.Doc, sources: readonly Y.Doc[], root: RecordKind, field: string, restored: ReadonlySet<string>): void {
  roots(doc)[root].forEach((record, id) => {
    if (!(record instanceof Y.Map)) return; // malformed records are read around, never written
    const current = record.get(field);
    const list = Array.isArray(current) ? (current as unknown[]).filter((x): x is string => typeof x === 'string') : [];
    const back = new Set<string>();
    for (const source of sources) {
      const old = roots(source)[root].get(id);
      const saved = old instanceof Y.Map ? old.get(field) : undefined;
      if (Array.isArray(saved)) for (const x of saved) if (restored.has(x as string) && !list.includes(x as string)) back.add(x as string);
    }
    if (back.size > 0) record.set(field, [...list, ...back]);
  });
}

/**
 * Restores the touchpoints `ids` that are missing from `doc`, each from the first of `sources`
 * (saved versions, newest first) that holds it, with its links from pain points and actions.
 * One local edit: it syncs to everyone and one undo takes it back. Returns the ids restored.
 */
export function restoreDeletedTouchpoints(doc: Y.Doc, sources: readonly Y.Doc[], ids: readonly string[]): string[] {
  return edit(doc, () => {
    const cards = roots(doc).touchpoints;
    const restored: string[] = [];
    for (const id of ids) {
      if (cards.has(id)) continue; // already back (someone undid, or restored it)
      const saved = sources.map((source) => roots(source).touchpoints.get(id)).find((card) => card instanceof Y.Map);
      if (!saved) continue;
      cards.set(id, copyValue(saved) as Y.Map<unknown>);
      restored.push(id);
    }
    if (restored.length > 0) {
      const set = new Set(restored);
      relink(doc, sources, 'painPoints', 'touchpointIds', set);
      relink(doc, sources, 'actions', 'links', set);
    }
    return restored;
  });
}
