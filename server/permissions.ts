/**
 * Whether a participant's update stays inside the content of a board. The update is judged
 * exactly as Yjs will integrate it: references to clocks the room already has resolve against
 * the stored board (never against look-alikes the update carries), items the room already has
 * are ignored as Yjs ignores them, and anything that would wait for content the room lacks is
 * refused, so nothing a participant sends can lie in wait for someone else's next edit.
 * See docs/security.md.
 */
import * as Y from 'yjs';
import { CONTENT_ROOTS, MAX_TYPE_DEPTH, STRUCTURE_ROOTS } from '../src/doc/schema';
import { capabilitiesOf, type Role } from '../src/model/roles';
import { TypeIndex, type TypePlace } from './typeIndex';

const CONTENT = new Set(CONTENT_ROOTS);
const KNOWN_ROOTS = new Set([...STRUCTURE_ROOTS, ...CONTENT_ROOTS]);

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

export type UpdateVerdict =
  { ok: true; /** Stored structs visited while checking deletions (work done). */ visited: number } | { ok: false; reason: string };

/** Who may write new structs under a Yjs client id (see WriterRegistry). */
export type MayWrite = (client: number) => boolean;

/** Where an item goes: a stored type, a type created by this very update, a root not created yet, or nowhere (collected). */
type Parent = Y.AbstractType<unknown> | Y.Item | string | 'gc';

class Refused extends Error {}

const refuse = (reason: string): never => {
  throw new Refused(reason);
};

/** The stored struct holding `clock` of `client`, or null when the room has no such clock. */
function storedStruct(doc: Y.Doc, client: number, clock: number): Y.Item | Y.GC | null {
  if (clock >= Y.getState(doc.store, client)) return null;
  const structs = doc.store.clients.get(client);
  if (!structs) return null;
  return structs[Y.findIndexSS(structs, clock)] as Y.Item | Y.GC;
}

/** The structs of one client that the room does not have yet, in clock order. */
interface NewRun {
  client: number;
  structs: (Y.Item | Y.GC)[];
}

/** Binary search of the struct of `run` that holds `clock`. */
function findInRun(run: NewRun, clock: number): Y.Item | Y.GC | null {
  let lo = 0;
  let hi = run.structs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const s = run.structs[mid] as Y.Item | Y.GC;
    if (clock < s.id.clock) hi = mid - 1;
    else if (clock >= s.id.clock + s.length) lo = mid + 1;
    else return s;
  }
  return null;
}

/** Splits an update into the new runs of each client, refusing shapes no honest client sends. */
function newRuns(doc: Y.Doc, decoded: DecodedUpdate): Map<number, NewRun> {
  const runs = new Map<number, NewRun>();
  const seen = new Set<number>();
  let current = -1;
  for (const s of decoded.structs) {
    const client = s.id.client;
    if (client !== current) {
      // Yjs keeps only the last group of a client: an earlier one would be judged but never applied.
      if (seen.has(client)) refuse('duplicate client group');
      seen.add(client);
      current = client;
    }
    if (s instanceof Y.Skip) refuse('skip structs');
    // Yjs creates a top-level type for every name it decodes, applied or not.
    if (s instanceof Y.Item && typeof s.parent === 'string' && !KNOWN_ROOTS.has(s.parent)) refuse(`unknown top-level type ${s.parent}`);
    const state = Y.getState(doc.store, client);
    if (s.id.clock + s.length <= state) continue; // the room has it: Yjs skips it
    let run = runs.get(client);
    if (!run) {
      if (s.id.clock > state) refuse('content that would wait for missing clocks');
      run = { client, structs: [] };
      runs.set(client, run);
    }
    run.structs.push(s as Y.Item | Y.GC);
  }
  return runs;
}

/** Judges the items and deletions of a participant's update. */
class ParticipantCheck {
  private readonly parents = new Map<Y.Item, { parent: Parent; sub: string | null }>();
  private readonly visiting = new Set<Y.Item>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly runs: Map<number, NewRun>,
    private readonly types: TypeIndex,
  ) {}

  /** The struct an id points at, in the room when it has that clock, else in this update. */
  private resolve(id: Y.ID, from: Y.Item): Y.Item | Y.GC {
    if (id.client === from.id.client && id.clock >= from.id.clock) refuse('reference to a later clock of the same client');
    const stored = storedStruct(this.doc, id.client, id.clock);
    if (stored) return stored;
    const run = this.runs.get(id.client);
    const local = run ? findInRun(run, id.clock) : null;
    return local ?? refuse('reference to content the room does not have');
  }

  /** Where an item of this update goes, and under which map key. Iterative: chains can be long. */
  placeOf(item: Y.Item): { parent: Parent; sub: string | null } {
    const known = this.parents.get(item);
    if (known) return known;
    const stack: Y.Item[] = [item];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as Y.Item;
      if (this.parents.has(top)) {
        stack.pop();
        continue;
      }
      const pending = this.localDependencies(top).filter((dep) => !this.parents.has(dep));
      if (pending.length > 0) {
        if (this.visiting.has(top)) refuse('circular references');
        this.visiting.add(top);
        for (const dep of pending) {
          if (this.visiting.has(dep)) refuse('circular references');
          stack.push(dep);
        }
        continue;
      }
      this.parents.set(top, this.computePlace(top));
      this.visiting.delete(top);
      stack.pop();
    }
    return this.parents.get(item) as { parent: Parent; sub: string | null };
  }

  private localDependencies(item: Y.Item): Y.Item[] {
    const deps: Y.Item[] = [];
    const parent = item.parent as unknown;
    for (const id of [parent instanceof Y.ID ? parent : null, item.origin, item.rightOrigin]) {
      if (!id) continue;
      const s = this.resolve(id, item);
      if (s instanceof Y.Item && this.isLocal(s)) deps.push(s);
    }
    return deps;
  }

  private isLocal(s: Y.Item | Y.GC): boolean {
    return s.id.clock >= Y.getState(this.doc.store, s.id.client);
  }

  /** The place of a neighbour (origin or right origin). */
  private neighbourPlace(s: Y.Item | Y.GC): { parent: Parent; sub: string | null } {
    if (s instanceof Y.GC) return { parent: 'gc', sub: null };
    if (this.isLocal(s)) return this.placeOf(s);
    return { parent: s.parent as Y.AbstractType<unknown>, sub: s.parentSub };
  }

  private computePlace(item: Y.Item): { parent: Parent; sub: string | null } {
    const declared = item.parent as unknown;
    const left = item.origin ? this.neighbourPlace(this.resolve(item.origin, item)) : null;
    const right = item.rightOrigin ? this.neighbourPlace(this.resolve(item.rightOrigin, item)) : null;
    // Yjs collects an item next to collected content.
    if (left?.parent === 'gc' || right?.parent === 'gc') return { parent: 'gc', sub: null };
    let place: { parent: Parent; sub: string | null };
    if (typeof declared === 'string')
      place = { parent: (this.doc.share.get(declared) as Y.AbstractType<unknown> | undefined) ?? declared, sub: item.parentSub };
    else if (declared instanceof Y.ID) place = { parent: this.typeAt(this.resolve(declared, item)), sub: item.parentSub };
    else if (left) place = left;
    else if (right) place = right;
    else return refuse('item with no parent');
    // Neighbours must live where the item goes: Yjs links an item between its neighbours, so a
    // neighbour elsewhere would splice it into another type (and, in a map, delete that entry).
    for (const side of [left, right]) {
      if (side && (side.parent !== place.parent || side.sub !== place.sub)) refuse('neighbour in another type');
    }
    return place;
  }

  /** The type a parent reference names. */
  private typeAt(s: Y.Item | Y.GC): Parent {
    if (s instanceof Y.GC) return 'gc';
    if (!(s.content instanceof Y.ContentType)) return refuse('parent is not a type');
    return this.isLocal(s) ? s : (s.content.type as Y.AbstractType<unknown>);
  }

  /** Root and depth of the type an item goes into. */
  placeInfo(parent: Parent): TypePlace | null {
    if (parent === 'gc') return null;
    if (typeof parent === 'string') return { root: parent, depth: 0 };
    if (parent instanceof Y.Item) {
      const above = this.placeInfo(this.placeOf(parent).parent);
      return above ? { root: above.root, depth: above.depth + 1 } : null;
    }
    return this.types.placeOf(parent);
  }

  checkItem(item: Y.Item): void {
    if (item.content instanceof Y.ContentDoc) refuse('subdocuments');
    const { parent, sub } = this.placeOf(item);
    const state = Y.getState(this.doc.store, item.id.client);
    if (item.id.clock < state) {
      // Yjs integrates only the tail, after the stored struct before it: that one must sit where the item says it goes.
      const before = storedStruct(this.doc, item.id.client, state - 1);
      if (!(before instanceof Y.Item) || before.parent !== parent || before.parentSub !== sub) refuse('item straddling stored content');
    }
    const info = this.placeInfo(parent);
    if (info === null) return; // collected on arrival
    if (info.root === null || !CONTENT.has(info.root)) refuse(`participants cannot change ${info.root ?? 'unknown content'}`);
    if (info.depth > MAX_TYPE_DEPTH) refuse('types nested too deep');
  }

  /** Deletions of stored content must all lie in the content; returns the stored structs visited. */
  checkDeletions(ds: DecodedUpdate['ds']): number {
    let visited = 0;
    for (const [client, ranges] of ds.clients) {
      const state = Y.getState(this.doc.store, client);
      const structs = this.doc.store.clients.get(client);
      if (!structs) continue;
      for (const { clock, len } of ranges) {
        const end = Math.min(clock + len, state);
        // Clocks past the room's state are this update's own items (already judged) or nothing:
        // the room drops deletions it cannot apply instead of keeping them pending.
        if (clock >= end) continue;
        for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
          const s = structs[i] as Y.Item | Y.GC;
          if (s.id.clock >= end) break;
          visited++;
          if (s instanceof Y.GC || s.deleted) continue;
          const info = this.types.placeOf(s.parent as Y.AbstractType<unknown>);
          if (info.root === null || !CONTENT.has(info.root)) refuse(`participants cannot delete from ${info.root ?? 'unknown content'}`);
        }
      }
    }
    return visited;
  }
}

/**
 * Judges a participant's decoded update against the room's document. `mayWrite` says under
 * which client ids this connection may add structs; `types` caches where stored types live.
 */
export function judgeParticipantUpdate(doc: Y.Doc, decoded: DecodedUpdate, mayWrite: MayWrite, types: TypeIndex): UpdateVerdict {
  try {
    const runs = newRuns(doc, decoded);
    for (const client of runs.keys()) {
      if (!mayWrite(client)) refuse(`writing under client ${client}, which belongs to someone else`);
    }
    const check = new ParticipantCheck(doc, runs, types);
    for (const run of runs.values()) {
      for (const s of run.structs) if (s instanceof Y.Item) check.checkItem(s);
    }
    return { ok: true, visited: check.checkDeletions(decoded.ds) };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.message };
    return { ok: false, reason: 'unreadable update' };
  }
}

/** Whether a connection with `role` may apply `update` (tests and tools; the room calls the parts itself). */
export function mayApply(role: Role, doc: Y.Doc, update: Uint8Array, mayWrite: MayWrite = () => true): UpdateVerdict {
  const may = capabilitiesOf(role);
  if (may.canEditStructure) return { ok: true, visited: 0 };
  if (!may.canEdit) return { ok: false, reason: 'viewers cannot edit' };
  let decoded: DecodedUpdate;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return { ok: false, reason: 'unreadable update' };
  }
  return judgeParticipantUpdate(doc, decoded, mayWrite, new TypeIndex());
}

/** Whether every type a transaction changed lies in the content (the second line of defence). */
export function changesOnlyContent(transaction: Y.Transaction, types: TypeIndex): boolean {
  for (const type of transaction.changed.keys()) {
    const info = types.placeOf(type as Y.AbstractType<unknown>);
    if (info.root === null || !CONTENT.has(info.root) || info.depth > MAX_TYPE_DEPTH) return false;
  }
  return true;
}
