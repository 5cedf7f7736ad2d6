/**
 * A real SQLite board store behind Promises that the test settles: appends wait until
 * `release()`, and every call fails while `down` is set (a database server that went away).
 */
import { openSqliteStore } from '../../server/storage/sqlite';
import type { BoardStore } from '../../server/persistence';
import { asAsyncStore, type AsyncBoardStore } from '../../server/storage/types';
import { makeTempDir } from './relay';

export interface SlowStore extends AsyncBoardStore {
  /** The synchronous store underneath (to read what was really stored). */
  readonly inner: BoardStore;
  /** Appends waiting for release(). */
  readonly held: number;
  /** Lets every held append go through (or fail, if `down` was set meanwhile). */
  release(): void;
  /** Whether appends wait for release() (otherwise they go through at once). */
  holding: boolean;
  /** While set, every call rejects, and healthy() says false. */
  down: boolean;
  /** Whether board loads (loadSince) wait for releaseLoads(). */
  holdingLoads: boolean;
  /** Loads waiting for releaseLoads(). */
  readonly heldLoads: number;
  releaseLoads(): void;
}

export function openSlowStore(dataDir = makeTempDir('parcours-slow-')): SlowStore {
  const inner = openSqliteStore(dataDir);
  const base = asAsyncStore(inner);
  const waiting: (() => void)[] = [];
  const loads: (() => void)[] = [];
  const unavailable = () => Promise.reject(new Error('the database does not answer'));
  const store: SlowStore = {
    ...base,
    inner,
    holding: true,
    down: false,
    holdingLoads: false,
    get heldLoads() {
      return loads.length;
    },
    releaseLoads() {
      for (const go of loads.splice(0)) go();
    },
    get held() {
      return waiting.length;
    },
    release() {
      for (const go of waiting.splice(0)) go();
    },
    load: (id) => (store.down ? unavailable() : base.load(id)),
    loadSince: async (id, seq) => {
      if (store.holdingLoads) await new Promise<void>((go) => loads.push(go));
      return store.down ? unavailable() : base.loadSince(id, seq);
    },
    maxSeq: (id) => (store.down ? unavailable() : base.maxSeq(id)),
    loadWriters: (id) => (store.down ? unavailable() : base.loadWriters(id)),
    bindWriter: (id, client, key) => (store.down ? unavailable() : base.bindWriter(id, client, key)),
    rowCount: (id) => (store.down ? unavailable() : base.rowCount(id)),
    compact: (id, state, upTo) => (store.down ? unavailable() : base.compact(id, state, upTo)),
    append: async (id, update) => {
      if (store.holding) await new Promise<void>((go) => waiting.push(go));
      if (store.down) throw new Error('the database does not answer');
      return base.append(id, update);
    },
    healthy: async () => !store.down,
  };
  return store;
}
