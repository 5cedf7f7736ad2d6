/**
 * The asynchronous face of board storage: what a store answers with Promises, so that one kept
 * in a database server (PostgreSQL) and the embedded SQLite one are used the same way.
 */
import type { Appended, BoardCursor, BoardStore, BoardStoreStats, HistoricState, SeqRow, StoredBoard, StoredRow } from '../persistence';

/** A value, or a Promise of it: what a store that may answer at once or later returns. */
export type MaybePromise<T> = T | Promise<T>;

/** Whether a store answered later (a Promise) rather than at once. */
export function isPromise<T>(value: MaybePromise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/**
 * Runs `next` on `value` at once when it is a plain value, after it resolves when it is a
 * Promise: a store that answers synchronously (SQLite) costs the caller no extra turn.
 */
export function andThen<T, U>(value: MaybePromise<T>, next: (resolved: T) => MaybePromise<U>): MaybePromise<U> {
  return isPromise(value) ? value.then(next) : next(value);
}

/**
 * What the rooms and the registry use of a store. The SQLite BoardStore answers each call at
 * once, the PostgreSQL store with Promises; both fit as they are, and the room only waits when
 * it was handed a Promise.
 */
export interface RoomStore {
  /** 'sqlite' or 'postgres' (absent: an embedded store, as in tests). */
  readonly kind?: string;
  load(boardId: string): MaybePromise<Uint8Array[]>;
  loadSince(boardId: string, seq: number): MaybePromise<SeqRow[]>;
  maxSeq(boardId: string): MaybePromise<number>;
  append(boardId: string, update: Uint8Array): MaybePromise<Appended>;
  compact(boardId: string, state: Uint8Array, upToSeq?: number): MaybePromise<void>;
  loadWriters(boardId: string): MaybePromise<Map<number, string>>;
  bindWriter(boardId: string, client: number, keyHash: string): MaybePromise<void>;
  stateAt?(boardId: string, at: number): MaybePromise<HistoricState | null>;
  pruneHistory?(): MaybePromise<number>;
  stats?(): MaybePromise<BoardStoreStats>;
  rowCount?(boardId: string): MaybePromise<number>;
  listBoards?(limit: number, after?: BoardCursor): MaybePromise<StoredBoard[]>;
  /** Whether the store answers now (absent: an embedded store, always there). */
  healthy?(): Promise<boolean>;
  close(): MaybePromise<void>;
}

export interface AsyncBoardStore {
  /** 'sqlite' or 'postgres', for /healthz and logs. */
  readonly kind: string;
  /** Every stored update of a board, in seq order (empty for a new board). */
  load(boardId: string): Promise<Uint8Array[]>;
  /** The rows of a board with a seq above `seq`, in seq order. */
  loadSince(boardId: string, seq: number): Promise<SeqRow[]>;
  /** The board's highest seq, 0 if it has none. */
  maxSeq(boardId: string): Promise<number>;
  /** Stores one update, durable once the promise resolves; resolves with its seq. */
  append(boardId: string, update: Uint8Array): Promise<Appended>;
  /** Stores several updates of one board in one transaction (group commit), seqs in their order. */
  appendMany(boardId: string, updates: readonly Uint8Array[]): Promise<Appended[]>;
  /** See BoardStore.compact: replaces the rows up to `upToSeq` (default all) by `state`. */
  compact(boardId: string, state: Uint8Array, upToSeq?: number): Promise<void>;
  stateAt(boardId: string, at: number): Promise<HistoricState | null>;
  pruneHistory(): Promise<number>;
  stats(): Promise<BoardStoreStats>;
  rowCount(boardId: string): Promise<number>;
  listBoards(limit: number, after?: BoardCursor): Promise<StoredBoard[]>;
  /** Every current row of a board with its seq and time (the migration between stores). */
  loadRows(boardId: string): Promise<StoredRow[]>;
  /** Stores rows at their own seqs and times, skipping seqs already there; resolves with how many went in. */
  importRows(boardId: string, rows: readonly StoredRow[]): Promise<number>;
  loadWriters(boardId: string): Promise<Map<number, string>>;
  bindWriter(boardId: string, client: number, keyHash: string): Promise<void>;
  /** Whether the store answers now (a database server may be away). */
  healthy(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * The SQLite store (synchronous: better-sqlite3 blocks for the few microseconds a statement
 * takes) behind the asynchronous interface: every call resolves at once with what it did.
 */
export function asAsyncStore(store: BoardStore, kind = 'sqlite'): AsyncBoardStore {
  const run = <T>(work: () => T): Promise<T> => {
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
  return {
    kind,
    load: (boardId) => run(() => store.load(boardId)),
    loadSince: (boardId, seq) => run(() => store.loadSince(boardId, seq)),
    maxSeq: (boardId) => run(() => store.maxSeq(boardId)),
    append: (boardId, update) => run(() => store.append(boardId, update)),
    appendMany: (boardId, updates) => run(() => updates.map((update) => store.append(boardId, update))),
    compact: (boardId, state, upToSeq) => run(() => store.compact(boardId, state, upToSeq)),
    stateAt: (boardId, at) => run(() => store.stateAt?.(boardId, at) ?? null),
    pruneHistory: () => run(() => store.pruneHistory?.() ?? 0),
    stats: () => run(() => store.stats?.() ?? { boards: 0, rows: 0 }),
    rowCount: (boardId) => run(() => store.rowCount?.(boardId) ?? 0),
    listBoards: (limit, after) => run(() => store.listBoards?.(limit, after) ?? []),
    loadRows: (boardId) =>
      run(() => {
        if (!store.loadRows) throw new Error('this store cannot list its rows');
        return store.loadRows(boardId);
      }),
    importRows: (boardId, rows) =>
      run(() => {
        if (!store.importRows) throw new Error('this store cannot import rows');
        return store.importRows(boardId, rows);
      }),
    loadWriters: (boardId) => run(() => store.loadWriters(boardId)),
    bindWriter: (boardId, client, keyHash) => run(() => store.bindWriter(boardId, client, keyHash)),
    healthy: () => Promise.resolve(true),
    close: () => run(() => store.close()),
  };
}
