/** The registry of loaded boards: loads on first use, unloads (compacted) once idle, versions them automatically. */
import { isValidBoardId } from '../src/model/ids';
import { AUTO_VERSION_CHECK_MS, type AutoVersions } from './autoVersions';
import type { Logger } from './log';
import type { HistoricState } from './persistence';
import { CLOSE_GOING_AWAY } from './protocol';
import type { Room } from './room';
import { openRoom, type RoomSocket } from './room';
import { isPromise, type RoomStore } from './storage/types';
import type { ClusterNode } from './cluster/node';

/** How often history older than its retention is deleted (compactions also prune it). */
const HISTORY_PRUNE_MS = 60 * 60_000;

export interface RoomRegistryOptions {
  store: RoomStore;
  log: Logger;
  /** How long an empty room stays loaded, in case its clients come straight back. */
  idleMs: number;
  compactEvery: number;
  /** Largest encoded board size accepted (0 = no limit); see Room. */
  maxBoardBytes?: number;
  /** Takes automatic versions of the loaded boards (absent: none are taken). */
  autoVersions?: AutoVersions;
  /** How often loaded boards are looked at for automatic versions (default AUTO_VERSION_CHECK_MS). */
  versionCheckMs?: number;
  /** Other relay instances serving the same boards (server/cluster); absent: this instance alone. */
  cluster?: ClusterNode;
}

export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  /** Boards being read from the store: every open() of one meanwhile shares its load. */
  private readonly loading = new Map<string, Promise<Room>>();
  /** Set when the store failed (a load, an append): upgrades then ask it first whether it answers again. */
  private storeFailedAt: number | null = null;
  private readonly idleTimers = new Map<Room, NodeJS.Timeout>();
  private readonly housekeeping: NodeJS.Timeout;
  private lastHistoryPrune = -Infinity;
  private closed = false;

  constructor(private readonly options: RoomRegistryOptions) {
    // One timer for every board: automatic versions (each board compared with its last version,
    // its document read afresh) and pruning of the storage history.
    this.housekeeping = setInterval(() => this.housekeep(), options.versionCheckMs ?? AUTO_VERSION_CHECK_MS);
    this.housekeeping.unref();
  }

  /** Loaded rooms. */
  get size(): number {
    return this.rooms.size;
  }

  /** Open connections over all rooms. */
  get connectionCount(): number {
    let total = 0;
    for (const room of this.rooms.values()) total += room.connectionCount;
    return total;
  }

  /** The loaded room of a board, if any (no loading). */
  peek(boardId: string): Room | undefined {
    return this.rooms.get(boardId);
  }

  /**
   * The room of a board, loading it from storage first if needed (at once from a synchronous
   * store; concurrent opens of one board share one load). The room holds every stored update
   * before the caller can attach a connection to it. A freshly loaded room is scheduled for
   * unloading until a connection arrives.
   */
  open(boardId: string): Promise<Room> {
    try {
      const room = this.load(boardId);
      return isPromise(room) ? room : Promise.resolve(room);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** open(), with the room itself when it is loaded or the store answered at once. */
  private load(boardId: string): Room | Promise<Room> {
    if (this.closed) throw new Error('the room registry is closed');
    // The upgrade handler validated already; checking again keeps junk out of storage for any caller.
    if (!isValidBoardId(boardId)) throw new Error('invalid board id');
    const loaded = this.rooms.get(boardId);
    if (loaded !== undefined && !loaded.isBroken) return loaded;
    const pending = this.loading.get(boardId);
    if (pending !== undefined) return pending;
    const started = performance.now();
    let made: Room | Promise<Room>;
    try {
      made = openRoom({
        boardId,
        store: this.options.store,
        log: this.options.log,
        compactEvery: this.options.compactEvery,
        maxBoardBytes: this.options.maxBoardBytes ?? 0,
        onEmpty: (empty) => this.scheduleIdle(empty),
        onBroken: (broken) => {
          this.storeFailedAt = Date.now();
          this.forget(broken);
        },
        onCommitted: (update, seq) => this.options.cluster?.committed(boardId, update, seq),
      });
    } catch (error) {
      this.storeFailedAt = Date.now();
      throw error;
    }
    if (!isPromise(made)) return this.install(made, started);
    const load = made.then(
      (room) => {
        this.loading.delete(boardId);
        if (this.closed) {
          room.destroy(CLOSE_GOING_AWAY, 'server shutting down');
          throw new Error('the room registry is closed');
        }
        return this.install(room, started);
      },
      (error: unknown) => {
        this.loading.delete(boardId);
        this.storeFailedAt = Date.now();
        throw error;
      },
    );
    this.loading.set(boardId, load);
    return load;
  }

  private install(room: Room, started: number): Room {
    const { boardId } = room;
    this.storeFailedAt = null;
    this.rooms.set(boardId, room);
    this.options.cluster?.follow(boardId, room, room.loadedSeq);
    this.scheduleIdle(room);
    this.options.log.info('loaded board', {
      board: boardId,
      rows: room.storedRowCount,
      ms: Math.round(performance.now() - started),
    });
    return room;
  }

  /**
   * Whether the store may be used: true unless a load or an append failed since the last
   * success, in which case the store is asked (`healthy`, or a read of the board's seq).
   */
  async storeAvailable(boardId: string): Promise<boolean> {
    if (this.storeFailedAt === null) return true;
    const { store } = this.options;
    try {
      const answers = store.healthy ? await store.healthy() : (await store.maxSeq(boardId), true);
      if (answers) this.storeFailedAt = null;
      return answers;
    } catch {
      return false;
    }
  }

  /** A board's room at a committed point (every update in its document stored): what the HTTP API reads. */
  async committedRoom(boardId: string): Promise<Room> {
    const room = this.peek(boardId) ?? (await this.open(boardId));
    await room.settled();
    return room;
  }

  /**
   * Attaches a connection to a board's room and starts the sync handshake. The room must be
   * loaded (open() it first), unless the store answers synchronously; throws otherwise.
   */
  join(boardId: string, socket: RoomSocket): Room {
    const room = this.load(boardId);
    if (isPromise(room)) {
      room.catch(() => undefined);
      throw new Error(`board ${boardId} is not loaded yet`);
    }
    this.cancelIdle(room);
    // Before the connection can send anything, at a committed point: the version holds the
    // board as the participant found it.
    room.connect(socket, () => this.options.autoVersions?.joined(room, socket.role));
    return room;
  }

  /** Closes a board's connections with `code` on this instance and on every other (e.g. its links were revoked). */
  closeEverywhere(boardId: string, code: number, reason: string): void {
    this.rooms.get(boardId)?.closeAll(code, reason);
    this.options.cluster?.closeBoardEverywhere(boardId, code, reason);
  }

  /** A board as it was at `at`, rebuilt from the store's history (null if the store does not know). */
  async stateAt(boardId: string, at: number): Promise<HistoricState | null> {
    if (!isValidBoardId(boardId)) throw new Error('invalid board id');
    return (await this.options.store.stateAt?.(boardId, at)) ?? null;
  }

  /**
   * Compacts and unloads a room now (what the idle timer does). With a synchronous store it is
   * done when this returns; otherwise once the promise resolves. The room leaves the registry
   * first, so a connection arriving meanwhile gets a fresh room from the store.
   */
  async unload(room: Room): Promise<void> {
    this.cancelIdle(room);
    if (this.rooms.get(room.boardId) !== room) return;
    this.forget(room);
    const compacted = room.compact();
    if (isPromise(compacted)) await compacted;
    room.destroy(CLOSE_GOING_AWAY, 'board unloaded');
    this.options.log.info('unloaded board', { board: room.boardId });
  }

  /** Shutdown: closes every connection with 1001, compacts and unloads every room; open() refuses afterwards. */
  async closeAll(): Promise<void> {
    this.closed = true;
    clearInterval(this.housekeeping);
    const compactions: Promise<unknown>[] = [];
    for (const room of [...this.rooms.values()]) {
      this.cancelIdle(room);
      room.closeAll(CLOSE_GOING_AWAY, 'server shutting down');
      const compacted = room.compact();
      const done = isPromise(compacted) ? compacted : Promise.resolve(compacted);
      compactions.push(done.finally(() => room.destroy(CLOSE_GOING_AWAY, 'server shutting down')));
      this.options.autoVersions?.forget(room.boardId);
    }
    this.rooms.clear();
    await Promise.all(compactions);
  }

  private housekeep(): void {
    this.options.autoVersions?.tick(this.rooms.values());
    if (Date.now() - this.lastHistoryPrune < HISTORY_PRUNE_MS) return;
    this.lastHistoryPrune = Date.now();
    const failed = (error: unknown) => this.options.log.error('pruning the storage history failed', { error: String(error) });
    const logged = (pruned: number) => {
      if (pruned > 0) this.options.log.debug('pruned storage history', { rows: pruned });
    };
    try {
      const pruned = this.options.store.pruneHistory?.() ?? 0;
      if (isPromise(pruned)) pruned.then(logged, failed);
      else logged(pruned);
    } catch (error) {
      failed(error);
    }
  }

  private scheduleIdle(room: Room): void {
    if (this.closed || this.idleTimers.has(room)) return;
    const timer = setTimeout(() => {
      this.idleTimers.delete(room);
      if (room.connectionCount > 0) return;
      this.unload(room).catch((error: unknown) =>
        this.options.log.error('failed to unload board', { board: room.boardId, error: String(error) }),
      );
    }, this.options.idleMs);
    this.idleTimers.set(room, timer);
  }

  private cancelIdle(room: Room): void {
    const timer = this.idleTimers.get(room);
    if (timer !== undefined) clearTimeout(timer);
    this.idleTimers.delete(room);
  }

  private forget(room: Room): void {
    this.cancelIdle(room);
    if (this.rooms.get(room.boardId) !== room) return;
    this.rooms.delete(room.boardId);
    this.options.autoVersions?.forget(room.boardId);
    void this.options.cluster?.detach(room.boardId);
  }
}
