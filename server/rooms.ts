/** The registry of loaded boards: loads on first use, unloads (compacted) once idle, versions them automatically. */
import { isValidBoardId } from '../src/model/ids';
import { AUTO_VERSION_CHECK_MS, type AutoVersions } from './autoVersions';
import type { Logger } from './log';
import type { BoardStore, HistoricState } from './persistence';
import { CLOSE_GOING_AWAY } from './protocol';
import { Room, type RoomSocket } from './room';
import type { ClusterNode } from './cluster/node';

/** How often history older than its retention is deleted (compactions also prune it). */
const HISTORY_PRUNE_MS = 60 * 60_000;

export interface RoomRegistryOptions {
  store: BoardStore;
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
   * Returns the room of a board, loading it from storage first if needed. Loading is synchronous,
   * so the room holds every stored update before the caller can attach a connection to it.
   * A freshly loaded room is scheduled for unloading until a connection arrives.
   */
  open(boardId: string): Room {
    if (this.closed) throw new Error('the room registry is closed');
    // The upgrade handler validated already; checking again keeps junk out of storage for any caller.
    if (!isValidBoardId(boardId)) throw new Error('invalid board id');
    const loaded = this.rooms.get(boardId);
    if (loaded !== undefined && !loaded.isBroken) return loaded;
    const started = performance.now();
    const room = new Room({
      boardId,
      store: this.options.store,
      log: this.options.log,
      compactEvery: this.options.compactEvery,
      maxBoardBytes: this.options.maxBoardBytes ?? 0,
      onEmpty: (empty) => this.scheduleIdle(empty),
      onBroken: (broken) => this.forget(broken),
      onCommitted: (update, seq) => this.options.cluster?.committed(boardId, update, seq),
    });
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

  /** Attaches a connection to a board's room (loading it if needed) and starts the sync handshake. */
  join(boardId: string, socket: RoomSocket): Room {
    const room = this.open(boardId);
    this.cancelIdle(room);
    // Before the connection can send anything: the version holds the board as the participant found it.
    this.options.autoVersions?.joined(room, socket.role);
    room.connect(socket);
    return room;
  }

  /** Closes a board's connections with `code` on this instance and on every other (e.g. its links were revoked). */
  closeEverywhere(boardId: string, code: number, reason: string): void {
    this.rooms.get(boardId)?.closeAll(code, reason);
    this.options.cluster?.closeBoardEverywhere(boardId, code, reason);
  }

  /** A board as it was at `at`, rebuilt from the store's history (null if the store does not know). */
  stateAt(boardId: string, at: number): HistoricState | null {
    if (!isValidBoardId(boardId)) throw new Error('invalid board id');
    return this.options.store.stateAt?.(boardId, at) ?? null;
  }

  /** Compacts and unloads a room now (what the idle timer does). */
  unload(room: Room): void {
    this.cancelIdle(room);
    if (this.rooms.get(room.boardId) !== room) return;
    room.compact();
    this.forget(room);
    room.destroy(CLOSE_GOING_AWAY, 'board unloaded');
    this.options.log.info('unloaded board', { board: room.boardId });
  }

  /** Shutdown: closes every connection with 1001, compacts and unloads every room; open() refuses afterwards. */
  closeAll(): void {
    this.closed = true;
    clearInterval(this.housekeeping);
    for (const room of [...this.rooms.values()]) {
      this.cancelIdle(room);
      room.compact();
      room.destroy(CLOSE_GOING_AWAY, 'server shutting down');
      this.options.autoVersions?.forget(room.boardId);
    }
    this.rooms.clear();
  }

  private housekeep(): void {
    this.options.autoVersions?.tick(this.rooms.values());
    if (Date.now() - this.lastHistoryPrune < HISTORY_PRUNE_MS) return;
    this.lastHistoryPrune = Date.now();
    try {
      const pruned = this.options.store.pruneHistory?.() ?? 0;
      if (pruned > 0) this.options.log.debug('pruned storage history', { rows: pruned });
    } catch (error) {
      this.options.log.error('pruning the storage history failed', { error: String(error) });
    }
  }

  private scheduleIdle(room: Room): void {
    if (this.closed || this.idleTimers.has(room)) return;
    const timer = setTimeout(() => {
      this.idleTimers.delete(room);
      try {
        if (room.connectionCount === 0) this.unload(room);
      } catch (error) {
        this.options.log.error('failed to unload board', { board: room.boardId, error: String(error) });
      }
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
