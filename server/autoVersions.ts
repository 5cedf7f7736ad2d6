/**
 * Automatic versions: the relay saves a board by itself, so that nothing a participant does
 * is beyond recovery. One when the first participant joins a loaded board, then at most one
 * every AUTO_VERSION_INTERVAL_MS while the board changes; older ones are thinned on a schedule.
 * Named versions are never touched. See docs/operations.md, "Recovering a board".
 */
import * as Y from 'yjs';
import type { Logger } from './log';
import type { AutoVersionRef, MetaStore } from './metaStore';
import type { Role } from '../src/model/roles';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** At most one periodic automatic version per board in this time. */
export const AUTO_VERSION_INTERVAL_MS = 10 * MINUTE;
/** How often the registry looks at its loaded boards. */
export const AUTO_VERSION_CHECK_MS = MINUTE;
/** How often automatic versions of every board (loaded or not) are thinned. */
export const AUTO_VERSION_SWEEP_MS = 6 * HOUR;

/**
 * How long automatic versions are kept: every one younger than the first `within`, then one
 * per `every` (the newest of each period) up to the next `within`; none past the last.
 */
export const AUTO_VERSION_RETENTION: readonly { within: number; every: number }[] = [
  { within: DAY, every: 0 },
  { within: 7 * DAY, every: HOUR },
  { within: 90 * DAY, every: DAY },
];

/** The automatic versions the retention schedule drops at `now` (ids). Pure. */
export function autoVersionsToDrop(versions: readonly Pick<AutoVersionRef, 'id' | 'createdAt'>[], now: number): string[] {
  const drop: string[] = [];
  const kept = new Set<string>(); // "tier:period" buckets that already hold a newer version
  for (const v of [...versions].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1))) {
    const age = now - v.createdAt;
    const tier = AUTO_VERSION_RETENTION.findIndex((t) => age < t.within);
    if (tier < 0) {
      drop.push(v.id);
      continue;
    }
    const every = AUTO_VERSION_RETENTION[tier]!.every;
    if (every === 0) continue;
    const bucket = `${tier}:${Math.floor(v.createdAt / every)}`;
    if (kept.has(bucket)) drop.push(v.id);
    else kept.add(bucket);
  }
  return drop;
}

/** What automatic versions need of a loaded room. Read `doc` each time: a room may replace it. */
export interface VersionedRoom {
  readonly boardId: string;
  readonly doc: Y.Doc;
  readonly isBroken?: boolean;
  /** True while the room waits for its store: its document may hold an update not stored yet. */
  readonly busy?: boolean;
}

export interface AutoVersionOptions {
  meta: Pick<MetaStore, 'saveAutoVersion' | 'latestVersion' | 'listAutoVersions' | 'deleteAutoVersions'>;
  log: Logger;
  now?: () => number;
  intervalMs?: number;
}

/** What is known of a board while it is loaded. */
interface BoardState {
  room: VersionedRoom;
  /** The board as of its newest version (null: no version yet, or not looked up yet). */
  saved: Y.Snapshot | null;
  savedAt: number;
  participantSeen: boolean;
  /** The board's storage work, one step after the other (the first looks up its newest version). */
  queue: Promise<void>;
  /** A periodic look is queued and not done: another is not queued behind it. */
  looking: boolean;
}

/** The board as it is now, or null when nothing was ever written to it (nothing to recover). */
interface Capture {
  snapshot: Y.Snapshot;
  state: Uint8Array;
}

function snapshotOf(state: Uint8Array): Y.Snapshot {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return Y.snapshot(doc);
  } finally {
    doc.destroy();
  }
}

function capture(room: VersionedRoom): Capture | null {
  const doc = room.doc;
  return doc.store.clients.size === 0 ? null : { snapshot: Y.snapshot(doc), state: Y.encodeStateAsUpdate(doc) };
}

/**
 * Takes and thins automatic versions; driven by the room registry. Storage is asynchronous:
 * each board's steps run one after the other, and every call resolves once its steps are done
 * (they never reject: failures are logged).
 */
export class AutoVersions {
  private readonly boards = new Map<string, BoardState>();
  private readonly now: () => number;
  private readonly intervalMs: number;
  private lastSweep = -Infinity;
  private sweeping: Promise<number> | null = null;
  private readonly pending = new Set<Promise<unknown>>();

  constructor(private readonly options: AutoVersionOptions) {
    this.now = options.now ?? Date.now;
    this.intervalMs = options.intervalMs ?? AUTO_VERSION_INTERVAL_MS;
  }

  /** A connection joined `room`: the first participant of this loaded session gets the board saved as it is now. */
  joined(room: VersionedRoom, role: Role | undefined): Promise<void> {
    if (role !== 'participant') return Promise.resolve();
    const board = this.stateOf(room);
    if (board.participantSeen) return Promise.resolve();
    board.participantSeen = true;
    // Taken now, before the participant can change anything; stored when the board's turn comes.
    const now = capture(room);
    return this.enqueue(board, () => this.saveIfChanged(board, now, 'participant joined'));
  }

  /** Periodic check of the loaded rooms: a version of each board that changed, at most once per interval. */
  tick(rooms: Iterable<VersionedRoom>): Promise<void> {
    const steps: Promise<unknown>[] = [];
    for (const room of rooms) {
      if (room.isBroken || room.busy) continue; // looked at again at the next tick
      const board = this.stateOf(room);
      if (board.looking) continue;
      board.looking = true;
      steps.push(
        this.enqueue(board, async () => {
          board.looking = false;
          if (this.now() - board.savedAt >= this.intervalMs) await this.saveIfChanged(board, capture(board.room), 'interval');
        }),
      );
    }
    if (this.now() - this.lastSweep >= AUTO_VERSION_SWEEP_MS) steps.push(this.sweep());
    return Promise.all(steps).then(() => undefined);
  }

  /** The board was unloaded: its next load is a new session. */
  forget(boardId: string): void {
    this.boards.delete(boardId);
  }

  /** Resolves once every step started so far is done. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  /** Thins the automatic versions of every board by the retention schedule. Resolves with how many went. */
  sweep(): Promise<number> {
    this.lastSweep = this.now();
    this.sweeping ??= this.track(this.thin()).finally(() => (this.sweeping = null));
    return this.sweeping;
  }

  private async thin(): Promise<number> {
    try {
      const byBoard = new Map<string, AutoVersionRef[]>();
      for (const v of await this.options.meta.listAutoVersions()) byBoard.set(v.boardId, [...(byBoard.get(v.boardId) ?? []), v]);
      let dropped = 0;
      for (const versions of byBoard.values())
        dropped += await this.options.meta.deleteAutoVersions(autoVersionsToDrop(versions, this.lastSweep));
      if (dropped > 0) this.options.log.debug('thinned automatic versions', { dropped });
      return dropped;
    } catch (error) {
      this.options.log.error('thinning automatic versions failed', { error: String(error) });
      return 0;
    }
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work)).catch(() => undefined);
    return work;
  }

  private enqueue(board: BoardState, step: () => Promise<void>): Promise<void> {
    board.queue = board.queue
      .then(step)
      .catch((error: unknown) => this.options.log.error('automatic version failed', { board: board.room.boardId, error: String(error) }));
    return this.track(board.queue);
  }

  private stateOf(room: VersionedRoom): BoardState {
    const known = this.boards.get(room.boardId);
    if (known && known.room === room) return known;
    const board: BoardState = { room, saved: null, savedAt: -Infinity, participantSeen: false, queue: Promise.resolve(), looking: false };
    this.boards.set(room.boardId, board);
    // A new session: compare with the newest stored version, so a board reopened unchanged is not saved again.
    void this.enqueue(board, async () => {
      try {
        const latest = await this.options.meta.latestVersion(room.boardId);
        if (latest) {
          board.saved = snapshotOf(latest.state);
          board.savedAt = latest.info.createdAt;
        }
      } catch (error) {
        this.options.log.error('could not read the latest version', { board: room.boardId, error: String(error) });
      }
    });
    return board;
  }

  private async saveIfChanged(board: BoardState, current: Capture | null, reason: string): Promise<void> {
    const { boardId } = board.room;
    try {
      if (current === null) return;
      // The snapshot holds the delete set too: a change that only deletes counts as a change.
      if (board.saved && Y.equalSnapshots(board.saved, current.snapshot)) return;
      const now = this.now();
      const version = await this.options.meta.saveAutoVersion(boardId, current.state, now);
      board.saved = current.snapshot;
      board.savedAt = now;
      await this.options.meta.deleteAutoVersions(autoVersionsToDrop(await this.options.meta.listAutoVersions(boardId), now));
      this.options.log.debug('saved an automatic version', { board: boardId, reason, bytes: version.bytes });
    } catch (error) {
      this.options.log.error('automatic version failed', { board: boardId, error: String(error) });
    }
  }
}
