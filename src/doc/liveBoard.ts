/**
 * The board as plain objects, kept up to date from the document's change events: after an edit
 * only the records it touched are read again, and every other record, and the list of every
 * kind it did not touch, stays the very same object. Three ways to listen:
 * - `subscribe`: any change of the board (what `useBoard` re-renders on);
 * - `subscribeStructure`: any change but those only a card shows (a touchpoint's text), for
 *   the canvas, which lays the board out and leaves the text to the card;
 * - `subscribeRecord`: one record, for the component that shows it.
 * Remote changes are delivered once per animation frame, local ones at once.
 */
import * as Y from 'yjs';
import { byOrder } from '../model/order';
import { RECORD_KINDS, type RecordKind, type RecordOf } from '../model/records';
import type { BoardMeta, BoardSnapshot } from '../model/types';
import {
  readAction,
  readEmotion,
  readJourney,
  readKpi,
  readLane,
  readLaneCard,
  readMeta,
  readPainPoint,
  readPersona,
  readTouchpoint,
  readView,
} from './read';
import { roots, type RecordMap } from './schema';

export interface LiveBoard {
  subscribe(onChange: () => void): () => void;
  /** The whole board; the same object until the next change. */
  getSnapshot(): BoardSnapshot;
  subscribeStructure(onChange: () => void): () => void;
  /**
   * The board as of its last change that was not a card's content alone: stable while people
   * type. Its touchpoints' texts may be older than the document's; read those with `getRecord`.
   */
  getStructureSnapshot(): BoardSnapshot;
  subscribeRecord(kind: RecordKind, id: string, onChange: () => void): () => void;
  /** One record as plain data (the same object until it changes), or null when there is none. */
  getRecord<K extends RecordKind>(kind: K, id: string): RecordOf<K> | null;
}

const READERS: { [K in RecordKind]: (key: string, r: RecordMap) => RecordOf<K> } = {
  journeys: readJourney,
  stages: readLane,
  channels: readLane,
  touchpoints: readTouchpoint,
  personas: readPersona,
  kpis: readKpi,
  emotions: readEmotion,
  painPoints: readPainPoint,
  laneCards: readLaneCard,
  actions: readAction,
  views: readView,
};

/** Fields only a card shows: a change to them alone leaves the structure as it was. */
const CARD_FIELDS: Partial<Record<RecordKind, ReadonlySet<string>>> = { touchpoints: new Set(['text']) };

type AnyRecord = RecordOf<RecordKind>;
type Ordered = { id: string; order: string };

/** Lists in the snapshot's order: by order key, emotions (keyed by stage) by stage id. */
function sortList(kind: RecordKind, list: AnyRecord[]): AnyRecord[] {
  if (kind === 'emotions') return list.sort((a, b) => ((a as { stageId: string }).stageId < (b as { stageId: string }).stageId ? -1 : 1));
  return (list as Ordered[]).sort(byOrder) as AnyRecord[];
}

const orderOf = (r: AnyRecord) => (r as Partial<Ordered>).order;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The live board of `doc`. It listens for the document's whole life. */
export function createLiveBoard(doc: Y.Doc): LiveBoard {
  const r = roots(doc);
  // Filled on first read: before that, changes need not be tracked one by one.
  let records: Map<RecordKind, Map<string, AnyRecord>> | null = null;
  const lists = new Map<RecordKind, AnyRecord[] | null>();
  const positions = new Map<RecordKind, Map<string, number>>();
  let meta: BoardMeta | null = null;
  let snapshot: BoardSnapshot | null = null;
  let structure: BoardSnapshot | null = null;
  let pending = new Map<RecordKind, Map<string, boolean>>();
  let metaChanged = false;
  let frame: ReturnType<typeof setTimeout> | number | null = null;
  const listeners = new Set<() => void>();
  const structureListeners = new Set<() => void>();
  const recordListeners = new Map<string, Set<() => void>>();
  const keyOf = (kind: RecordKind, id: string) => `${kind}\u0000${id}`;

  const readAll = () => {
    records = new Map(RECORD_KINDS.map((kind) => [kind, new Map<string, AnyRecord>()]));
    for (const kind of RECORD_KINDS) {
      const out = records.get(kind) as Map<string, AnyRecord>;
      r[kind].forEach((value, id) => {
        if (value instanceof Y.Map) out.set(id, READERS[kind](id, value));
      });
      lists.set(kind, null);
    }
    meta = readMeta(doc);
  };
  const ensure = () => {
    if (!records) readAll();
    return records as Map<RecordKind, Map<string, AnyRecord>>;
  };
  const list = (kind: RecordKind): AnyRecord[] => {
    let out = lists.get(kind);
    if (!out) {
      out = sortList(kind, [...ensure().get(kind)!.values()]);
      lists.set(kind, out);
      positions.set(kind, new Map(out.map((rec, i) => [(rec as { id?: string }).id ?? (rec as { stageId: string }).stageId, i])));
    }
    return out;
  };

  /** Reads the changed records again; returns those that really changed, and whether the structure did. */
  const apply = (changes: Map<RecordKind, Map<string, boolean>>) => {
    const changed: [RecordKind, string][] = [];
    let structural = false;
    for (const [kind, ids] of changes) {
      const byId = records!.get(kind)!;
      let copied = false;
      for (const [id, shapes] of ids) {
        const value = r[kind].get(id);
        const next = value instanceof Y.Map ? READERS[kind](id, value) : null;
        const old = byId.get(id) ?? null;
        if (old === next || (old && next && same(old, next))) continue;
        changed.push([kind, id]);
        structural ||= shapes;
        if (next) byId.set(id, next);
        else byId.delete(id);
        const current = lists.get(kind);
        const at = positions.get(kind)?.get(id);
        // Same place in its list: patch a copy of the list; otherwise sort it again when asked.
        if (current && old && next && at !== undefined && orderOf(old) === orderOf(next)) {
          const patched = copied ? current : current.slice();
          patched[at] = next;
          lists.set(kind, patched);
          copied = true;
        } else lists.set(kind, null);
      }
    }
    return { changed, structural };
  };

  // What changed since listeners were last told: records are read again at once, so every read
  // is current; listeners of remote changes are told on the next frame.
  let toldRecords = new Set<string>();
  let toldStructure = false;
  let toldAny = false;
  const notify = () => {
    frame = null;
    const keys = toldRecords;
    const structural = toldStructure;
    const any = toldAny;
    toldRecords = new Set();
    toldStructure = false;
    toldAny = false;
    for (const key of keys) for (const l of [...(recordListeners.get(key) ?? [])]) l();
    if (structural) for (const l of [...structureListeners]) l();
    if (any) for (const l of [...listeners]) l();
  };
  const take = () => {
    const changes = pending;
    const metaTouched = metaChanged;
    pending = new Map();
    metaChanged = false;
    if (!records) {
      // Nothing read yet: nothing to keep, only to tell.
      toldStructure = toldAny = true;
      structure = snapshot = null;
      return;
    }
    const { changed, structural: shapes } = apply(changes);
    let structural = shapes;
    if (metaTouched) {
      const next = readMeta(doc);
      if (!same(next, meta)) {
        meta = next;
        structural = true;
      }
    }
    if (changed.length === 0 && !structural) return;
    snapshot = null;
    if (structural) structure = null;
    for (const [kind, id] of changed) toldRecords.add(keyOf(kind, id));
    toldStructure ||= structural;
    toldAny = true;
  };

  for (const kind of RECORD_KINDS) {
    r[kind].observeDeep((events) => {
      if (!records) return;
      let ids = pending.get(kind);
      if (!ids) pending.set(kind, (ids = new Map()));
      for (const event of events) {
        const [id, field] = event.path as string[];
        const keys = event instanceof Y.YMapEvent ? [...event.keysChanged] : [];
        if (id === undefined) {
          // Records added, replaced or removed.
          for (const key of keys) ids.set(key, true);
          continue;
        }
        const fields = field !== undefined ? [field] : keys;
        const shapes = !fields.every((f) => CARD_FIELDS[kind]?.has(f));
        ids.set(id, (ids.get(id) ?? false) || shapes);
      }
    });
  }
  r.meta.observe(() => {
    metaChanged = true;
  });
  doc.on('afterTransaction', (tr: Y.Transaction) => {
    if (pending.size > 0 || metaChanged || !records) take();
    if (!toldAny) return;
    // My own edits show at once; remote ones are coalesced to one render per animation frame,
    // since a provider applies every message in its own transaction.
    if (tr.local) {
      if (frame !== null) cancelFrame(frame);
      notify();
    } else if (frame === null) frame = nextFrame(notify);
  });

  const subscribeTo = (set: Set<() => void>) => (onChange: () => void) => {
    set.add(onChange);
    return () => void set.delete(onChange);
  };
  const getSnapshot = (): BoardSnapshot => {
    if (!snapshot) {
      ensure();
      const out = { meta: meta as BoardMeta } as Record<string, unknown>;
      for (const kind of RECORD_KINDS) out[kind] = list(kind);
      snapshot = out as unknown as BoardSnapshot;
    }
    return snapshot;
  };
  return {
    subscribe: subscribeTo(listeners),
    getSnapshot,
    subscribeStructure: subscribeTo(structureListeners),
    getStructureSnapshot: () => (structure ??= getSnapshot()),
    subscribeRecord(kind, id, onChange) {
      const key = keyOf(kind, id);
      let set = recordListeners.get(key);
      if (!set) recordListeners.set(key, (set = new Set()));
      set.add(onChange);
      return () => {
        set.delete(onChange);
        if (set.size === 0) recordListeners.delete(key);
      };
    },
    getRecord: <K extends RecordKind>(kind: K, id: string) => (ensure().get(kind)?.get(id) as RecordOf<K> | undefined) ?? null,
  };
}

const nextFrame = (fn: () => void) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(fn) : setTimeout(fn, 0));
const cancelFrame = (id: ReturnType<typeof setTimeout> | number) =>
  typeof cancelAnimationFrame === 'function' && typeof id === 'number'
    ? cancelAnimationFrame(id)
    : clearTimeout(id as ReturnType<typeof setTimeout>);
